import { daysBetween, type BusinessDate } from '../../dates/businessDate.ts';
import type { Decimal } from '../../money/decimal.ts';
import { nextDueDate } from '../loan/dueDates.ts';
import { fineractMath } from '../loan/fineractMath.ts';
import { InvalidTermsError } from '../loan/invalidTermsError.ts';
import type { Terms } from '../loan/types.ts';
import { rateFactor } from './rateFactor.ts';

/** A repayment period of the progressive model: its dates and its rate factor. */
export interface Period {
  readonly dueOn: BusinessDate;
  readonly days: number;
  readonly factor: Decimal;
}

/**
 * Throws InvalidTermsError unless the terms are the one shape the progressive engine knows:
 * an EMI on the declining balance, no grace.
 */
export const checkSupported = (t: Terms): void => {
  if (t.interestMethod !== 'declining-balance') {
    throw new InvalidTermsError('interestMethod', "a progressive schedule is 'declining-balance'");
  }
  if (t.amortization !== 'equal-installments') {
    throw new InvalidTermsError('amortization', "a progressive schedule is 'equal-installments'");
  }
  const graces = ['graceOnPrincipal', 'graceOnInterestPayment', 'graceOnInterestCharged'] as const;
  for (const f of graces) {
    if (t[f] !== 0) throw new InvalidTermsError(f, 'a progressive schedule has no grace');
  }
};

/**
 * Repayment periods as Fineract's schedule generator hands them over: the first from the
 * disbursement date, each next one from the previous due date.
 */
export const periodsOf = (t: Terms): Period[] => {
  const m = fineractMath(t.digits, t.rounding);
  const periods: Period[] = [];
  let from: BusinessDate = t.disbursedOn;
  for (let n = 1; n <= t.repayments; n++) {
    const dueOn = nextDueDate(t, from, n === 1);
    periods.push({ dueOn, days: daysBetween(from, dueOn), factor: rateFactor(t, m, from, dueOn) });
    from = dueOn;
  }
  return periods;
};
