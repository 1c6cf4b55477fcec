// Ordering of $all by (commit, prepare), the order EventStoreDB compares positions in.
import type { LogEntry } from './eventLog.ts';

/** A position in $all. */
export interface AllPosition {
  readonly commit: bigint;
  readonly prepare: bigint;
}

/** Negative, zero or positive as `a` is before, at or after `b`. */
export const comparePositions = (a: AllPosition, b: AllPosition): number =>
  a.commit !== b.commit ? (a.commit < b.commit ? -1 : 1)
    : a.prepare === b.prepare ? 0 : a.prepare < b.prepare ? -1 : 1;

/** The index of the first entry at or after `p` (`after`: strictly after). */
export const indexFrom = (all: readonly LogEntry[], p: AllPosition, after: boolean): number => {
  let lo = 0;
  let hi = all.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    const c = comparePositions(all[mid] as LogEntry, p);
    if (c < 0 || (after && c === 0)) lo = mid + 1;
    else hi = mid;
  }
  return lo;
};
