import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { InvalidDepositTermsError } from './invalidDepositTerms.ts';
import {
  accruedSavingsInterest, savingsInterest, type SavingsTerms,
} from './savingsInterest.ts';

// Fineract's SavingsInterestPostingTest product: 10% a year, 365 days, daily balance, annual
// compounding, monthly posting on the day after the period (the default).
const fineract: Omit<SavingsTerms, 'transactions'> = {
  rateAnnualPercent: '10', from: '2025-02-01', to: '2025-03-01', method: 'daily-balance',
  compounding: 'yearly', posting: 'monthly', daysInYear: 365, postOn: 'next-day',
};
const postings = (terms: SavingsTerms) =>
  savingsInterest(terms).postings.map((p) => `${p.on} ${p.interest} ${p.balance}`);

test('Fineract testPostInterestWithOverdraftProduct: 10000 for 28 days posts 76.71', () => {
  const r = postings({ ...fineract, transactions: [{ on: '2025-02-01', amount: '10000' }] });
  assert.equal(r, ['2025-03-01 76.71 10076.71']);
});

test('Fineract ..._WhitBalanceLessZero: 10000 for 15 days, then overdrawn, posts 41.10', () => {
  const r = postings({ ...fineract, transactions: [
    { on: '2025-02-01', amount: '10000' }, { on: '2025-02-16', amount: '-20000' }] });
  assert.equal(r, ['2025-03-01 41.10 -9958.90']);
});

test('Fineract ..._WhitBalanceGreaterZero: overdrawn, then 10000 for 13 days, posts 35.62', () => {
  const r = postings({ ...fineract, transactions: [
    { on: '2025-02-01', amount: '-10000' }, { on: '2025-02-16', amount: '20000' }] });
  assert.equal(r, ['2025-03-01 35.62 10035.62']);
});

test('Fineract testPostInterestNotZero: 1000 for January posts 8.49 on 1 February', () => {
  const r = postings({ ...fineract, from: '2025-01-01', to: '2025-02-01',
    transactions: [{ on: '2025-01-01', amount: '1000' }] });
  assert.equal(r, ['2025-02-01 8.49 1008.49']);
});

const year: SavingsTerms = {
  transactions: [{ on: '2024-04-01', amount: '10000' }], rateAnnualPercent: '10',
  from: '2024-04-01', to: '2025-04-01', method: 'daily-balance', compounding: 'quarterly',
  posting: 'quarterly', daysInYear: 365, postOn: 'next-day',
};

test('quarterly compounding and posting over a financial year', () => {
  assert.equal(postings(year), [
    '2024-07-01 249.32 10249.32', '2024-10-01 258.34 10507.66',
    '2025-01-01 264.85 10772.51', '2025-04-01 265.62 11038.13']);
});

test('monthly compounding inside quarterly posting compounds unrounded interest', () => {
  assert.equal(postings({ ...year, compounding: 'monthly' }), [
    '2024-07-01 251.39 10251.39', '2024-10-01 260.57 10511.96',
    '2025-01-01 267.19 10779.15', '2025-04-01 267.98 11047.13']);
});

test('daily compounding, yearly posting: 10000 x ((1 + 0.1/365)^365 - 1)', () => {
  assert.equal(postings({ ...year, compounding: 'daily', posting: 'yearly' }),
    ['2025-04-01 1051.56 11051.56']);
});

test('posting on the period end dates the posting on the last day of the period', () => {
  assert.equal(postings({ ...year, postOn: 'period-end', to: '2024-09-30' }),
    ['2024-06-30 249.32 10249.32', '2024-09-30 258.34 10507.66']);
});

test('half-yearly periods follow the financial year start month', () => {
  assert.equal(postings({ ...year, posting: 'half-yearly', compounding: 'half-yearly' })
    .map((p) => p.slice(0, 10)), ['2024-10-01', '2025-04-01']);
  assert.equal(postings({ ...year, posting: 'half-yearly', compounding: 'half-yearly',
    financialYearStartMonth: 1 }).map((p) => p.slice(0, 10)), ['2024-07-01', '2025-01-01']);
});

test('a balance below the minimum for interest earns nothing, and no zero posting is made', () => {
  const r = postings({ ...fineract, minBalanceForInterest: '10000.01',
    transactions: [{ on: '2025-02-01', amount: '10000' }] });
  assert.equal(r, []);
});

test('average daily balance checks the minimum against the average of the piece', () => {
  const t: SavingsTerms = { ...fineract, method: 'average-daily-balance',
    minBalanceForInterest: '5000', transactions: [
      { on: '2025-02-01', amount: '10000' }, { on: '2025-02-16', amount: '-9000' }] };
  // average = (10000 x 15 + 1000 x 13) / 28 = 5821.43 >= 5000: 163000 x 0.1 / 365 = 44.66
  assert.equal(postings(t), ['2025-03-01 44.66 1044.66']);
  assert.equal(postings({ ...t, method: 'daily-balance' }), ['2025-03-01 41.10 1041.10']);
});

