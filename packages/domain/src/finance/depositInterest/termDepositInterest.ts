import { roundRatio } from '../../money/roundRatio.ts';
import { earnedBefore, pieceCuts, postingEnds } from './savingsEngine.ts';
import type { NormalTerms } from './savingsTerms.ts';

/**
 * Interest of a term deposit through `lastDay` (the day before maturity or closure), as
 * Fineract's FixedDepositAccount.calculateInterestPayable: each posting period is rounded on
 * its own, the last one cut at `lastDay`, and the rounded amounts summed. Minor units.
 */
export const termDepositInterest = (t: NormalTerms, lastDay: number): bigint => {
  const ends = postingEnds(t, t.fromDay, lastDay).map((e) => Math.min(e, lastDay) + 1);
  const values = earnedBefore(t, t, ends, pieceCuts(t, t.fromDay, ends[ends.length - 1] ?? 0));
  let total = 0n;
  let before = 0n;
  for (const after of values) {
    total += roundRatio(after - before, t.den, t.rounding);
    before = after;
  }
  return total;
};
