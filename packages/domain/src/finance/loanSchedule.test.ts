import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { Decimal } from '../money/decimal.ts';
import {
  InvalidTermsError, loanSchedule, type LoanSchedule, type LoanTerms,
} from './loanSchedule.ts';

// One line per installment: "n dueOn days principal interest total balance".
const lines = (s: LoanSchedule): string[] => s.installments.map((i) =>
  [i.n, i.dueOn, i.days, i.principal, i.interest, i.total, i.balance].map(String).join(' '));
const totals = (s: LoanSchedule): string =>
  `${s.totalPrincipal} ${s.totalInterest} ${s.totalDue}`;

// The e2e product family LP1_* of Fineract's own test suite: cumulative schedule, 12% a year,
// days in year and in month "actual", installment amounts in multiples of 1.
const lp1: LoanTerms = {
  principal: '5000', rateAnnualPercent: '12', interestMethod: 'declining-balance',
  amortization: 'equal-installments', interestPeriod: 'same-as-repayment', repayments: 18,
  frequency: 'months', disbursedOn: '2022-11-01', daysInYear: 'actual', daysInMonth: 'actual',
  installmentMultipleOf: '1',
};
const dates18 = [
  '2022-12-01 30', '2023-01-01 31', '2023-02-01 31', '2023-03-01 28', '2023-04-01 31',
  '2023-05-01 30', '2023-06-01 31', '2023-07-01 30', '2023-08-01 31', '2023-09-01 31',
  '2023-10-01 30', '2023-11-01 31', '2023-12-01 30', '2024-01-01 31', '2024-02-01 31',
  '2024-03-01 29', '2024-04-01 31', '2024-05-01 30',
];
// Expected rows as "principal interest total balance", dates from dates18.
const expectRows = (s: LoanSchedule, rows: string[]) =>
  assert.equal(lines(s), rows.map((r, k) => `${k + 1} ${dates18[k]} ${r}`));

// Fineract fineract-e2e-tests-runner/src/test/resources/features/Loan.feature, scenario
// "RS01 - Repayment Schedule with interest type: flat, ... Equal installments" (C2490).
test('RS01 (Fineract e2e): flat, same as repayment period, equal installments', () => {
  const s = loanSchedule({ ...lp1, interestMethod: 'flat' });
  const rows = Array.from({ length: 17 }, (_, k) =>
    `278.00 50.00 328.00 ${(4722 - 278 * k).toFixed(2)}`);
  expectRows(s, [...rows, '274.00 50.00 324.00 0.00']);
  assert.is(totals(s), '5000.00 900.00 5900.00');
});

// Loan.feature "RS02 - ... Declining Balance, ... Same as payment period, ... Equal installments"
test('RS02 (Fineract e2e): declining balance, same as repayment, EMI in whole rupees', () => {
  const s = loanSchedule(lp1);
  expectRows(s, [
    '255.00 50.00 305.00 4745.00', '257.55 47.45 305.00 4487.45', '260.13 44.87 305.00 4227.32',
    '262.73 42.27 305.00 3964.59', '265.35 39.65 305.00 3699.24', '268.01 36.99 305.00 3431.23',
    '270.69 34.31 305.00 3160.54', '273.39 31.61 305.00 2887.15', '276.13 28.87 305.00 2611.02',
    '278.89 26.11 305.00 2332.13', '281.68 23.32 305.00 2050.45', '284.50 20.50 305.00 1765.95',
    '287.34 17.66 305.00 1478.61', '290.21 14.79 305.00 1188.40', '293.12 11.88 305.00 895.28',
    '296.05 8.95 305.00 599.23', '299.01 5.99 305.00 300.22', '300.22 3.00 303.22 0.00',
  ]);
  assert.is(totals(s), '5000.00 488.22 5488.22');
});

// Loan.feature "RS03 - ... Declining Balance, interest period: Daily, ... Equal installments"
test('RS03 (Fineract e2e): declining balance, daily interest on actual days', () => {
  const s = loanSchedule({ ...lp1, interestPeriod: 'daily' });
  expectRows(s, [
    '255.68 49.32 305.00 4744.32', '256.65 48.35 305.00 4487.67', '259.26 45.74 305.00 4228.41',
    '266.08 38.92 305.00 3962.33', '264.62 40.38 305.00 3697.71', '268.53 36.47 305.00 3429.18',
    '270.05 34.95 305.00 3159.13', '273.84 31.16 305.00 2885.29', '275.59 29.41 305.00 2609.70',
    '278.40 26.60 305.00 2331.30', '282.01 22.99 305.00 2049.29', '284.11 20.89 305.00 1765.18',
    '287.59 17.41 305.00 1477.59', '289.94 15.06 305.00 1187.65', '292.90 12.10 305.00 894.75',
    '296.47 8.53 305.00 598.28', '298.90 6.10 305.00 299.38', '299.38 2.95 302.33 0.00',
  ]);
  assert.is(totals(s), '5000.00 487.33 5487.33');
});

