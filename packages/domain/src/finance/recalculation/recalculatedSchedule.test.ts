import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { InvalidTermsError, type LoanSchedule, type LoanTerms } from '../loanSchedule.ts';
import { recalculatedSchedule, type RecalculationInput } from './index.ts';

// Expected figures from Apache Fineract's ProgressiveEMICalculatorTest.java,
// fineract-progressive-loan/src/test/java/org/apache/fineract/portfolio/loanproduct/calc/,
// commit 4198b0bcf9a94e1c7aa0f386317ba71f40ceb1d9. Each line: "dueOn total interest
// principal balance", i.e. checkPeriod's EMI, due interest, due principal, balance.
const lines = (s: LoanSchedule): string[] => s.installments.map((i) =>
  [i.dueOn, i.total, i.interest, i.principal, i.balance].map(String).join(' '));

const terms: LoanTerms = {
  principal: '300', rateAnnualPercent: '9.4822', interestMethod: 'declining-balance',
  amortization: 'equal-installments', interestPeriod: 'same-as-repayment', repayments: 6,
  frequency: 'months', disbursedOn: '2024-01-01', daysInYear: 360, daysInMonth: 30,
  scheduleType: 'progressive',
};

const tranches = (...xs: Array<[string, string]>): RecalculationInput['disbursements'] =>
  xs.map(([on, amount]) => ({ on, amount }));

const run = (over: Partial<RecalculationInput>): LoanSchedule => recalculatedSchedule({
  terms, disbursements: tranches(['2024-01-01', '100']), principalPaid: [],
  strategy: 'reduce-term', ...over,
});

test('one tranche, nothing repaid: the plain progressive schedule', () => {
  assert.equal(lines(run({})), [
    '2024-02-01 17.13 0.79 16.34 83.66',
    '2024-03-01 17.13 0.66 16.47 67.19',
    '2024-04-01 17.13 0.53 16.60 50.59',
    '2024-05-01 17.13 0.40 16.73 33.86',
    '2024-06-01 17.13 0.27 16.86 17.00',
    '2024-07-01 17.13 0.13 17.00 0.00',
  ]);
});

test('testEMICalculation_multi_disbursedAmt200_2ndOnDueDate_dayInYears360_daysInMonth30_' +
  'repayEvery1Month: a tranche on a due date recomputes the EMI from the next period', () => {
  const s = run({ disbursements: tranches(['2024-01-01', '100'], ['2024-03-01', '100']) });
  assert.equal(lines(s), [
    '2024-02-01 17.13 0.79 16.34 83.66',
    '2024-03-01 17.13 0.66 16.47 167.19',
    '2024-04-01 42.63 1.32 41.31 125.88',
    '2024-05-01 42.63 0.99 41.64 84.24',
    '2024-06-01 42.63 0.67 41.96 42.28',
    '2024-07-01 42.61 0.33 42.28 0.00',
  ]);
});

test('testEMICalculation_multiDisbursedAmt300InSamePeriod_dayInYears360_daysInMonth30_' +
  'repayEvery1Month: a tranche inside the first period', () => {
  const s = run({ disbursements: tranches(['2024-01-01', '100'], ['2024-01-08', '200']) });
  assert.equal(lines(s), [
    '2024-02-01 51.33 2.02 49.31 250.69',
    '2024-03-01 51.33 1.98 49.35 201.34',
    '2024-04-01 51.33 1.59 49.74 151.60',
    '2024-05-01 51.33 1.20 50.13 101.47',
    '2024-06-01 51.33 0.80 50.53 50.94',
    '2024-07-01 51.34 0.40 50.94 0.00',
  ]);
});

test('testEMICalculation_multiDisbursedAmt200InDifferentPeriod_dayInYears360_daysInMonth30_' +
  'repayEvery1Month: a tranche inside a later period', () => {
  const s = run({ disbursements: tranches(['2024-01-01', '100'], ['2024-02-15', '100']) });
  assert.equal(lines(s), [
    '2024-02-01 17.13 0.79 16.34 83.66',
    '2024-03-01 37.53 1.07 36.46 147.20',
    '2024-04-01 37.53 1.16 36.37 110.83',
    '2024-05-01 37.53 0.88 36.65 74.18',
    '2024-06-01 37.53 0.59 36.94 37.24',
    '2024-07-01 37.53 0.29 37.24 0.00',
  ]);
});

const seven: LoanTerms = { ...terms, principal: '100', rateAnnualPercent: '7' };
const paid = (...xs: Array<[string, string]>): RecalculationInput['principalPaid'] =>
  xs.map(([on, amount]) => ({ on, amount }));

