import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { depositDaysInYear } from '../products/settings.ts';
import { InvalidDepositTermsError } from './invalidDepositTerms.ts';
import { savingsInterest, type SavingsTerms } from './savingsInterest.ts';

// Fineract's savings engine divides the annual rate by a daysInYear of 360 or 365 only
// (apache/fineract 4198b0bcf9a94e1c7aa0f386317ba71f40ceb1d9, fineract-core/src/main/java/org/
// apache/fineract/portfolio/savings/SavingsInterestCalculationDaysInYearType.java, used in
// .../savings/domain/interest/EndOfDayBalance.java as rate x days / daysInYear). 364 is the
// same rule with 364; 'actual' and '30/360' are the standard definitions in dayWeights.ts.

// 1,00,000 at 4% over FY 2027-28 (1 April 2027 - 31 March 2028, 366 days: 29 February 2028).
const fy2027: SavingsTerms = {
  transactions: [{ on: '2027-04-01', amount: '100000' }], rateAnnualPercent: '4',
  from: '2027-04-01', to: '2028-03-31', method: 'daily-balance', compounding: 'yearly',
  posting: 'yearly', daysInYear: 365, postOn: 'period-end',
};
const posted = (daysInYear: SavingsTerms['daysInYear']): string[] =>
  savingsInterest({ ...fy2027, daysInYear }).postings.map((p) => `${p.on} ${p.interest}`);

test('actual/364 over a 366-day year: 100000 x 4% x 366 / 364 = 4021.98', () => {
  assert.equal(posted(depositDaysInYear('actual/364')), ['2028-03-31 4021.98']);
});

test('actual/actual over the whole 366-day financial year earns the rate: 4000.00', () => {
  assert.equal(posted(depositDaysInYear('actual/actual')), ['2028-03-31 4000.00']);
});

test('30/360 over a whole year counts 360 days: 4000.00', () => {
  assert.equal(posted(depositDaysInYear('30/360')), ['2028-03-31 4000.00']);
});

test('actual/365 and actual/360 over 366 days: 4010.96 and 4066.67', () => {
  assert.equal(posted(depositDaysInYear('actual/365')), ['2028-03-31 4010.96']);
  assert.equal(posted(depositDaysInYear('actual/360')), ['2028-03-31 4066.67']);
});

test('every product day count maps to its own engine rule', () => {
  assert.equal(
    (['actual/365', 'actual/360', 'actual/364', 'actual/actual', '30/360'] as const)
      .map(depositDaysInYear),
    [365, 360, 364, 'actual', '30/360']);
});

// A financial year of 365 days: FY 2026-27. Each day of it earns 4% / 365.
test('actual/actual in a 365-day financial year equals actual/365', () => {
  const terms = { ...fy2027, transactions: [{ on: '2026-04-01', amount: '100000' }],
    from: '2026-04-01', to: '2027-03-31' };
  const a = savingsInterest({ ...terms, daysInYear: 'actual' }).postings;
  const b = savingsInterest({ ...terms, daysInYear: 365 }).postings;
  assert.equal(a.map((p) => String(p.interest)), ['4000.00']);
  assert.equal(a.map((p) => String(p.interest)), b.map((p) => String(p.interest)));
});

// Monthly posting, 1,00,000 at 12%: under 30/360 every month counts 30 days, so each
// posting (compounded monthly) is exactly 1% of the balance with interest: 1000.00, 1010.00.
test('30/360 monthly: February and March each earn a 30-day month', () => {
  const r = savingsInterest({ ...fy2027, rateAnnualPercent: '12', compounding: 'monthly',
    posting: 'monthly', daysInYear: '30/360', from: '2028-02-01', to: '2028-03-31',
    transactions: [{ on: '2028-02-01', amount: '100000' }] }).postings;
  assert.equal(r.map((p) => `${p.on} ${p.interest}`),
    ['2028-02-29 1000.00', '2028-03-31 1010.00']);
});

// A deposit on the 31st counts one day under 30E/360 (the 30th and 31st count one together).
test('30/360: money deposited on 31 March earns one day in March', () => {
  const r = savingsInterest({ ...fy2027, rateAnnualPercent: '36', compounding: 'monthly',
    posting: 'monthly', daysInYear: '30/360', from: '2027-03-01', to: '2027-03-31',
    transactions: [{ on: '2027-03-31', amount: '100000' }] }).postings;
  assert.equal(r.map((p) => `${p.on} ${p.interest}`), ['2027-03-31 100.00']);
});

test('daily compounding is refused for day counts whose days weigh differently', () => {
  for (const daysInYear of ['actual', '30/360'] as const) {
    try {
      savingsInterest({ ...fy2027, compounding: 'daily', daysInYear });
      assert.unreachable('should throw');
    } catch (e) {
      assert.instance(e, InvalidDepositTermsError);
      assert.is((e as InvalidDepositTermsError).field, 'compounding');
    }
  }
});

test('an unknown daysInYear is refused naming the field', () => {
  try {
    savingsInterest({ ...fy2027, daysInYear: 366 as unknown as 365 });
    assert.unreachable('should throw');
  } catch (e) {
    assert.instance(e, InvalidDepositTermsError);
    assert.is((e as InvalidDepositTermsError).field, 'daysInYear');
  }
});

test.run();
