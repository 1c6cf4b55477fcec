import { test } from 'uvu';
import * as assert from 'uvu/assert';
import {
  InvalidTermsError, loanSchedule, type LoanSchedule, type LoanTerms,
} from '../loanSchedule.ts';

// One line per installment: "n dueOn days principal interest total balance".
const lines = (s: LoanSchedule): string[] => s.installments.map((i) =>
  [i.n, i.dueOn, i.days, i.principal, i.interest, i.total, i.balance].map(String).join(' '));

// Fineract's e2e product LP2_DOWNPAYMENT (LoanProductsRequestFactory
// .defaultLoanProductsRequestLP2): cumulative, 25% down payment, installments in multiples of 1.
const lp2: LoanTerms = {
  principal: '1250', rateAnnualPercent: '0', interestMethod: 'declining-balance',
  amortization: 'equal-installments', interestPeriod: 'same-as-repayment', repayments: 3,
  frequency: 'months', disbursedOn: '2022-01-01', daysInYear: 'actual', daysInMonth: 'actual',
  installmentMultipleOf: '1', downPaymentPercent: '25',
};

// fineract-e2e-tests-runner/.../features/LoanDownPayment.feature, scenario "Verify correct Loan
// Repayment EMI Amount is calculated and is rounded off if loan product
// installmentAmountInMultiplesOf is set": 312.50 rounds half-even to 312.
test('LoanDownPayment.feature: the down payment is rounded to the installment multiple', () => {
  assert.equal(lines(loanSchedule(lp2)), [
    '1 2022-01-01 0 312.00 0.00 312.00 938.00',
    '2 2022-02-01 31 313.00 0.00 313.00 625.00',
    '3 2022-03-01 28 313.00 0.00 313.00 312.00',
    '4 2022-04-01 31 312.00 0.00 312.00 0.00',
  ]);
});

// LoanDownPayment.feature, "Single disbursement normal flow - auto enabled" (LP2_DOWNPAYMENT,
// 1000, flat, 0%, 3 months): 250.00 down, then 3 x 250.00.
test('LoanDownPayment.feature: a flat loan at a zero rate, 1000 with 25% down', () => {
  const s = loanSchedule({ ...lp2, principal: '1000', interestMethod: 'flat' });
  assert.equal(s.installments.map((i) => `${i.dueOn} ${i.principal} ${i.balance}`), [
    '2022-01-01 250.00 750.00', '2022-02-01 250.00 500.00', '2022-03-01 250.00 250.00',
    '2022-04-01 250.00 0.00',
  ]);
});

// integration-tests/.../AdvancedPaymentAllocationLoanRepaymentScheduleTest.java, uc141 and
// uc142: progressive, 360/30, 5 monthly repayments, 25% down, no installment multiple.
const progressive: LoanTerms = {
  ...lp2, principal: '100', rateAnnualPercent: '5', interestPeriod: 'daily', repayments: 5,
  disbursedOn: '2024-01-01', daysInYear: 360, daysInMonth: 30,
  installmentMultipleOf: undefined, scheduleType: 'progressive',
};
const parts = (s: LoanSchedule): string[] =>
  s.installments.map((i) => `${i.dueOn} ${i.principal} ${i.interest}`);

test('uc141 (Fineract): progressive with a down payment, 5%', () => {
  const s = loanSchedule(progressive);
  assert.equal(parts(s), [
    '2024-01-01 25.00 0.00', '2024-02-01 14.88 0.31', '2024-03-01 14.94 0.25',
    '2024-04-01 15.00 0.19', '2024-05-01 15.06 0.13', '2024-06-01 15.12 0.06',
  ]);
  assert.is(String(s.totalDue), '100.94');
});

test('uc142 (Fineract): progressive with a down payment, 12.3%', () => {
  const s = loanSchedule({ ...progressive, rateAnnualPercent: '12.3' });
  assert.equal(parts(s), [
    '2024-01-01 25.00 0.00', '2024-02-01 14.70 0.77', '2024-03-01 14.85 0.62',
    '2024-04-01 15.00 0.47', '2024-05-01 15.16 0.31', '2024-06-01 15.29 0.16',
  ]);
  assert.is(String(s.totalDue), '102.33');
});

test('after the down payment, the installments are those of a loan of the rest', () => {
  const terms: LoanTerms = {
    ...lp2, principal: '10000', rateAnnualPercent: '12', repayments: 12, daysInYear: 365,
    daysInMonth: 30, installmentMultipleOf: undefined, downPaymentPercent: '12.5',
  };
  const s = loanSchedule(terms);
  const rest = loanSchedule({ ...terms, principal: '8750', downPaymentPercent: '0' });
  assert.is(lines(s)[0], '1 2022-01-01 0 1250.00 0.00 1250.00 8750.00');
  assert.equal(lines(s).slice(1), lines(rest).map((l) => l.replace(/^\d+/, (n) =>
    String(Number(n) + 1))));
  assert.is(String(s.totalPrincipal), '10000.00');
});

test('no down payment leaves the schedule as it was', () => {
  const { downPaymentPercent: _, ...none } = lp2;
  assert.equal(lines(loanSchedule({ ...none, downPaymentPercent: '0' })),
    lines(loanSchedule(none)));
  assert.is(loanSchedule(none).installments.length, 3);
});

const refusal = (t: LoanTerms): string => {
  try { loanSchedule(t); } catch (e) { return e instanceof InvalidTermsError ? e.field : 'x'; }
  return 'accepted';
};

test('refuses down payments it cannot honour, naming downPaymentPercent', () => {
  for (const bad of ['100', '-1', '1.1234567', 'ten']) {
    assert.is(refusal({ ...lp2, downPaymentPercent: bad }), 'downPaymentPercent', bad);
  }
  // Flat interest with a down payment depends on Fineract's tranche settings.
  assert.is(refusal({ ...lp2, interestMethod: 'flat', rateAnnualPercent: '12' }),
    'downPaymentPercent');
  // 99.9% of 3 rounds to the whole 3 in multiples of 1: nothing left for the installments.
  assert.is(refusal({ ...lp2, principal: '3', downPaymentPercent: '99.9' }),
    'downPaymentPercent');
});

test.run();
