import { epochDayOf, lastDayOfMonth, yearMonthOf } from '../../dates/civil.ts';
import { boundedMemo } from './boundedMemo.ts';
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

const buildGrid = (
  type: Exclude<PeriodType, 'daily'>, fyStartMonth: number, rateUnits: bigint, q: bigint,
): CompoundingGrid => {
  const months = 12 / periodsPerYear[type];
  // Month index (year * 12 + month - 1) of a closing month: one before the year's start.
  const closing = (fyStartMonth + 10) % 12;
  const periodByMonth = (day: number): number => {
    const { year, month } = yearMonthOf(day);
    return Math.floor((year * 12 + month - 1 - closing + months - 1) / months);
  };
  const first = periodByMonth(GRID_START_DAY);
  const ends: number[] = []; // ends[i]: last day of period first + i
  const endByMonth = (k: number): number => {
    const index = closing + k * months;
    const year = Math.floor(index / 12);
    return lastDayOfMonth(year, index - year * 12 + 1);
  };
  const endOf = (k: number): number => {
    if (k < first) return endByMonth(k);
    for (let i = ends.length; i <= k - first; i += 1) ends.push(endByMonth(first + i));
    return ends[k - first] ?? endByMonth(k);
  };
  // Most questions are about the period asked about last: remember it.
  let lastK = first;
  const periodOf = (day: number): number => {
    if (day > endOf(lastK - 1) && day <= endOf(lastK)) return lastK;
    lastK = periodByMonth(day);
    return lastK;
  };
  const growth: bigint[] = [FACTOR_ONE]; // growth[i]: to the start of period first + i
  const factors = boundedMemo<number, bigint>(64);
  const factorOfLength = (days: number) =>
    factors.get(days, () => factorOf(q + rateUnits * BigInt(days), q));
  const growthTo = (k: number): bigint => {
    for (let i = growth.length; i <= k - first; i += 1) {
      const days = endOf(first + i - 1) - endOf(first + i - 2);
      growth.push(factorTimes(growth[i - 1] ?? FACTOR_ONE, factorOfLength(days)));
    }
    return growth[k - first] ?? FACTOR_ONE;
  };
  // growth(last) / growth(k), remembered: accounts share their runs' start and end periods.
  const ratios = boundedMemo<number, bigint>(1 << 16);
  const growthBetween = (k: number, last: number): bigint =>
    ratios.get(k * 100_000 + (last - k), () => factorOf(growthTo(last), growthTo(k)));
  return { periodOf, endOf, growthBetween };
};

const grids = boundedMemo<string, CompoundingGrid>(256);

/**
 * The grid of a product's compounding periods, shared by every calculation with the same
 * period type, financial year and rate, so its growth table is built once.
 */
export const compoundingGrid = (
  type: Exclude<PeriodType, 'daily'>, fyStartMonth: number, rateUnits: bigint, q: bigint,
): CompoundingGrid => grids.get(`${type} ${fyStartMonth} ${rateUnits} ${q}`,
  () => buildGrid(type, fyStartMonth, rateUnits, q));
