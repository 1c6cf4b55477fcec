import { test } from 'uvu';
import * as assert from 'uvu/assert';
import fc from 'fast-check';
import { addDays, businessDate } from '../dates/businessDate.ts';
import { formatMoney } from '../money/money.ts';
import { Decimal } from '../money/decimal.ts';
import { savingsInterest, type SavingsTerms } from '../finance/savingsInterest.ts';
import type { PeriodType } from '../finance/depositInterest/periodType.ts';
import { steppedSavingsInterest } from './rateSteps.ts';

const start = businessDate('2024-04-01');
const periods: ReadonlyArray<PeriodType> = ['monthly', 'quarterly', 'half-yearly', 'yearly'];
const rate = fc.tuple(fc.integer({ min: 0, max: 15 }), fc.integer({ min: 0, max: 999 }))
  .map(([whole, thousandths]) => `${whole}.${String(thousandths).padStart(3, '0')}`);

// A daily-balance account: deposits over up to three years, and a product that compounds no
// less often than it posts.
const terms = fc.record({
  deposits: fc.array(fc.record({
    afterDays: fc.integer({ min: 0, max: 1100 }), rupees: fc.integer({ min: 1, max: 500_000 }),
  }), { minLength: 1, maxLength: 8 }),
  compounding: fc.integer({ min: 0, max: 3 }), postingAfter: fc.integer({ min: 0, max: 3 }),
  daysInYear: fc.constantFrom(360, 364, 365, 'actual', '30/360') as fc.Arbitrary<
    SavingsTerms['daysInYear']>,
  rateAnnualPercent: rate, toAfterDays: fc.integer({ min: 0, max: 1100 }),
}).map((g): SavingsTerms => ({
  transactions: g.deposits.map((d) =>
    ({ on: addDays(start, d.afterDays), amount: `${d.rupees}` })),
  rateAnnualPercent: g.rateAnnualPercent, from: start, to: addDays(start, g.toAfterDays),
  method: 'daily-balance', compounding: periods[g.compounding] ?? 'monthly',
  posting: periods[Math.min(3, g.compounding + g.postingAfter)] ?? 'yearly',
  daysInYear: g.daysInYear,
  postOn: 'period-end', currencyDigits: 2, rounding: 'half-even',
}));

const shown = (r: ReturnType<typeof savingsInterest>) =>
  r.postings.map((p) => `${p.on} ${formatMoney(p.interest)} ${formatMoney(p.balance)}`);

test('a step to the rate already in force changes no posting', () => {
  fc.assert(fc.property(terms, fc.integer({ min: 0, max: 1100 }), (t, day) => {
    const step = {
      effectiveFrom: addDays(start, day), rateAnnualPercent: String(t.rateAnnualPercent),
    };
    assert.equal(shown(steppedSavingsInterest(t, [step])), shown(savingsInterest(t)));
  }), { numRuns: 300 });
});

test("postings of periods ended before a change are the old rate's, to the paisa", () => {
  fc.assert(fc.property(terms, fc.integer({ min: 0, max: 1100 }), rate, (t, day, next) => {
    const effectiveFrom = addDays(start, day);
    const stepped = steppedSavingsInterest(t, [{ effectiveFrom, rateAnnualPercent: next }]);
    const plain = savingsInterest(t);
    const before = (r: typeof plain) =>
      shown({ postings: r.postings.filter((p) => p.on < effectiveFrom) });
    assert.equal(before(stepped), before(plain));
  }), { numRuns: 300 });
});

test('a rise in the rate never lowers the interest credited to a day', () => {
  fc.assert(fc.property(terms, fc.integer({ min: 0, max: 1100 }), (t, day) => {
    const higher = new Decimal(String(t.rateAnnualPercent)).plus(1).toString();
    const total = (r: ReturnType<typeof savingsInterest>) =>
      r.postings.reduce((s, p) => s + p.interest.minor, 0n);
    const stepped = steppedSavingsInterest(t,
      [{ effectiveFrom: addDays(start, day), rateAnnualPercent: higher }]);
    assert.ok(total(stepped) >= total(savingsInterest(t)));
  }), { numRuns: 200 });
});

test.run();
