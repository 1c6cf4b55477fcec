import type { BusinessDate } from './businessDate.ts';
import { civilOf, epochDayOf } from './civil.ts';

// Fast conversions between 'YYYY-MM-DD' and epoch days for the savings engine's hot path: a
// date is read with char codes rather than a regex, and written from integers it already
// knows to be a real day. Anything unusual is left to the checked path (dayOf).

const ZERO = 48;
const DASH = 45;

// The value of the digit at i, or a value of 10 or more (>>> makes a non-digit large).
const digit = (s: string, i: number): number => (s.charCodeAt(i) - ZERO) >>> 0;

const daysInMonth = (year: number, month: number): number =>
  month === 2
    ? (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28
    : month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;

/**
 * Epoch day of a well-formed business date (a real day of 1900-2199), else undefined so the
 * caller can take the checked path and its error.
 */
export const epochDayOfText = (s: string): number | undefined => {
  if (s.length !== 10 || s.charCodeAt(4) !== DASH || s.charCodeAt(7) !== DASH) return undefined;
  const y1 = digit(s, 0);
  const y2 = digit(s, 1);
  const y3 = digit(s, 2);
  const y4 = digit(s, 3);
  const m1 = digit(s, 5);
  const m2 = digit(s, 6);
  const d1 = digit(s, 8);
  const d2 = digit(s, 9);
  if (y1 > 9 || y2 > 9 || y3 > 9 || y4 > 9 || m1 > 9 || m2 > 9 || d1 > 9 || d2 > 9) {
    return undefined;
  }
  const year = y1 * 1000 + y2 * 100 + y3 * 10 + y4;
  const month = m1 * 10 + m2;
  const day = d1 * 10 + d2;
  if (year < 1900 || year > 2199 || month < 1 || month > 12) return undefined;
  if (day < 1 || day > daysInMonth(year, month)) return undefined;
  return epochDayOf(year, month, day);
};

const two = (n: number): string => (n < 10 ? `0${n}` : String(n));

/** The business date of an epoch day, written without re-parsing (Hinnant's civil_from_days). */
export const dateOfEpochDay = (n: number): BusinessDate => {
  const { year, month, day } = civilOf(n);
  // The parts come from calendar arithmetic on an epoch day, so they name a real day; a year
  // outside 1000-9999 cannot arise from dates of 1900-2199 plus a posting period.
  return `${year}-${two(month)}-${two(day)}` as BusinessDate;
};
