import { interestBefore, postingEnds } from './savingsEngine.ts';
import { qSub } from './qnum.ts';
import { roundRatio } from './roundRatio.ts';
import type { NormalTerms } from './savingsTerms.ts';

/**
 * Interest of a term deposit through `lastDay` (the day before maturity or closure), as
 * Fineract's FixedDepositAccount.calculateInterestPayable: each posting period is rounded on
 * its own, the last one cut at `lastDay`, and the rounded amounts summed. Minor units.
 */
export const termDepositInterest = (t: NormalTerms, lastDay: number): bigint => {
  const ends = postingEnds(t, lastDay).map((e) => Math.min(e, lastDay) + 1);
  const { values, base } = interestBefore(t, [t.fromDay, ...ends]);
  let total = 0n;
  for (let p = 1; p < values.length; p += 1) {
    const before = values[p - 1];
    const after = values[p];
    if (before === undefined || after === undefined) continue;
    const d = qSub(after, before, base);
    total += roundRatio(d.n, base.pow(d.k), t.rounding);
  }
  return total;
};