// Fineract averages only over days that have an end-of-day balance, and those start on the
// first transaction's day (apache/fineract 4198b0bcf9a94e1c7aa0f386317ba71f40ceb1d9,
// fineract-core/.../savings/domain/interest/PostingPeriod.java createFrom builds balances from
// transactions; MonthlyCompoundingPeriod.calculateUsingAverageDailyBalanceMethod divides by
// their days). Averaging 19 empty days in would give 3870.97 < 5000 and post nothing.
test('average daily balance counts no days before the first deposit: 32.88', () => {
  const t: SavingsTerms = { ...fineract, method: 'average-daily-balance',
    compounding: 'monthly', posting: 'monthly', from: '2024-01-01', to: '2024-02-01',
    minBalanceForInterest: '5000', transactions: [{ on: '2024-01-20', amount: '10000' }] };
  // average over 20-31 January = 10000 >= 5000: 10000 x 0.1 x 12 / 365 = 32.8767
  assert.equal(postings(t), ['2024-02-01 32.88 10032.88']);
  // A withdrawal to zero keeps its days in the average: (10000 x 6 + 0 x 6) / 12 = 5000.
  assert.equal(postings({ ...t, transactions: [...t.transactions,
    { on: '2024-01-26', amount: '-10000' }] }), ['2024-02-01 16.44 16.44']);
});

test('rounding mode and 360-day year are product settings', () => {
  const t: SavingsTerms = { ...fineract, rateAnnualPercent: '3.65',
    transactions: [{ on: '2025-02-01', amount: '50' }], to: '2025-02-02', posting: 'daily' };
  // 5000 paise x 0.0001 = 0.5 paisa: a tie
  assert.equal(postings(t), []);
  assert.equal(postings({ ...t, rounding: 'half-up' }), ['2025-02-02 0.01 50.01']);
  assert.equal(postings({ ...fineract, daysInYear: 360,
    transactions: [{ on: '2025-02-01', amount: '36000' }] }), ['2025-03-01 280.00 36280.00']);
});

test('accrued interest is unrounded and splits exactly', () => {
  const a = accruedSavingsInterest(year, { from: '2024-04-01', to: '2024-04-02' });
  assert.is(a.toSignificantDigits(12).toString(), '2.7397260274');
  const whole = accruedSavingsInterest(year, { from: '2024-04-01', to: '2025-04-01' });
  assert.is(whole.toDecimalPlaces(2).toString(), '1038.13');
});

const bad: Array<[string, Partial<SavingsTerms> | Record<string, unknown>]> = [
  ['from', { from: '2025-02-30' }],
  ['to', { to: '2025-01-01' }],
  ['transactions', { transactions: 'x' }],
  ['transactions[0].on', { transactions: [{ on: '2025-01-01', amount: '1' }] }],
  ['transactions[0].amount', { transactions: [{ on: '2025-02-01', amount: '1.005' }] }],
  ['transactions[0].amount', { transactions: [{ on: '2025-02-01', amount: '1e3' }] }],
  ['rateAnnualPercent', { rateAnnualPercent: '-1' }],
  ['daysInYear', { daysInYear: 366 }],
  ['method', { method: 'weekly' }],
  ['compounding', { compounding: 'weekly' }],
  ['posting', { posting: 'fortnightly' }],
  ['financialYearStartMonth', { financialYearStartMonth: 13 }],
  ['postOn', { postOn: 'today' }],
  ['currencyDigits', { currencyDigits: 9 }],
  ['rounding', { rounding: 'banker' }],
  ['minBalanceForInterest', { minBalanceForInterest: 'x' }],
];
for (const [field, patch] of bad) {
  test(`refuses a bad ${field} with InvalidDepositTermsError naming it`, () => {
    const terms = { ...fineract, transactions: [], ...patch } as unknown as SavingsTerms;
    try {
      savingsInterest(terms);
      assert.unreachable('should have thrown');
    } catch (e) {
      assert.instance(e, InvalidDepositTermsError);
      assert.is((e as InvalidDepositTermsError).field, field);
      assert.ok((e as InvalidDepositTermsError).reason.length > 3);
    }
  });
}

test('refuses an accrual window outside the account', () => {
  assert.throws(() => accruedSavingsInterest(year, { from: '2024-03-31', to: '2024-04-02' }),
    (e: unknown) => e instanceof InvalidDepositTermsError && e.field === 'window.from');
  assert.throws(() => accruedSavingsInterest(year, { from: '2024-04-05', to: '2024-04-02' }),
    (e: unknown) => e instanceof InvalidDepositTermsError && e.field === 'window.to');
});

test.run();
