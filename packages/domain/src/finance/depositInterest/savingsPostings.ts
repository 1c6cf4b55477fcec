import type { BusinessDate } from '../../dates/businessDate.ts';
import { money, type Money } from '../../money/money.ts';
import { roundPartsHalfEven } from './fixedPoint.ts';
import type { PostingPlan } from './postingPlan.ts';
import { roundRatio } from '../../money/roundRatio.ts';
import type { NormalAccount } from './savingsAccount.ts';
import { earnedBefore } from './savingsEngine.ts';
import type { NormalProduct } from './savingsProduct.ts';
import { steppedPostings } from './steppedPostings.ts';
import { steppedSchedule } from './steppedSchedule.ts';

/** One interest posting: its date, the interest, and the balance once it is posted. */
export interface SavingsPosting {
  readonly on: BusinessDate;
  readonly interest: Money;
  readonly balance: Money;
}

/**
 * The postings of an account: each posting period's unrounded interest rounded once by the
 * product's rounding mode; no zero posting (Fineract posts no zero interest transaction).
 */
export const savingsPostings = (
  p: NormalProduct, a: NormalAccount, plan: PostingPlan,
): SavingsPosting[] => {
  const n = plan.countTo(a.toDay);
  // The common case (daily balance over at most 9 compounding periods) runs in one pass without
  // snapshot arrays or state copies; its figures are earnedBefore's (steppedPostings tests).
  const schedule = p.method === 'daily-balance'
    ? steppedSchedule(p, plan, a.fromDay, n) : undefined;
  if (schedule !== undefined) return steppedPostings(p, a, plan, schedule);
  const snaps: number[] = [];
  for (let k = 0; k < n; k += 1) snaps.push((plan.ends[k] ?? 0) + 1);
  // Average daily balance pieces are cut at every posting period's start: the snapshots.
  const cuts = p.method === 'average-daily-balance' && p.grid !== undefined ? snaps : [];
  const values = earnedBefore(p, a, snaps, cuts);
  const postings: SavingsPosting[] = [];
  const halfEven = p.rounding === 'half-even';
  let posted = 0n;
  let balance = 0n;
  let before = 0n;
  let i = 0;
  for (let k = 0; k < n; k += 1) {
    const end = plan.ends[k] ?? 0;
    for (; i < a.days.length && (a.days[i] ?? 0) <= end; i += 1) balance += a.amounts[i] ?? 0n;
    const after = values[k] ?? 0n;
    const d = after - before;
    before = after;
    const interest = halfEven
      ? roundPartsHalfEven(d, p.q, p.den) : roundRatio(d, p.den, p.rounding);
    if (interest <= 0n) continue;
    posted += interest;
    postings.push({
      on: plan.dateOf(k), interest: money(interest, p.digits),
      balance: money(balance + posted, p.digits),
    });
  }
  return postings;
};
