import { businessDate, toEpochDay } from '@usha/domain';
import { AsOfError } from '../books/reports.ts';

/**
 * The epoch day of a report's date: `asOf`, or the latest date applied. A state that holds
 * events after `asOf` cannot answer for it: replay with `{ asOf }` instead.
 */
export const asOfDay = (through: string | null, asOf: string | undefined): number => {
  if (asOf !== undefined && typeof asOf !== 'string') {
    throw new AsOfError('asOf: not a business date (YYYY-MM-DD)');
  }
  const d = asOf ?? through;
  if (d === null) return 0;
  if (asOf !== undefined && through !== null && asOf < through) {
    throw new AsOfError(`the state holds events up to ${through}; for ${asOf}, `
      + 'replay with { asOf } (only events effective on or before it)');
  }
  return toEpochDay(businessDate(d, 'asOf'));
};
