import {
  Decimal, decimalFrom, InvalidDecimalError, type DecimalInput,
} from '../../money/decimal.ts';
import { InvalidTermsError } from '../loan/invalidTermsError.ts';

/** What a reschedule changes from its date on; each part may be left out. */
export interface RescheduleChange {
  /** The new annual rate from the date on (Fineract's newInterestRate). */
  readonly rateAnnualPercent?: DecimalInput;
  /** Installments added to the term (Fineract's extraTerms). */
  readonly extraRepayments?: number;
  /** Periods with neither principal nor interest due; their interest is paid after them. */
  readonly moratoriumPeriods?: number;
  /** Periods with interest only, no principal (Fineract's graceOnPrincipal). */
  readonly interestOnlyPeriods?: number;
}

/** A change after checking: a new rate or null, and whole counts. */
export interface CheckedChange {
  readonly rateAnnual: Decimal | null;
  readonly extraRepayments: number;
  readonly moratoriumPeriods: number;
  readonly interestOnlyPeriods: number;
}

const MAX_PERIODS = 1200;

const count = (change: RescheduleChange, field: keyof RescheduleChange): number => {
  const v = change[field];
  if (v === undefined) return 0;
  if (typeof v !== 'number' || !Number.isInteger(v) || v < 0 || v > MAX_PERIODS) {
    throw new InvalidTermsError(`change.${field}`,
      `must be a whole number from 0 to ${MAX_PERIODS}, got ${JSON.stringify(v)}`);
  }
  return v;
};

const rate = (change: RescheduleChange): Decimal | null => {
  if (change.rateAnnualPercent === undefined) return null;
  let d: Decimal;
  try {
    d = decimalFrom(change.rateAnnualPercent, 'change.rateAnnualPercent');
  } catch (e) {
    if (!(e instanceof InvalidDecimalError)) throw e;
    throw new InvalidTermsError('change.rateAnnualPercent',
      `must be a plain decimal string such as "12.5", got ${String(change.rateAnnualPercent)}`);
  }
  if (d.lt(0)) {
    throw new InvalidTermsError('change.rateAnnualPercent', `must not be negative, got ${d}`);
  }
  return d;
};

/** Checks a change; throws InvalidTermsError naming the field, or 'change' if it is empty. */
export const readChange = (change: RescheduleChange): CheckedChange => {
  if (typeof change !== 'object' || change === null) {
    throw new InvalidTermsError('change', `must be an object, got ${JSON.stringify(change)}`);
  }
  const checked: CheckedChange = {
    rateAnnual: rate(change),
    extraRepayments: count(change, 'extraRepayments'),
    moratoriumPeriods: count(change, 'moratoriumPeriods'),
    interestOnlyPeriods: count(change, 'interestOnlyPeriods'),
  };
  const periods = checked.extraRepayments + checked.moratoriumPeriods
    + checked.interestOnlyPeriods;
  if (checked.rateAnnual === null && periods === 0) {
    throw new InvalidTermsError('change', 'changes nothing: give a rate or some periods');
  }
  return checked;
};
