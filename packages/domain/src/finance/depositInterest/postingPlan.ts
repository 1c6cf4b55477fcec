import type { BusinessDate } from '../../dates/businessDate.ts';
import { boundedMemo } from './boundedMemo.ts';
import { dateOfEpochDay } from '../../dates/epochDayText.ts';
import { postingPeriodEnd } from './periodEnds.ts';
import type { NormalProduct } from './savingsProduct.ts';

/** An account's posting periods from its start day, shared by accounts opened that day. */
export interface PostingPlan {
  /** Last days of the posting periods, ascending; at least those posted by `toDay`. */
  readonly ends: ReadonlyArray<number>;
  /** How many periods post on or before `toDay` (extends `ends` as needed). */
  readonly countTo: (toDay: number) => number;
  /** The posting date of period `p`, written once. */
  readonly dateOf: (p: number) => BusinessDate;
}

/** The posting plan of accounts of product `p` opened on `fromDay`. */
export const postingPlan = (p: NormalProduct, fromDay: number): PostingPlan => {
  const ends: number[] = [];
  const postedOn: number[] = [];
  const dates: BusinessDate[] = [];
  const lag = p.postOn === 'period-end' ? 0 : 1;
  let lastTo = NaN; // accounts read to one day ask for one count in turn
  let lastCount = 0;
  const countTo = (toDay: number): number => {
    if (toDay === lastTo) return lastCount;
    lastCount = countFor(toDay);
    lastTo = toDay;
    return lastCount;
  };
  const countFor = (toDay: number): number => {
    while (postedOn.length === 0 || (postedOn[postedOn.length - 1] ?? 0) <= toDay) {
      const start = ends.length === 0 ? fromDay : (ends[ends.length - 1] ?? 0) + 1;
      const end = postingPeriodEnd(start, p.posting, p.fyStartMonth);
      ends.push(end);
      postedOn.push(end + lag);
    }
    let lo = 0;
    let hi = postedOn.length; // postedOn[hi - 1] > toDay
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if ((postedOn[mid] ?? 0) <= toDay) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };
  const dateOf = (k: number): BusinessDate =>
    dates[k] ?? (dates[k] = dateOfEpochDay((ends[k] ?? 0) + lag));
  return { ends, countTo, dateOf };
};

/** Posting plans of one product by start day, remembered (a bounded cache of pure values). */
export const postingPlans = (p: NormalProduct): ((fromDay: number) => PostingPlan) => {
  const memo = boundedMemo<number, PostingPlan>(4096);
  let lastDay = NaN; // the plan asked for last: accounts opened on one day come in turn
  let last: PostingPlan | undefined;
  return (fromDay) => {
    if (fromDay !== lastDay || last === undefined) {
      last = memo.get(fromDay, () => postingPlan(p, fromDay));
      lastDay = fromDay;
    }
    return last;
  };
};
