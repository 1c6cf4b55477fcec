import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { loanSchedule, type LoanTerms } from '../loanSchedule.ts';

// Fineract's cumulative engine reads daysInYear "actual" as 365: calculatePeriodsInOneYear
// (LoanApplicationTerms) asks DefaultPaymentPeriodsInOneYearCalculator for DAYS, which is 365,
// and periodicInterestRate takes one rate for the whole period, so a period across 31 December
// is not split by year. (Its progressive engine does split: see progressive/rateFactor.ts.)
const daily: LoanTerms = {
  principal: '5000', rateAnnualPercent: '12', interestMethod: 'declining-balance',
  amortization: 'equal-installments', interestPeriod: 'daily', repayments: 18,
  frequency: 'months', disbursedOn: '2022-11-01', daysInYear: 'actual', daysInMonth: 'actual',
  installmentMultipleOf: '1',
};

// fineract-e2e-tests-runner/.../features/Loan.feature, "RS03 - ... Declining Balance, interest
// period: Daily ..." (C2493): its rows 15 to 18 fall in leap year 2024. Dividing by 366 would
// give 12.07, 8.51, 6.08 and 2.94.
test('RS03 (Fineract e2e): periods in leap year 2024 divide by 365', () => {
  const s = loanSchedule(daily);
  assert.equal(s.installments.slice(14).map((i) => `${i.dueOn} ${i.days} ${i.interest}`), [
    '2024-02-01 31 12.10', '2024-03-01 29 8.53', '2024-04-01 31 6.10', '2024-05-01 30 2.95',
  ]);
});

// Hand-checked from the code above: 15 December 2023 to 15 January 2024 is 31 days at
// 12% / 365, 10000 x 0.12 / 365 x 31 = 101.92 (split by year, 17/365 + 14/366, it is 101.79).
test('a period across 31 December into a leap year takes one 365-day rate', () => {
  const s = loanSchedule({
    ...daily, principal: '10000', repayments: 3, disbursedOn: '2023-12-15',
    installmentMultipleOf: undefined,
  });
  assert.equal(s.installments.map((i) => `${i.dueOn} ${i.days} ${i.interest}`), [
    '2024-01-15 31 101.92', '2024-02-15 31 68.31', '2024-03-15 29 32.15',
  ]);
});

test.run();
