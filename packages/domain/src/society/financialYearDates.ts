import {
  businessDate, firstBusinessDate, lastBusinessDate, type BusinessDate,
} from '../dates/businessDate.ts';

/**
 * The first and last day of a financial year labelled '2024-25'. A year whose 1 April or 31
 * March no date names (1899-00 and before, 2199-00 and after) is refused (InvalidDateError):
 * it cannot begin or end, so nothing is closed or declared for it.
 */
export const financialYearDates = (label: string): { start: BusinessDate; end: BusinessDate } => {
  const first = Number(label.slice(0, 4));
  return {
    start: businessDate(`${first}-04-01`, 'financialYear'),
    end: businessDate(`${first + 1}-03-31`, 'financialYear'),
  };
};

/**
 * The days of a financial year a date can name, for a report of it: as `financialYearDates`,
 * but the two years the range of dates cuts have their part of it, 1899-00 from 1900-01-01 and
 * 2199-00 to 2199-12-31 (as `financialYearOf` gives them). A year wholly outside is refused.
 */
export const financialYearDays = (label: string): { start: BusinessDate; end: BusinessDate } => {
  const first = Number(label.slice(0, 4));
  return {
    start: first === 1899 ? firstBusinessDate : businessDate(`${first}-04-01`, 'financialYear'),
    end: first === 2199 ? lastBusinessDate : businessDate(`${first + 1}-03-31`, 'financialYear'),
  };
};

/**
 * A financial year's 1 April, alone: '2198-99' -> '2198-04-01'; undefined for a year that
 * starts after the last day a date can name (2200-01 and after).
 */
export const financialYearStart = (label: string): BusinessDate | undefined => {
  const first = Number(label.slice(0, 4));
  return first > 2199 ? undefined : businessDate(`${first}-04-01`, 'financialYear');
};

/** The label of the year after one: '2024-25' -> '2025-26'. */
export const nextFinancialYear = (label: string): string => {
  const first = Number(label.slice(0, 4)) + 1;
  return `${first}-${String((first + 1) % 100).padStart(2, '0')}`;
};
