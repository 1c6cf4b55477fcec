import { epochDayOf, lastDayOfMonth, yearMonthOf } from '../../dates/civil.ts';
import { boundedMemo } from './boundedMemo.ts';
import type { DayWeights } from './dayWeights.ts';
import { FACTOR_ONE, factorOf, factorTimes } from './fixedPoint.ts';
import { periodsPerYear, type PeriodType } from './periodType.ts';

/**
 * The compounding periods of a product, numbered: calendar periods of 1, 3, 6 or 12 months
 * closing on the financial year's closing months, with the growth of one unit over them.
 */
export interface CompoundingGrid {
  /** Number of the period that contains `day`. */
  readonly periodOf: (day: number) => number;
  /** Last day (epoch day) of period `k`. */
  readonly endOf: (k: number) => number;
  /** Growth factor over periods k .. last - 1, compounded period by period. */
  readonly growthBetween: (k: number, last: number) => bigint;
}

// Dates are 1900-2199 (parseBusinessDate), so every account's periods are on or after this.
const GRID_START_DAY = epochDayOf(1900, 1, 1);
// Periods are tabled up to here: 2199 plus a posting period. Later days are found by month.
const GRID_END_DAY = epochDayOf(2201, 1, 1);
// Days per bucket of the period table, no more than any period has (28 or more), so a
// bucket's days fall in the period of its first day or the next one.
const BUCKET_DAYS = 28;

const buildGrid = (
  type: Exclude<PeriodType, 'daily'>, fyStartMonth: number, rateUnits: bigint, q: bigint,
  weights: DayWeights,
): CompoundingGrid => {
  const months = 12 / periodsPerYear[type];
  // Month index (year * 12 + month - 1) of a closing month: one before the year's start.
  const closing = (fyStartMonth + 10) % 12;
  const periodByMonth = (day: number): number => {
    const { year, month } = yearMonthOf(day);
    return Math.floor((year * 12 + month - 1 - closing + months - 1) / months);
  };
  const first = periodByMonth(GRID_START_DAY);
  const endByMonth = (k: number): number => {
    const index = closing + k * months;
    const year = Math.floor(index / 12);
    return lastDayOfMonth(year, index - year * 12 + 1);
  };
  // Built once per grid (grids are shared), so that a lookup is arithmetic, not a date
  // conversion: accounts ask about days years apart, which no "last period asked" memo serves.
  // Typed arrays keep a grid to some 30 kB (monthly periods); grids are memoised 256 at most.
  const ends = new Int32Array(periodByMonth(GRID_END_DAY) - first + 1); // period first + i
  for (let i = 0; i < ends.length; i += 1) ends[i] = endByMonth(first + i);
  const endOf = (k: number): number => ends[k - first] ?? endByMonth(k);
  const buckets = Math.ceil((GRID_END_DAY - GRID_START_DAY) / BUCKET_DAYS);
  const bucketPeriods = new Int32Array(buckets); // the period of each bucket's first day
  for (let b = 0, k = first; b < bucketPeriods.length; b += 1) {
    while (endOf(k) < GRID_START_DAY + b * BUCKET_DAYS) k += 1;
    bucketPeriods[b] = k;
  }
  const periodOf = (day: number): number => {
    if (day < GRID_START_DAY || day >= GRID_END_DAY) return periodByMonth(day);
    const k = bucketPeriods[Math.floor((day - GRID_START_DAY) / BUCKET_DAYS)] ?? first;
    return day > endOf(k) ? k + 1 : k;
  };
  const growth: bigint[] = [FACTOR_ONE]; // growth[i]: to the start of period first + i
  const factors = boundedMemo<number, bigint>(64);
  const factorOfLength = (days: number) =>
    factors.get(days, () => factorOf(q + rateUnits * BigInt(days), q));
  const growthTo = (k: number): bigint => {
    for (let i = growth.length; i <= k - first; i += 1) {
      const days = weights.between(endOf(first + i - 2) + 1, endOf(first + i - 1) + 1);
      growth.push(factorTimes(growth[i - 1] ?? FACTOR_ONE, factorOfLength(days)));
    }
    return growth[k - first] ?? FACTOR_ONE;
  };
  // growth(last) / growth(k), remembered: accounts share their runs' start and end periods.
  const ratios = boundedMemo<number, bigint>(1 << 16);
  // Keys from `first` stay small integers (Smis), which a Map hashes fastest.
  const growthBetween = (k: number, last: number): bigint => {
    const key = (k - first) * 100_000 + (last - k);
    return ratios.find(key) ?? ratios.get(key, () => factorOf(growthTo(last), growthTo(k)));
  };
  return { periodOf, endOf, growthBetween };
};

const grids = boundedMemo<string, CompoundingGrid>(256);

/**
 * The grid of a product's compounding periods, shared by every calculation with the same
 * period type, financial year and rate, so its growth table is built once.
 */
export const compoundingGrid = (
  type: Exclude<PeriodType, 'daily'>, fyStartMonth: number, rateUnits: bigint, q: bigint,
  weights: DayWeights,
): CompoundingGrid => grids.get(`${type} ${fyStartMonth} ${rateUnits} ${q} ${weights.key}`,
  () => buildGrid(type, fyStartMonth, rateUnits, q, weights));
