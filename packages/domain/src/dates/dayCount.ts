import { Decimal } from '../money/decimal.ts';
import {
  dateParts, daysBetween, daysInYear, fromParts, type BusinessDate,
} from './businessDate.ts';

/** The day-count conventions products name. */
export type DayCount = 'actual/365' | 'actual/360' | 'actual/364' | 'actual/actual' | '30/360';

/** Days from a to b under 30/360 (US/NASD-free European convention: day 31 counts as 30). */
export const days30360 = (a: BusinessDate, b: BusinessDate): number => {
  const p = dateParts(a);
  const q = dateParts(b);
  const d1 = Math.min(p.day, 30);
  const d2 = Math.min(q.day, 30);
  return (q.year - p.year) * 360 + (q.month - p.month) * 30 + (d2 - d1);
};

/**
 * The fraction of a year from a to b under a day count, exact. actual/actual splits the span at
 * each 1 January and divides each part by its own year's length (ISDA).
 */
export const yearFraction = (a: BusinessDate, b: BusinessDate, dayCount: DayCount): Decimal => {
  switch (dayCount) {
    case 'actual/365': return new Decimal(daysBetween(a, b)).div(365);
    case 'actual/360': return new Decimal(daysBetween(a, b)).div(360);
    case 'actual/364': return new Decimal(daysBetween(a, b)).div(364);
    case '30/360': return new Decimal(days30360(a, b)).div(360);
    case 'actual/actual': return actualActual(a, b);
  }
};

const actualActual = (a: BusinessDate, b: BusinessDate): Decimal => {
  if (b < a) return actualActual(b, a).neg();
  let total = new Decimal(0);
  let from = a;
  while (from < b) {
    const year = dateParts(from).year;
    const nextJan = fromParts({ year: year + 1, month: 1, day: 1 });
    const to = nextJan < b ? nextJan : b;
    total = total.plus(new Decimal(daysBetween(from, to)).div(daysInYear(year)));
    from = to;
  }
  return total;
};
