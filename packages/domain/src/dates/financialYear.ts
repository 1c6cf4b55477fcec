import { addDays, addMonths, dateParts, fromParts, type BusinessDate } from './businessDate.ts';

/** A financial year: India's runs 1 April to 31 March and is labelled '2024-25'. */
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
  const start = fromParts({ year: startYear, month: startMonth, day: 1 });
  const end = addDays(addMonths(start, 12), -1);
  const endYear = dateParts(end).year;
  const label =
    startYear === endYear ? String(startYear) : `${startYear}-${String(endYear).slice(-2)}`;
  return { label, start, end };
};
