import { daysBetween, type BusinessDate } from '../../dates/businessDate.ts';
import { nextDueDate } from '../loan/dueDates.ts';
import { fineractMath } from '../loan/fineractMath.ts';
import { InvalidTermsError } from '../loan/invalidTermsError.ts';
import type { Row, Terms } from '../loan/types.ts';
import { adjustedRows, progressiveEmi, type Period } from './progressiveRows.ts';
import { rateFactor } from './rateFactor.ts';

// The progressive engine knows one shape of loan: an EMI on the declining balance, no grace.
const checkSupported = (t: Terms): void => {
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

// Repayment periods as Fineract's schedule generator hands them over: the first from the
// disbursement date, each next one from the previous due date.
const periodsOf = (t: Terms): Period[] => {
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

/**
 * The rows of Apache Fineract's progressive schedule (ProgressiveEMICalculator, one
 * disbursement, no payments yet): one EMI for every period, each period's interest on the
 * balance then owed, the last installment taking what rounding left.
 */
export const progressiveRows = (t: Terms): Row[] => {
  checkSupported(t);
  const m = fineractMath(t.digits, t.rounding);
  const periods = periodsOf(t);
  return adjustedRows(t, m, periods, progressiveEmi(t, m, periods));
};
