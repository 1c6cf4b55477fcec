import { lastDayOfMonth, yearMonthOf } from '../../dates/civil.ts';
import { periodsPerYear, type PeriodType } from './periodType.ts';

// Months (1-12), ascending, that close a quarter, half-year or year of a financial year
// starting in `fyStartMonth`: Fineract takes the month before the start and steps by 12/n.
// Remembered: there are only 4 x 12 lists, and period ends are asked for in hot loops.
const closingLists = new Map<string, number[]>();
const closingMonths = (type: Exclude<PeriodType, 'daily'>, fyStartMonth: number): number[] => {
  const key = `${type}${fyStartMonth}`;
  const known = closingLists.get(key);
  if (known !== undefined) return known;
  const last = fyStartMonth === 1 ? 12 : fyStartMonth - 1;
  const n = periodsPerYear[type];
  const months: number[] = [];
  for (let i = 0; i < n; i += 1) months.push(((last - 1 + (12 / n) * i) % 12) + 1);
  months.sort((a, b) => a - b);
  closingLists.set(key, months);
  return months;
};

/**
 * Last day (epoch day) of the posting period that starts on `start`, as Fineract's
 * SavingsHelper.determineInterestPostingPeriodEndDateFrom: a quarter or half-year closes on the
 * first closing month-end strictly after `start`; a year closes on the financial year's last
 * month-end in the year chosen by month comparison, which may be `start` itself.
 */
export const postingPeriodEnd = (
  start: number, type: PeriodType, fyStartMonth: number,
): number => {
  if (type === 'daily') return start;
  const { year, month } = yearMonthOf(start);
  if (type === 'monthly') return lastDayOfMonth(year, month);
  const months = closingMonths(type, fyStartMonth);
  if (type === 'yearly') {
    const last = months[0] ?? 12;
    return lastDayOfMonth(last < month ? year + 1 : year, last);
  }
  for (const m of months) {
    const end = lastDayOfMonth(year, m);
    if (end > start) return end;
  }
  return lastDayOfMonth(year + 1, months[0] ?? 12);
};

/**
 * Last day (epoch day) of the compounding period containing `start`, as Fineract's
 * PostingPeriod.determineInterestPeriodEndDateFrom: the first closing month at or after
 * `start`'s month (so never before `start`). Daily compounding has no end of its own.
 */
export const compoundingPeriodEnd = (
  start: number,
  type: Exclude<PeriodType, 'daily'>,
  fyStartMonth: number,
): number => {
  const { year, month } = yearMonthOf(start);
  if (type === 'monthly') return lastDayOfMonth(year, month);
  const months = closingMonths(type, fyStartMonth);
  for (const m of months) if (month <= m) return lastDayOfMonth(year, m);
  return lastDayOfMonth(year + 1, months[0] ?? 12);
};