// Loan.feature "RS04 - ... Declining Balance, ... Equal principal payments" (C2494)
test('RS04 (Fineract e2e): declining balance, equal principal', () => {
  const s = loanSchedule({ ...lp1, amortization: 'equal-principal' });
  const interest = ['50.00', '47.22', '44.44', '41.67', '38.89', '36.11', '33.33', '30.56',
    '27.78', '25.00', '22.22', '19.44', '16.67', '13.89', '11.11', '8.33', '5.56'];
  const rows = interest.map((i, k) => {
    const total = new Decimal('277.78').plus(i).toFixed(2);
    return `277.78 ${i} ${total} ${new Decimal('4722.22').minus(277.78 * k).toFixed(2)}`;
  });
  expectRows(s, [...rows, '277.74 2.78 280.52 0.00']);
  assert.is(totals(s), '5000.00 475.00 5475.00');
});

// Loan.feature "RS05 - ... Equal installments, Grace on principal payment" (C2495)
test('RS05 (Fineract e2e): grace on principal for 3 installments', () => {
  const s = loanSchedule({ ...lp1, graceOnPrincipal: 3 });
  expectRows(s, [
    '0.00 50.00 50.00 5000.00', '0.00 50.00 50.00 5000.00', '0.00 50.00 50.00 5000.00',
    '311.00 50.00 361.00 4689.00', '314.11 46.89 361.00 4374.89', '317.25 43.75 361.00 4057.64',
    '320.42 40.58 361.00 3737.22', '323.63 37.37 361.00 3413.59', '326.86 34.14 361.00 3086.73',
    '330.13 30.87 361.00 2756.60', '333.43 27.57 361.00 2423.17', '336.77 24.23 361.00 2086.40',
    '340.14 20.86 361.00 1746.26', '343.54 17.46 361.00 1402.72', '346.97 14.03 361.00 1055.75',
    '350.44 10.56 361.00 705.31', '353.95 7.05 361.00 351.36', '351.36 3.51 354.87 0.00',
  ]);
  assert.is(totals(s), '5000.00 558.87 5558.87');
});

const afterSixMonthsGrace = [
  '394.00 50.00 444.00 4606.00', '397.94 46.06 444.00 4208.06', '401.92 42.08 444.00 3806.14',
  '405.94 38.06 444.00 3400.20', '410.00 34.00 444.00 2990.20', '414.10 29.90 444.00 2576.10',
  '418.24 25.76 444.00 2157.86', '422.42 21.58 444.00 1735.44', '426.65 17.35 444.00 1308.79',
  '430.91 13.09 444.00 877.88', '435.22 8.78 444.00 442.66', '442.66 4.43 447.09 0.00',
];

// Loan.feature "RS06 - ... Grace on principal payment and interest payment" (C2496): its
// interest-payment column does not reach the schedule (interest is charged from period 1), so
// the figures are those of 6 installments of grace on principal alone.
test('RS06 (Fineract e2e): grace on principal for 6 installments', () => {
  const s = loanSchedule({ ...lp1, graceOnPrincipal: 6 });
  expectRows(s, [...Array<string>(6).fill('0.00 50.00 50.00 5000.00'), ...afterSixMonthsGrace]);
  assert.is(totals(s), '5000.00 631.09 5631.09');
});

// Loan.feature "RS07 - ... Grace on principal payment and setting up interest free period"
// (C2497): 3 installments' interest deferred to the 4th (0, 0, 0, 200), which is Fineract's
// grace on interest payment.
test('RS07 (Fineract e2e): grace on interest payment defers interest to the next installment',
  () => {
    const s = loanSchedule({ ...lp1, graceOnPrincipal: 6, graceOnInterestPayment: 3 });
    expectRows(s, [
      '0.00 0.00 0.00 5000.00', '0.00 0.00 0.00 5000.00', '0.00 0.00 0.00 5000.00',
      '0.00 200.00 200.00 5000.00', '0.00 50.00 50.00 5000.00', '0.00 50.00 50.00 5000.00',
      ...afterSixMonthsGrace,
    ]);
    assert.is(totals(s), '5000.00 631.09 5631.09');
  });

const emi: LoanTerms = {
  principal: '10000', rateAnnualPercent: '12', interestMethod: 'declining-balance',
  amortization: 'equal-installments', interestPeriod: 'same-as-repayment', repayments: 12,
  frequency: 'months', disbursedOn: '2024-01-15', daysInYear: 365, daysInMonth: 30,
};

