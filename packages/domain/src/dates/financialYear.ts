import {
  addDays, dateParts, firstBusinessDate, fromParts, lastBusinessDate, type BusinessDate,
} from './businessDate.ts';

/**
 * A financial year: India's runs 1 April to 31 March and is labelled '2024-25'. `start` and
 * `end` are its first and last days a date can name: the year 1899-00 starts, for dates, on
 * 1 January 1900, and 2199-00 ends on 31 December 2199.
 */
export interface FinancialYear {
  readonly label: string;
  readonly start: BusinessDate;
  readonly end: BusinessDate;
}

/**
 * The financial year a date falls in; `startMonth` 4 is India's April-to-March year.
 * @example financialYearOf(businessDate('2025-02-10')).label === '2024-25'
 */
export const financialYearOf = (d: BusinessDate, startMonth = 4): FinancialYear => {
  if (!Number.isInteger(startMonth) || startMonth < 1 || startMonth > 12) {
    throw new RangeError(`financial year start month must be 1..12, got ${startMonth}`);
  }
  const { year, month } = dateParts(d);
  const startYear = month >= startMonth ? year : year - 1;
  const endYear = startMonth === 1 ? startYear : startYear + 1;
  const label =
    startYear === endYear ? String(startYear) : `${startYear}-${String(endYear).slice(-2)}`;
  // Its days outside 1900-2199 have no date: the bounds stop at the range's.
  const start = startYear < 1900 ? firstBusinessDate
    : fromParts({ year: startYear, month: startMonth, day: 1 });
  const end = startYear + 1 > 2199 ? lastBusinessDate
    : addDays(fromParts({ year: startYear + 1, month: startMonth, day: 1 }), -1);
  return { label, start, end };
};
