import type { Decimal } from '../../money/decimal.ts';
import { daysBetween, type BusinessDate } from '../../dates/businessDate.ts';
import { idealDisbursementDate, nextDueDate } from './dueDates.ts';
import { ZERO } from './fineractMath.ts';
import { InvalidTermsError } from './invalidTermsError.ts';
import type { Row, Terms } from './types.ts';

/** What a period's rule is told: its number, dates and the running totals before it. */
export interface PeriodInput {
  readonly n: number;
  /** Where this period's interest starts (see interestStart). */
  readonly interestFrom: BusinessDate;
  readonly dueOn: BusinessDate;
  readonly outstanding: Decimal;
  readonly cumulativePrincipal: Decimal;
  readonly cumulativeInterest: Decimal;
  /** Interest deferred by grace on interest payment, not yet due. */
  readonly deferredInterest: Decimal;
}

/** A period's principal and interest, and the deferred interest carried to the next. */
export interface PeriodResult {
  readonly principal: Decimal;
  readonly interest: Decimal;
  readonly deferredInterest: Decimal;
}

/** One interest method's arithmetic for a period. */
export type PeriodRule = (p: PeriodInput) => PeriodResult;

/**
 * AbstractCumulativeLoanScheduleGenerator.calculateInterestStartDateForPeriod with the
 * "interest charged from" date unset and the global configuration
 * interest-charged-from-date-same-as-disbursal-date off (Fineract's defaults). Peculiarity
 * matched: the first period's interest runs from the ideal disbursement date, one repayment
 * period before the first due date, not from the disbursement date. The rest of a loan
 * scheduled anew from a later due date starts there, as that period did in the loan.
 */
export const interestStart = (
  t: Terms,
  periodStart: BusinessDate,
  ideal: BusinessDate,
  firstDue: BusinessDate,
): BusinessDate => {
  if (t.continuation?.afterFirstPeriod === true) return periodStart;
  const early = periodStart < ideal || periodStart < firstDue;
  return early && periodStart === t.disbursedOn ? ideal : periodStart;
};

/**
 * The schedule loop of AbstractCumulativeLoanScheduleGenerator.generate, without charges,
 * holidays, disbursement tranches or interest recalculation: periods follow one another until
 * the principal is repaid (normally after exactly `repayments` periods).
 */
export const buildRows = (t: Terms, rule: PeriodRule): Row[] => {
  const firstDue = nextDueDate(t, t.disbursedOn, true);
  const ideal = idealDisbursementDate(t);
  const rows: Row[] = [];
  let outstanding = t.principal;
  let cumulativePrincipal = ZERO;
  let cumulativeInterest = ZERO;
  let deferredInterest = ZERO;
  let reducePrincipal = ZERO;
  let start = t.disbursedOn;
  for (let n = 1; !outstanding.isZero(); n++) {
    if (n > 2 * t.repayments + 12) {
      throw new InvalidTermsError('repayments', 'these terms never repay the principal');
    }
    const dueOn = nextDueDate(t, start, n === 1);
    const r = rule({
      n, interestFrom: interestStart(t, start, ideal, firstDue), dueOn, outstanding,
      cumulativePrincipal, cumulativeInterest, deferredInterest,
    });
    deferredInterest = r.deferredInterest;
    // A negative principal part (interest above the EMI) is held back and taken from the
    // next principal parts, as Fineract's reducePrincipal does.
    let principal = r.principal;
    if (principal.gt(reducePrincipal)) {
      principal = principal.minus(reducePrincipal);
      reducePrincipal = ZERO;
    } else {
      reducePrincipal = reducePrincipal.minus(principal);
      principal = ZERO;
    }
    outstanding = outstanding.minus(principal);
    if (outstanding.lt(0)) {
      principal = principal.plus(outstanding);
      outstanding = ZERO;
    }
    const days = daysBetween(start, dueOn);
    rows.push({ n, dueOn, days, principal, interest: r.interest, balance: outstanding });
    cumulativePrincipal = cumulativePrincipal.plus(principal);
    cumulativeInterest = cumulativeInterest.plus(r.interest);
    start = dueOn;
  }
  return withDeferredInterest(rows, deferredInterest);
};

// Interest still deferred by grace when the loop ends goes to the last installment.
const withDeferredInterest = (rows: Row[], deferred: Decimal): Row[] => {
  const last = rows[rows.length - 1];
  if (!deferred.gt(0) || last === undefined) return rows;
  return [...rows.slice(0, -1), { ...last, interest: last.interest.plus(deferred) }];
};
