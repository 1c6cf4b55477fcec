import { CLOSED_FORM_MIN_PERIODS } from './savingsEngine.ts';
import type { PostingPlan } from './postingPlan.ts';
import type { NormalProduct } from './savingsProduct.ts';

/**
 * The days on which a daily-balance account's interest changes other than by a transaction,
 * in order: compounding (at a compounding period's end + 1) and posting snapshots (at a
 * posting period's end + 1); a compounding on a snapshot's day comes first.
 */
export interface SteppedSchedule {
  readonly days: ReadonlyArray<number>;
  /** COMPOUND or SNAPSHOT, one per day of `days`. */
  readonly kinds: ReadonlyArray<number>;
  /** q / 2: a remainder of the rate's denominator above it rounds up. */
  readonly halfQ: bigint;
}

const Q_LIMIT = 1n << 63n;

export const COMPOUND = 0;
export const SNAPSHOT = 1;

// The first `n` posting periods of `plan` as a schedule, or undefined when they span more
// compounding periods than earnedBefore ever compounds one by one: only then does moving a
// state day by day through every event give exactly earnedBefore's figures (see stepwise).
const build = (
  p: NormalProduct, plan: PostingPlan, fromDay: number, n: number,
): SteppedSchedule | undefined => {
  const grid = p.grid;
  // compoundedParts works on remainders by q in machine words: a rate of up to 14 decimals.
  if (grid === undefined || n === 0 || p.q >= Q_LIMIT) return undefined;
  const lastSnap = (plan.ends[n - 1] ?? 0) + 1;
  const k0 = grid.periodOf(fromDay);
  if (grid.periodOf(lastSnap - 1) - k0 > CLOSED_FORM_MIN_PERIODS) return undefined;
  const days: number[] = [];
  const kinds: number[] = [];
  let k = k0;
  for (let j = 0; j < n; j += 1) {
    const snap = (plan.ends[j] ?? 0) + 1;
    for (; grid.endOf(k) + 1 <= snap; k += 1) {
      days.push(grid.endOf(k) + 1);
      kinds.push(COMPOUND);
    }
    days.push(snap);
    kinds.push(SNAPSHOT);
  }
  return { days, kinds, halfQ: p.q / 2n };
};

const schedules = new WeakMap<PostingPlan, Map<number, SteppedSchedule | null>>();
// The schedule asked for last: accounts of one product opened on one day, read to one day,
// ask for the same one in turn.
let last: { plan: PostingPlan; n: number; schedule: SteppedSchedule | undefined } | undefined;

/**
 * The stepped schedule of the first `n` periods of `plan` (a plan of product `p` for accounts
 * opened on `fromDay`), remembered with the plan; undefined when it does not apply.
 */
export const steppedSchedule = (
  p: NormalProduct, plan: PostingPlan, fromDay: number, n: number,
): SteppedSchedule | undefined => {
  if (last !== undefined && last.plan === plan && last.n === n) return last.schedule;
  const schedule = lookUp(p, plan, fromDay, n);
  last = { plan, n, schedule };
  return schedule;
};

const lookUp = (
  p: NormalProduct, plan: PostingPlan, fromDay: number, n: number,
): SteppedSchedule | undefined => {
  let byCount = schedules.get(plan);
  if (byCount === undefined) {
    byCount = new Map();
    schedules.set(plan, byCount);
  }
  const known = byCount.get(n);
  if (known !== undefined) return known ?? undefined;
  const made = build(p, plan, fromDay, n);
  byCount.set(n, made ?? null);
  return made;
};