// Hand-checked: PMT(1%, 12, 10000) = 888.4879 -> 888.49; 1% of each balance; the last
// installment takes the paise the rounded EMI left over.
test('the EMI is rounded to the paisa and the last installment absorbs the difference', () => {
  const s = loanSchedule(emi);
  assert.equal(lines(s).slice(0, 2), [
    '1 2024-02-15 31 788.49 100.00 888.49 9211.51',
    '2 2024-03-15 29 796.37 92.12 888.49 8415.14',
  ]);
  assert.is(lines(s)[11], '12 2025-01-15 31 879.67 8.80 888.47 0.00');
  assert.is(totals(s), '10000.00 661.86 10661.86');
});

test('weekly repayments with a same-as-repayment rate divide the annual rate by 52', () => {
  const s = loanSchedule({ ...emi, principal: '5200', rateAnnualPercent: '26', repayments: 4,
    frequency: 'weeks', disbursedOn: '2024-01-01' });
  assert.equal(lines(s), [
    '1 2024-01-08 7 1290.29 26.00 1316.29 3909.71',
    '2 2024-01-15 7 1296.74 19.55 1316.29 2612.97',
    '3 2024-01-22 7 1303.23 13.06 1316.29 1309.74',
    '4 2024-01-29 7 1309.74 6.55 1316.29 0.00',
  ]);
});

test('peculiarity: a long first period still charges one period of daily interest', () => {
  // Interest runs from the ideal disbursement date 2024-02-01 (first due date less a month):
  // 1000 x 12% / 365 x 29 = 9.53, although the period has 46 days.
  const s = loanSchedule({ ...emi, principal: '1000', interestPeriod: 'daily', repayments: 3,
    daysInMonth: 'actual', firstRepaymentOn: '2024-03-01' });
  assert.equal(lines(s), [
    '1 2024-03-01 46 330.40 9.53 339.93 669.60',
    '2 2024-04-01 31 333.11 6.82 339.93 336.49',
    '3 2024-05-01 30 336.49 3.32 339.81 0.00',
  ]);
});

test('peculiarity: month-end due dates keep the seed day, and actual years have 365 days', () => {
  // Due dates 29 Feb, 31 Mar, 30 Apr (Java plusMonths then back to day 31). The first period's
  // interest runs from 29 Jan (29 Feb less a month): 1000 x 12% / 365 x 31 = 10.19.
  const s = loanSchedule({ ...emi, principal: '1000', interestPeriod: 'daily', repayments: 3,
    daysInYear: 'actual', daysInMonth: 'actual', disbursedOn: '2024-01-31' });
  assert.equal(lines(s), [
    '1 2024-02-29 29 329.74 10.19 339.93 670.26',
    '2 2024-03-31 31 333.10 6.83 339.93 337.16',
    '3 2024-04-30 30 337.16 3.33 340.49 0.00',
  ]);
});

test('with a first repayment date, later due dates count from it', () => {
  const s = loanSchedule({ ...emi, principal: '1000', repayments: 4, disbursedOn: '2024-01-31',
    firstRepaymentOn: '2024-02-29' });
  assert.equal(s.installments.map((i) => `${i.dueOn} ${i.days}`),
    ['2024-02-29 29', '2024-03-29 29', '2024-04-29 31', '2024-05-29 30']);
  assert.is(String(s.installments[0]?.interest), '10.00');
});

test('grace on interest charged: no interest, the whole EMI goes to principal', () => {
  const s = loanSchedule({ ...emi, principal: '1000', repayments: 4, disbursedOn: '2024-01-01',
    graceOnInterestCharged: 2 });
  assert.equal(lines(s), [
    '1 2024-02-01 31 256.28 0.00 256.28 743.72',
    '2 2024-03-01 29 256.28 0.00 256.28 487.44',
    '3 2024-04-01 31 251.41 4.87 256.28 236.03',
    '4 2024-05-01 30 236.03 2.36 238.39 0.00',
  ]);
});

const flat: LoanTerms = {
  ...emi, principal: '1200', interestMethod: 'flat', repayments: 4, disbursedOn: '2024-01-10',
};

test('flat, equal principal: interest deferred by grace is paid with the next installment', () => {
  // 1200 x 1% x 4 = 48, 12 an installment; installments 1-2 defer theirs to installment 3.
  const s = loanSchedule({ ...flat, amortization: 'equal-principal', graceOnInterestPayment: 2 });
  assert.equal(s.installments.map((i) => `${i.principal} ${i.interest}`),
    ['300.00 0.00', '300.00 0.00', '300.00 36.00', '300.00 12.00']);
  assert.is(totals(s), '1200.00 48.00 1248.00');
});

test('peculiarity: flat equal installments spread interest over the installments after grace',
  () => {
    const s = loanSchedule({ ...flat, graceOnInterestPayment: 2 });
    assert.equal(s.installments.map((i) => `${i.principal} ${i.interest}`),
      ['300.00 0.00', '300.00 0.00', '300.00 24.00', '300.00 24.00']);
  });

