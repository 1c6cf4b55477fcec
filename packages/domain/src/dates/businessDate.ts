import * as E from 'fp-ts/lib/Either.js';
import { epochDayOf } from './civil.ts';
import { dateOfEpochDay } from './epochDayText.ts';

declare const businessDateBrand: unique symbol;
/** A business date, 'YYYY-MM-DD', a real calendar day in India time. */
export type BusinessDate = string & { readonly [businessDateBrand]: true };

/** Why a string is not a business date. */
export interface DateParseError {
  readonly type: 'invalid_date';
  readonly input: string;
  readonly message: string;
}

/** Year, month (1-12) and day of a date. */
export interface DateParts {
  readonly year: number;
  readonly month: number;
  readonly day: number;
}

/** Whether a year is a leap year in the proleptic Gregorian calendar. */
export const isLeapYear = (year: number): boolean =>
  (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;

/** Days in a calendar year: 365 or 366. */
export const daysInYear = (year: number): number => (isLeapYear(year) ? 366 : 365);

const monthDays = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/** Days in a month (1-12) of a year. */
export const daysInMonth = (year: number, month: number): number =>
  month === 2 && isLeapYear(year) ? 29 : (monthDays[month - 1] ?? NaN);

const shape = /^(\d{4})-(\d{2})-(\d{2})$/;
const MIN_EPOCH_DAY = -25567; // 1900-01-01
const MAX_EPOCH_DAY = 84005; // 2199-12-31

/** The first day a business date can name. */
export const firstBusinessDate = '1900-01-01' as BusinessDate;
/** The last day a business date can name. */
export const lastBusinessDate = '2199-12-31' as BusinessDate;

const digit = (s: string, i: number): number => {
  const d = s.charCodeAt(i) - 48;
  return d >= 0 && d <= 9 ? d : NaN;
};

/**
 * Whether a value is a business date: 'YYYY-MM-DD', a day that exists, in the years 1900 to
 * 2199. What `parseBusinessDate` accepts, checked without building anything: the codecs ask
 * this of every date in every event stored or read.
 */
export const isBusinessDate = (u: unknown): u is BusinessDate => {
  if (typeof u !== 'string' || u.length !== 10) return false;
  if (u.charCodeAt(4) !== 45 || u.charCodeAt(7) !== 45) return false; // '-'
  const year = digit(u, 0) * 1000 + digit(u, 1) * 100 + digit(u, 2) * 10 + digit(u, 3);
  const month = digit(u, 5) * 10 + digit(u, 6);
  const day = digit(u, 8) * 10 + digit(u, 9);
  // A NaN (a character that is not a digit) fails every comparison.
  return year >= 1900 && year <= 2199 && month >= 1 && month <= 12 && day >= 1
    && day <= daysInMonth(year, month);
};

const invalid = (s: string, why: string): E.Either<DateParseError, never> =>
  E.left({ type: 'invalid_date', input: s, message: why });

/** Parses 'YYYY-MM-DD' and checks that the day exists (2023-02-30 does not). */
export const parseBusinessDate = (input: unknown): E.Either<DateParseError, BusinessDate> => {
  if (isBusinessDate(input)) return E.right(input);
  // Not a date: the pattern and each part again, to say which part is wrong. A value of
  // another kind is named by its kind only: reading it (a cycle, a bigint, a getter) could throw.
  if (typeof input !== 'string') {
    const kind = input === null ? 'null' : typeof input;
    return invalid(`(${kind})`, `a ${kind} is not a date of the form YYYY-MM-DD`);
  }
  const s = input;
  const m = shape.exec(input);
  if (!m) return invalid(s, `${JSON.stringify(input)} is not a date of the form YYYY-MM-DD`);
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (year < 1900 || year > 2199) return invalid(s, `${s}: year must be between 1900 and 2199`);
  if (month < 1 || month > 12) return invalid(s, `${s}: there is no month ${month}`);
  if (day < 1 || day > daysInMonth(year, month)) return invalid(s, `${s}: that day does not exist`);
  // Unreachable: isBusinessDate accepts every date that passes the checks above.
  return E.right(s as BusinessDate);
};

/** A date given as a literal the caller vouches for; throws on a bad one. */
export class InvalidDateError extends Error {
  override readonly name = 'InvalidDateError';
  constructor(
    readonly field: string,
    readonly error: DateParseError,
  ) {
    super(`${field}: ${error.message}`);
  }
}

/**
 * Parses a date or throws InvalidDateError naming the field.
 * @example businessDate('2024-03-31')
 */
export const businessDate = (input: unknown, field = 'date'): BusinessDate => {
  const r = parseBusinessDate(input);
  if (E.isLeft(r)) throw new InvalidDateError(field, r.left);
  return r.right;
};

/** Year, month and day of a date. */
export const dateParts = (d: BusinessDate): DateParts => ({
  year: Number(d.slice(0, 4)),
  month: Number(d.slice(5, 7)),
  day: Number(d.slice(8, 10)),
});

const pad = (n: number, width: number) => String(n).padStart(width, '0');

/** Builds a date from its parts; the parts must name a real day. */
export const fromParts = (p: DateParts): BusinessDate =>
  businessDate(`${pad(p.year, 4)}-${pad(p.month, 2)}-${pad(p.day, 2)}`);

/** Days since 1970-01-01. */
export const toEpochDay = (d: BusinessDate): number => {
  const { year, month, day } = dateParts(d);
  return epochDayOf(year, month, day);
};

/**
 * A day that date arithmetic reached outside the years 1900 to 2199 (a schedule running past
 * 2199, say): `date` is the calendar day it would be, when `day` is a whole number.
 */
export class DayOutOfRangeError extends RangeError {
  override readonly name = 'DayOutOfRangeError';
  readonly date: string | undefined;
  constructor(readonly day: number) {
    // Named only where its year has four digits (1000-01-01 to 9999-12-31).
    const date = Number.isInteger(day) && day >= -354285 && day <= 2932896
      ? dateOfEpochDay(day) : undefined;
    super(`day ${day}${date === undefined ? '' : ` (${date})`} is outside the years 1900 to 2199`);
    this.date = date;
  }
}

/** The date `n` days after 1970-01-01; refuses a day outside the years 1900 to 2199. */
export const fromEpochDay = (n: number): BusinessDate => {
  if (!Number.isInteger(n) || n < MIN_EPOCH_DAY || n > MAX_EPOCH_DAY) {
    throw new DayOutOfRangeError(n);
  }
  return dateOfEpochDay(n);
};

/** The date `n` days later (earlier for negative n). */
export const addDays = (d: BusinessDate, n: number): BusinessDate =>
  fromEpochDay(toEpochDay(d) + n);

/** The date `n` weeks later. */
export const addWeeks = (d: BusinessDate, n: number): BusinessDate => addDays(d, 7 * n);

/**
 * The date `n` months later, clamped to the month's last day as Java's LocalDate.plusMonths
 * does (2024-01-31 + 1 month = 2024-02-29).
 */
export const addMonths = (d: BusinessDate, n: number): BusinessDate => {
  const { year, month, day } = dateParts(d);
  const index = year * 12 + (month - 1) + n;
  const y = Math.floor(index / 12);
  const m = index - y * 12 + 1;
  return fromParts({ year: y, month: m, day: Math.min(day, daysInMonth(y, m)) });
};

/** Actual days from a to b (negative when b is before a). */
export const daysBetween = (a: BusinessDate, b: BusinessDate): number =>
  toEpochDay(b) - toEpochDay(a);

/** The last day of the date's month. */
export const endOfMonth = (d: BusinessDate): BusinessDate => {
  const { year, month } = dateParts(d);
  return fromParts({ year, month, day: daysInMonth(year, month) });
};
