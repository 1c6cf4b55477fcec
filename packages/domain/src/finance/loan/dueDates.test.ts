import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { loanSchedule, type LoanTerms } from '../loanSchedule.ts';

// integration-tests/.../LoanApplicationScheduleMonthlyTest.java: disbursed 30 December 2022,
// 14 monthly repayments, flat 2% a month, days in year and in month "actual".
const monthly: LoanTerms = {
  principal: '10000', rateAnnualPercent: '24', interestMethod: 'flat',
  amortization: 'equal-installments', interestPeriod: 'same-as-repayment', repayments: 14,
  frequency: 'months', disbursedOn: '2022-12-30', daysInYear: 'actual', daysInMonth: 'actual',
};
const dueDates = (t: LoanTerms): string[] => loanSchedule(t).installments.map((i) => i.dueOn);

test('validateSeedDate31 (Fineract): a long first period, then the 31st or the month end', () => {
  const s = loanSchedule({ ...monthly, firstRepaymentOn: '2023-01-31' });
  assert.is(s.installments[0]?.days, 32);
  assert.equal(s.installments.map((i) => i.dueOn), [
    '2023-01-31', '2023-02-28', '2023-03-31', '2023-04-30', '2023-05-31', '2023-06-30',
    '2023-07-31', '2023-08-31', '2023-09-30', '2023-10-31', '2023-11-30', '2023-12-31',
    '2024-01-31', '2024-02-29',
  ]);
});

test('validateSeedDate30 (Fineract): the 30th, or the end of February', () => {
  assert.equal(dueDates({ ...monthly, firstRepaymentOn: '2023-01-30' }), [
    '2023-01-30', '2023-02-28', '2023-03-30', '2023-04-30', '2023-05-30', '2023-06-30',
    '2023-07-30', '2023-08-30', '2023-09-30', '2023-10-30', '2023-11-30', '2023-12-30',
    '2024-01-30', '2024-02-29',
  ]);
});

// AbstractCumulativeLoanScheduleGenerator.calculateInterestStartDateForPeriod (no "interest
// charged from" date, the global interest-charged-from-date-same-as-disbursal-date off): the
// first period's interest runs from the ideal disbursement date, one period before the first
// due date, even when that is before the disbursement. Hand-checked from that code:
// 10000 x 12% / 365 x 31 days (1 January to 1 February) = 101.92 for a 12-day first period.
test('peculiarity: a short first period charges a whole period of daily interest', () => {
  const s = loanSchedule({
    ...monthly, rateAnnualPercent: '12', interestMethod: 'declining-balance', repayments: 3,
    interestPeriod: 'daily', disbursedOn: '2024-01-20', firstRepaymentOn: '2024-02-01',
  });
  assert.equal(s.installments.map((i) => `${i.dueOn} ${i.days} ${i.interest}`), [
    '2024-02-01 12 101.92', '2024-03-01 29 63.90', '2024-04-01 31 34.32',
  ]);
});

test.run();
