import {
  addMonths, businessDate, dateParts, endOfMonth, lastBusinessDate, type BusinessDate,
  type Period,
} from '@usha/domain';

const closing: Record<Period, ReadonlyArray<number>> = {
  monthly: [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12], quarterly: [3, 6, 9, 12],
  'half-yearly': [3, 9], yearly: [3],
};

/**
 * The last day of the first posting period of an account opened on `from` (April-to-March
 * years), as the finance core cuts periods: a month closes at its end; a quarter or half-year
 * at the first closing month-end after `from`; a year on the 31 March on or after `from`.
 * Undefined when that day is past the last a date can name (opened late in 2199): the period
 * is then still open on every date.
 */
const firstPeriodEnd = (from: BusinessDate, posting: Period): BusinessDate | undefined => {
  if (posting === 'monthly') return endOfMonth(from);
  if (posting === 'yearly') {
    const { year, month } = dateParts(from);
    const endYear = month > 3 ? year + 1 : year;
    return endYear > lastYear ? undefined : businessDate(`${endYear}-03-31`);
  }
  const start = dateParts(from);
  for (let k = 0; k <= 12; k += 1) {
    const monthIndex = start.month - 1 + k;
    if (start.year + Math.floor(monthIndex / 12) > lastYear) return undefined;
    const end = endOfMonth(addMonths(businessDate(`${from.slice(0, 7)}-01`), k));
    if (closing[posting].includes(dateParts(end).month) && end > from) return end;
  }
  return from; // unreachable: a closing month comes within 12 months
};

// The year of the last day a date can name.
const lastYear = dateParts(lastBusinessDate).year;

/** The last posting-period end on or before `d`, or null when the first period is still open. */
export const lastPeriodEnd = (
  from: BusinessDate, posting: Period, d: BusinessDate,
): BusinessDate | null => {
  const first = firstPeriodEnd(from, posting);
  if (first === undefined || first > d) return null;
  for (let k = 0; k <= 12; k += 1) {
    const end = endOfMonth(addMonths(businessDate(`${d.slice(0, 7)}-01`), -k));
    if (end <= d && closing[posting].includes(dateParts(end).month)) {
      return end >= first ? end : null;
    }
  }
  return null;
};