test('the rounding mode applies to rates and amounts alike', () => {
  // 10% / 12 = 0.00833333333334 rounded up at 12 digits; 8.3333 rounds up to 8.34.
  const s = loanSchedule({ ...emi, principal: '1000', rateAnnualPercent: '10', repayments: 3,
    disbursedOn: '2024-01-01', rounding: 'up' });
  assert.equal(s.installments.map((i) => `${i.principal} ${i.interest}`),
    ['330.57 8.34', '333.33 5.58', '336.10 2.81']);
  const even = loanSchedule({ ...emi, principal: '1000', rateAnnualPercent: '10', repayments: 3,
    disbursedOn: '2024-01-01' });
  assert.is(String(even.installments[0]?.interest), '8.33');
});

test('a currency without minor units prints whole amounts', () => {
  const s = loanSchedule({ ...emi, repayments: 3, disbursedOn: '2024-01-01', currencyDigits: 0 });
  assert.equal(s.installments.map((i) => `${i.principal} ${i.interest} ${i.total}`),
    ['3300 100 3400', '3333 67 3400', '3367 34 3401']);
  assert.is(totals(s), '10000 201 10201');
});

test('Decimal inputs are accepted as well as strings', () => {
  const s = loanSchedule({
    ...emi, principal: new Decimal('10000'), rateAnnualPercent: new Decimal(12),
  });
  assert.is(totals(s), '10000.00 661.86 10661.86');
});

const refused: Array<[string, Partial<Record<keyof LoanTerms, unknown>>]> = [
  ['principal', { principal: '12,000' }],
  ['principal', { principal: '-100' }],
  ['principal', { principal: '0' }],
  ['principal', { principal: '100.005' }],
  ['principal', { principal: 100 }],
  ['rateAnnualPercent', { rateAnnualPercent: 'twelve' }],
  ['rateAnnualPercent', { rateAnnualPercent: '-1' }],
  ['interestMethod', { interestMethod: 'compound' }],
  ['amortization', { amortization: 'balloon' }],
  ['interestPeriod', { interestPeriod: 'weekly' }],
  ['frequency', { frequency: 'years' }],
  ['repayments', { repayments: 0 }],
  ['repayments', { repayments: 2.5 }],
  ['repayments', { repayments: '12' }],
  ['every', { every: 0 }],
  ['disbursedOn', { disbursedOn: '2024-02-30' }],
  ['disbursedOn', { disbursedOn: '15/01/2024' }],
  ['firstRepaymentOn', { firstRepaymentOn: '2024-01-14' }],
  ['firstRepaymentOn', { firstRepaymentOn: 'soon' }],
  ['daysInYear', { daysInYear: 366 }],
  ['daysInMonth', { daysInMonth: 31 }],
  ['currencyDigits', { currencyDigits: 9 }],
  ['installmentMultipleOf', { installmentMultipleOf: '0' }],
  ['installmentMultipleOf', { installmentMultipleOf: '0.001' }],
  ['rounding', { rounding: 'bankers' }],
  ['graceOnPrincipal', { graceOnPrincipal: 12 }],
  ['graceOnInterestPayment', { graceOnInterestPayment: -1 }],
  ['graceOnInterestCharged', { graceOnInterestCharged: 1.5 }],
];
for (const [field, change] of refused) {
  test(`refuses ${field} = ${JSON.stringify(Object.values(change)[0])} with a typed error`, () => {
    try {
      loanSchedule({ ...emi, ...change } as LoanTerms);
      assert.unreachable('should have thrown');
    } catch (e) {
      assert.instance(e, InvalidTermsError);
      assert.is((e as InvalidTermsError).field, field);
      assert.ok((e as InvalidTermsError).reason.length > 5);
      assert.match((e as Error).message, `${field}: `);
    }
  });
}

test('refuses flat equal installments whose interest graces leave no installment to pay', () => {
  const graces = { graceOnInterestPayment: 2, graceOnInterestCharged: 2 };
  assert.throws(() => loanSchedule({ ...flat, ...graces }),
    (e: unknown) => e instanceof InvalidTermsError && e.field === 'graceOnInterestCharged');
});

test('refuses terms that are not an object', () => {
  assert.throws(() => loanSchedule(null as unknown as LoanTerms),
    (e: unknown) => e instanceof InvalidTermsError && e.field === 'terms');
});

test('refuses, as Fineract does, an installment whose interest exceeds the EMI', () => {
  // 11 months of interest deferred to installment 12 exceed that installment.
  const terms = { ...emi, rateAnnualPercent: '120', graceOnInterestPayment: 11 };
  assert.throws(() => loanSchedule(terms),
    (e: unknown) => e instanceof InvalidTermsError && e.field === 'graceOnInterestPayment');
});

test.run();
