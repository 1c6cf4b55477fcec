import {
  addDays, addMonths, addWeeks, dateParts, daysInMonth, fromParts, type BusinessDate,
} from '../../dates/businessDate.ts';
import type { Frequency, Terms } from './types.ts';

/** The date `n` repayment units later (negative: earlier), clamped like Java's plusMonths. */
export const plusPeriods = (d: BusinessDate, frequency: Frequency, n: number): BusinessDate => {
  switch (frequency) {
    case 'days': return addDays(d, n);
    case 'weeks': return addWeeks(d, n);
    case 'months': return addMonths(d, n);
  }
};

/**
 * Fineract's adjustDate: for monthly loans whose seed day is after the 28th, a due date that
 * was clamped to a short month's end (or lies on the 28th or later) goes back to the seed day,
 * or the month's last day when the month is shorter. So 31 Jan, 29 Feb, 31 Mar, 30 Apr...
 */
export const adjustToSeed = (
  date: BusinessDate,
  seed: BusinessDate,
  frequency: Frequency,
): BusinessDate => {
  const s = dateParts(seed);
  const p = dateParts(date);
  if (frequency !== 'months' || s.day <= 28 || p.day < 28) return date;
  return fromParts({ ...p, day: Math.min(daysInMonth(p.year, p.month), s.day) });
};

/** Due dates count from the first repayment date when one is given, else from disbursement. */
export const seedDate = (t: Terms): BusinessDate =>
  t.continuation?.seedOn ?? t.firstRepaymentOn ?? t.disbursedOn;

/** DefaultScheduledDateGenerator.generateNextRepaymentDate, without holidays or calendars. */
export const nextDueDate = (t: Terms, last: BusinessDate, isFirst: boolean): BusinessDate => {
  if (isFirst && t.firstRepaymentOn !== null) return t.firstRepaymentOn;
  return adjustToSeed(plusPeriods(last, t.frequency, t.every), seedDate(t), t.frequency);
};

/** The due date of the last installment (getLastRepaymentDate). */
export const lastDueDate = (t: Terms): BusinessDate => {
  let due = t.disbursedOn;
  for (let k = 1; k <= t.repayments; k++) due = nextDueDate(t, due, k === 1);
  return due;
};

/**
 * The "ideal disbursement date": one repayment period before the first due date. Fineract
 * starts the first period's interest here, not on the disbursement date (see loanSchedule.ts).
 */
export const idealDisbursementDate = (t: Terms): BusinessDate =>
  plusPeriods(nextDueDate(t, t.disbursedOn, true), t.frequency, -t.every);
