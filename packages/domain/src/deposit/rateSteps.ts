import type { RateStep } from '../products/rateChange.ts';
import { InvalidDepositTermsError } from '../finance/invalidDepositTerms.ts';
import { savingsInterest, type SavingsPosting } from '../finance/savingsInterest.ts';
import type { CompoundingGrid } from '../finance/depositInterest/compoundingGrid.ts';
import { factorOf, factorTimes, FACTOR_ONE } from '../finance/depositInterest/fixedPoint.ts';
import { postingPlan } from '../finance/depositInterest/postingPlan.ts';
import { normalSavingsAccount } from '../finance/depositInterest/savingsAccount.ts';
import { savingsPostings } from '../finance/depositInterest/savingsPostings.ts';
import {
  currencyDigitsOf, normalSavingsProduct, type NormalProduct, type SavingsProduct,
} from '../finance/depositInterest/savingsProduct.ts';
import { dayOf, type SavingsTerms } from '../finance/depositInterest/savingsTerms.ts';


interface Segment {
  readonly fromDay: number; // first day at this rate; the first segment starts at -Infinity
  readonly toDay: number; // first day after it
  readonly units: bigint; // the rate as units over the common q
  readonly own: NormalProduct; // the product at this rate alone: its grid's growth
}

// Each step's product on one denominator: q grows with the rate's decimals, so the rates are
// brought to the largest q (a multiple of every other, both being 10^scale * 100 * perYear).
const segmentsOf = (t: SavingsProduct, steps: ReadonlyArray<RateStep>) => {
  const rates = [{ fromDay: -Infinity, rate: t.rateAnnualPercent }, ...steps.map((s) =>
    ({ fromDay: dayOf(s.effectiveFrom, 'rateSteps.effectiveFrom'), rate: s.rateAnnualPercent }))];
  const products = rates.map((r) => normalSavingsProduct({ ...t, rateAnnualPercent: r.rate }));
  const q = products.reduce((m, p) => (p.q > m ? p.q : m), 0n);
  const segments: Segment[] = rates.map((r, i) => {
    const own = products[i] ?? products[0]!;
    return { fromDay: r.fromDay, toDay: rates[i + 1]?.fromDay ?? Infinity,
      units: own.rateUnits * (q / own.q), own };
  });
  return { q, segments, first: products[0]! };
};

// rateUnits x weighted days of [from, to), segment by segment.
const steppedRateTimesDays = (segments: ReadonlyArray<Segment>, p: NormalProduct) =>
  (from: number, to: number): bigint => {
    let sum = 0n;
    for (const s of segments) {
      const a = Math.max(from, s.fromDay);
      const b = Math.min(to, s.toDay);
      if (b > a) sum += s.units * BigInt(p.weights.between(a, b));
    }
    return sum;
  };

// The grid of the first product with growth across steps: a run of periods inside one step
// grows by that step's own grid (the plain engine's very figure); a period a step cuts grows by
// 1 + the interest of its days at their rates, as simple interest accrues inside a period.
const steppedGrid = (
  grid: CompoundingGrid, segments: ReadonlyArray<Segment>, q: bigint,
  rtd: (from: number, to: number) => bigint,
): CompoundingGrid => {
  const startOf = (k: number) => grid.endOf(k - 1) + 1;
  const within = (k: number) => segments.find((s) => s.fromDay <= startOf(k)
    && grid.endOf(k) < s.toDay);
  const growthBetween = (k: number, last: number): bigint => {
    let g = FACTOR_ONE;
    for (let i = k; i < last;) {
      const s = within(i);
      if (s === undefined) {
        g = factorTimes(g, factorOf(q + rtd(startOf(i), grid.endOf(i) + 1), q));
        i += 1;
        continue;
      }
      let j = i + 1;
      while (j < last && within(j) === s) j += 1;
      g = factorTimes(g, s.own.grid?.growthBetween(i, j) ?? FACTOR_ONE);
      i = j;
    }
    return g;
  };
  return { periodOf: grid.periodOf, endOf: grid.endOf, growthBetween };
};

const unsupported = (why: string): never => {
  throw new InvalidDepositTermsError('rateAnnualPercent', why);
};

/** The product of `t` with its rate stepped as `steps` say (each step in force from its day). */
export const steppedRateProduct = (
  t: SavingsProduct, steps: ReadonlyArray<RateStep>,
): NormalProduct => {
  const { q, segments, first } = segmentsOf(t, steps);
  // The engine reads one rate where a period's average balance earns (average daily balance)
  // and in daily compounding's growth over days it is not told the dates of.
  if (first.method !== 'daily-balance' || first.grid === undefined) {
    return unsupported('a rate change applies to daily-balance interest compounded monthly '
      + 'or less often only');
  }
  const rtd = steppedRateTimesDays(segments, first);
  return {
    ...first, q, den: q * (first.den / first.q), rateTimesDays: rtd,
    rateUnits: first.rateUnits * (q / first.q),
    grid: steppedGrid(first.grid, segments, q, rtd),
  };
};

/**
 * savingsInterest with the rate stepped: interest on each day at the rate in force that day,
 * compounded and posted as the product says. With no step in the span it is savingsInterest.
 * @example steppedSavingsInterest(terms, [{ effectiveFrom: '2025-05-16',
 *   rateAnnualPercent: '6' }]).postings // April at 4%, May half at 4% and half at 6%, ...
 */
export const steppedSavingsInterest = (
  t: SavingsTerms, steps: ReadonlyArray<RateStep>,
): { postings: SavingsPosting[] } => {
  const toDay = dayOf(t.to, 'to');
  // In the order they take effect (the decider records them so); a later one wins a tie.
  const inSpan = steps.filter((s) => dayOf(s.effectiveFrom, 'rateSteps.effectiveFrom') <= toDay)
    .sort((a, b) => (a.effectiveFrom < b.effectiveFrom ? -1 : a.effectiveFrom > b.effectiveFrom
      ? 1 : 0));
  if (inSpan.length === 0) return savingsInterest(t);
  const account = normalSavingsAccount(t, t.transactions, currencyDigitsOf(t.currencyDigits));
  const p = steppedRateProduct(t, inSpan);
  return { postings: savingsPostings(p, account, postingPlan(p, account.fromDay)) };
};