test('testEMICalculation_disbursedAmt100_dayInYears360_daysInMonth30_repayEvery1Month_add_' +
  'balance_correction_on0215 (first correction): the EMI kept, the last installment less', () => {
  // Installment 1 paid on its due date; 16.77 of principal (with 0.24 interest) on 15 Feb.
  // The interest after the payment, 0.20, moves to installment 3 (0.39 + 0.20).
  const s = run({ terms: seven, principalPaid: paid(['2024-02-01', '16.43'],
    ['2024-02-15', '16.77']) });
  assert.equal(lines(s), [
    '2024-02-01 17.01 0.58 16.43 83.57',
    '2024-03-01 17.01 0.24 16.77 66.80',
    '2024-04-01 17.01 0.59 16.42 50.38',
    '2024-05-01 17.01 0.29 16.72 33.66',
    '2024-06-01 17.01 0.20 16.81 16.85',
    '2024-07-01 16.95 0.10 16.85 0.00',
  ]);
});

test('testEMICalculation_disbursedAmt100_dayInYears360_daysInMonth30_repayEvery1Month_' +
  'payoff_on0115: paid off on 15 Jan, the loan costs 0.26 of interest', () => {
  const s = run({ terms: seven, principalPaid: paid(['2024-01-15', '100']) });
  assert.equal(lines(s), ['2024-02-01 100.26 0.26 100.00 0.00']);
});

test('a late payment changes nothing: Fineract books it on the due date (payPrincipal)', () => {
  const onTime = run({ terms: seven, principalPaid: paid(['2024-02-01', '16.43']) });
  const late = run({ terms: seven, principalPaid: paid(['2024-02-20', '16.43']) });
  assert.equal(lines(late), lines(onTime));
  assert.equal(lines(late), lines(run({ terms: seven })));
});

test('reduce-emi: 40 prepaid with installment 1 spreads 43.57 over the 5 periods left', () => {
  // 43.57 x r / (1 - (1 + r)^-5) with r = 7% / 12 is 8.8670..., so 8.87; with it the last
  // installment comes 0.03 short, more than floor(5 / 2) hundredths, and 8.87 - 0.03 / 5
  // (8.86) leaves it only 0.02 over, so Fineract's EMI check keeps 8.86.
  const s = run({
    terms: seven, strategy: 'reduce-emi', principalPaid: paid(['2024-02-01', '56.43']),
  });
  assert.equal(lines(s), [
    '2024-02-01 57.01 0.58 56.43 43.57',
    '2024-03-01 8.86 0.25 8.61 34.96',
    '2024-04-01 8.86 0.20 8.66 26.30',
    '2024-05-01 8.86 0.15 8.71 17.59',
    '2024-06-01 8.86 0.10 8.76 8.83',
    '2024-07-01 8.88 0.05 8.83 0.00',
  ]);
});

test('reduce-term: the same prepayment keeps the EMI and ends the loan three months early', () => {
  const s = run({ terms: seven, principalPaid: paid(['2024-02-01', '56.43']) });
  assert.equal(lines(s), [
    '2024-02-01 57.01 0.58 56.43 43.57',
    '2024-03-01 17.01 0.25 16.76 26.81',
    '2024-04-01 17.01 0.16 16.85 9.96',
    '2024-05-01 10.02 0.06 9.96 0.00',
  ]);
});

test('a cumulative loan in one tranche, nothing repaid: the plain schedule of the tranche', () => {
  const cumulative = { ...terms, scheduleType: 'cumulative' as const, principal: '200' };
  const s = run({ terms: cumulative });
  assert.equal(lines(s)[0], '2024-02-01 17.13 0.79 16.34 83.66');
});

const field = (over: Partial<RecalculationInput>): string | undefined => {
  try { run(over); } catch (e) { return e instanceof InvalidTermsError ? e.field : String(e); }
  return undefined;
};

test('rejections name the field', () => {
  const cumulative = { ...terms, scheduleType: 'cumulative' as const };
  assert.is(field({ terms: cumulative, principalPaid: paid(['2024-02-01', '1']) }),
    'scheduleType');
  assert.is(field({ terms: cumulative,
    disbursements: tranches(['2024-01-01', '100'], ['2024-02-01', '100']) }), 'scheduleType');
  assert.is(field({ disbursements: tranches(['2024-01-01', '300'], ['2024-02-01', '0.01']) }),
    'disbursements');
  assert.is(field({ disbursements: tranches(['2024-01-02', '100']) }), 'disbursements');
  assert.is(field({ disbursements: [] }), 'disbursements');
  assert.is(field({ disbursements: tranches(['2024-01-01', '100'], ['2024-07-02', '1']) }),
    'disbursements');
  assert.is(field({ principalPaid: paid(['2024-02-01', '100.01']) }), 'principalPaid');
  assert.is(field({ principalPaid: paid(['2024-02-01', '1.005']) }), 'principalPaid[0].amount');
  assert.is(field({ principalPaid: paid(['2024-02-30', '1']) }), 'principalPaid[0].on');
  assert.is(field({ strategy: 'reduce-both' as never }), 'strategy');
  assert.is(field({ terms: { ...terms, amortization: 'equal-principal' },
    principalPaid: paid(['2024-02-01', '1']) }), 'amortization');
  assert.is(field({ terms: { ...terms, downPaymentPercent: '10' },
    principalPaid: paid(['2024-02-01', '1']) }), 'downPaymentPercent');
});

test.run();
