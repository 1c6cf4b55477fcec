import { addDays, addMonths, type BusinessDate } from '../dates/businessDate.ts';
import { InvalidDepositTermsError } from './invalidDepositTerms.ts';

/** The unit a deposit's term is counted in (Fineract's depositPeriodFrequencyType). */
export type TermUnit = 'days' | 'weeks' | 'months' | 'years';

/** Every term unit, in Fineract's order. */
export const termUnits = ['days', 'weeks', 'months', 'years'] as const;

/** A deposit's term: a whole number of units (Fineract's depositPeriod and its type). */
export interface DepositTerm {
  readonly length: number;
  readonly unit: TermUnit;
}

// Long enough for any deposit a co-operative writes; short enough that dates stay in range.
const MAX_TERM_YEARS = 100;
/** The longest term in each unit: 100 years. */
export const maxTermLength: Readonly<Record<TermUnit, number>> = {
  days: MAX_TERM_YEARS * 366, weeks: MAX_TERM_YEARS * 53, months: MAX_TERM_YEARS * 12,
  years: MAX_TERM_YEARS,
};

/** The term checked: a known unit and a whole length from 1; throws naming the field. */
export const depositTermOf = (x: unknown, field: string): DepositTerm => {
  const t: object = typeof x === 'object' && x !== null ? x : {};
  const unit = termUnits.find((u) => 'unit' in t && u === t.unit);
  if (unit === undefined) {
    throw new InvalidDepositTermsError(`${field}.unit`, `must be one of ${termUnits.join(', ')}`);
  }
  const n = 'length' in t ? t.length : undefined;
  if (typeof n !== 'number' || !Number.isInteger(n) || n < 1 || n > maxTermLength[unit]) {
    throw new InvalidDepositTermsError(`${field}.length`,
      `must be a whole number of ${unit} from 1 to ${maxTermLength[unit]}`);
  }
  return { length: n, unit };
};

/**
 * The day a term started on `start` ends (the maturity date), as Fineract's
 * calculateMaturityDate: plusDays, plusWeeks, plusMonths or plusYears, a month or year
 * clamped to the month's last day (2024-02-29 plus 1 year is 2025-02-28).
 * @example termEnd('2024-01-31', { length: 1, unit: 'months' }) // '2024-02-29'
 */
export const termEnd = (start: BusinessDate, term: DepositTerm): BusinessDate => {
  switch (term.unit) {
    case 'days': return addDays(start, term.length);
    case 'weeks': return addDays(start, 7 * term.length);
    case 'months': return addMonths(start, term.length);
    case 'years': return addMonths(start, 12 * term.length);
  }
};
