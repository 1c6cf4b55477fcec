import { test } from 'uvu';
import * as assert from 'uvu/assert';
import fc from 'fast-check';
import { roundHalfEven } from '../money/roundRatio.ts';
import type { PeriodType } from './depositInterest/periodType.ts';
import { fixedDepositMaturity, fixedDepositPrematureClosure } from './fixedDeposit.ts';

// Compounding and posting periods that fit: compounding every c months, posting every p.
const periods: ReadonlyArray<readonly [PeriodType, number]> =
  [['monthly', 1], ['quarterly', 3], ['half-yearly', 6], ['yearly', 12]];
const monthly = ['monthly', 1] as const;
const plan = fc.tuple(fc.integer({ min: 0, max: 3 }), fc.integer({ min: 0, max: 3 }))
  .filter(([c, p]) => c <= p)
  .chain(([c, p]) => fc.record({
    compounding: fc.constant(periods[c] ?? monthly),
    posting: fc.constant(periods[p] ?? monthly),
    postings: fc.integer({ min: 1, max: 8 }),
  }));
const principal = fc.bigInt({ min: 1n, max: 10n ** 9n }); // paise
const rateHundredths = fc.integer({ min: 0, max: 2000 }); // 0.00% to 20.00%
const text = (minor: bigint) => `${minor / 100n}.${String(minor % 100n).padStart(2, '0')}`;

// The exact reference: with 30/360 every month is 1/12 of a year, so after k compounding
// periods of c months the balance is P (1 + r c / 1200)^k exactly; each posting credits the
// growth over its periods, rounded half-even on its own (Fineract rounds per posting period).
const reference = (p: bigint, r: number, c: number, per: number, postings: number): bigint => {
  const den = 120000n; // r is in hundredths of a percent
  const grow = den + BigInt(r * c);
  const at = (k: number) => [p * grow ** BigInt(k), den ** BigInt(k)] as const;
  let total = p;
  for (let j = 1; j <= postings; j += 1) {
    const [a, da] = at(j * per);
    const [b, db] = at((j - 1) * per);
    total += roundHalfEven(a * db - b * da, da * db);
  }
  return total;
};

test('30/360 maturity equals the exact compound amount, each posting rounded once', () => {
  fc.assert(fc.property(principal, rateHundredths, plan, fc.integer({ min: 2000, max: 2150 }),
    (p, r, { compounding, posting, postings }, year) => {
      const months = posting[1] * postings;
      const got = fixedDepositMaturity({
        principal: text(p), rateAnnualPercent: (r / 100).toFixed(2),
        term: { length: months, unit: 'months' }, compounding: compounding[0],
        posting: posting[0], startOn: `${year}-04-01`, daysInYear: '30/360',
      });
      assert.is(got.minor, reference(p, r, compounding[1], posting[1] / compounding[1],
        postings));
    }));
});

test('without a start date, compounding = posting gives the closed form rounded once', () => {
  fc.assert(fc.property(principal, rateHundredths, plan, (p, r, { compounding, postings }) => {
    const months = compounding[1] * postings;
    const got = fixedDepositMaturity({
      principal: text(p), rateAnnualPercent: (r / 100).toFixed(2),
      tenureMonths: months, compounding: compounding[0],
    });
    const den = 120000n ** BigInt(postings);
    const num = p * (120000n + BigInt(r * compounding[1])) ** BigInt(postings);
    assert.is(got.minor, roundHalfEven(num, den));
  }));
});

const units = fc.constantFrom('days', 'weeks', 'months', 'years');
test('closing on the maturity day with no penalty pays the maturity amount', () => {
  fc.assert(fc.property(principal, rateHundredths, units, fc.integer({ min: 1, max: 40 }),
    fc.constantFrom<PeriodType>('daily', 'monthly', 'quarterly'), (p, r, unit, n, c) => {
      const fd = {
        principal: text(p), rateAnnualPercent: (r / 100).toFixed(2),
        term: { length: n, unit }, compounding: c, posting: 'yearly', startOn: '2024-05-17',
      } as const;
      const maturity = fixedDepositMaturity(fd);
      const closed = fixedDepositPrematureClosure({ ...fd, penaltyRatePercent: '0',
        closedOn: closingDay(unit, n) });
      assert.is(closed.minor, maturity.minor);
    }), { numRuns: 60 });
});

test('a term of n weeks matures as one of 7n days, n years as 12n months', () => {
  fc.assert(fc.property(principal, rateHundredths, fc.integer({ min: 1, max: 30 }), (p, r, n) => {
    const fd = { principal: text(p), rateAnnualPercent: (r / 100).toFixed(2),
      compounding: 'monthly', startOn: '2024-02-29' } as const;
    const at = (length: number, unit: 'days' | 'weeks' | 'months' | 'years') =>
      fixedDepositMaturity({ ...fd, term: { length, unit } }).minor;
    assert.is(at(n, 'weeks'), at(7 * n, 'days'));
    assert.is(at(n, 'years'), at(12 * n, 'months'));
  }), { numRuns: 40 });
});

const closingDay = (unit: string, n: number): string => {
  const d = new Date(Date.UTC(2024, 4, 17));
  if (unit === 'days') d.setUTCDate(d.getUTCDate() + n);
  if (unit === 'weeks') d.setUTCDate(d.getUTCDate() + 7 * n);
  if (unit === 'months') d.setUTCMonth(d.getUTCMonth() + n);
  if (unit === 'years') d.setUTCFullYear(d.getUTCFullYear() + n);
  return d.toISOString().slice(0, 10);
};

test.run();
