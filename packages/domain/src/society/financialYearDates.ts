import { businessDate, type BusinessDate } from '../dates/businessDate.ts';

/** The first and last day of a financial year labelled '2024-25'. */
export const financialYearDates = (label: string): { start: BusinessDate; end: BusinessDate } => {
  const first = Number(label.slice(0, 4));
  return {
    start: businessDate(`${first}-04-01`, 'financialYear'),
    end: businessDate(`${first + 1}-03-31`, 'financialYear'),
  };
};

/** The label of the year after one: '2024-25' -> '2025-26'. */
export const nextFinancialYear = (label: string): string => {
  const first = Number(label.slice(0, 4)) + 1;
  return `${first}-${String((first + 1) % 100).padStart(2, '0')}`;
};
