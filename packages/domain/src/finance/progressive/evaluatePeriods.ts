import { Decimal } from '../../money/decimal.ts';
import type { BusinessDate } from '../../dates/businessDate.ts';
import { mcMultiply, moneyOf, ZERO } from '../loan/fineractMath.ts';
import type { InterestModel, ModelPeriod } from './interestModel.ts';

/** What a period comes to: its interest, its principal and the balance left after it. */
export interface PeriodFigures {
  /** The balance the period starts on (the last period's end). */
  readonly opening: Decimal;
  /** The interest on its slices plus any carried in (getCalculatedDueInterest). */
  readonly calculatedInterest: Decimal;
  /** The interest the installment asks for (getDueInterest). */
  readonly interest: Decimal;
  /** Principal due before the balance caps it (getDuePrincipal). */
  readonly due: Decimal;
  readonly principal: Decimal;
  readonly closing: Decimal;
}

// InterestPeriod.getCalculatedDueInterest per slice: its balance x its factor (12 significant
// digits), rounded to the currency. `upTo` sums only the slices ending by that day. Returns
// the balance after the last slice's own change too: the period's principal comes from it.
const interestOf = (
  model: InterestModel,
  p: ModelPeriod,
  opening: Decimal,
  upTo: BusinessDate | null,
) => {
  let balance = opening;
  let interest = ZERO;
  let accrued = ZERO;
  for (const s of p.slices) {
    const own = moneyOf(model.m, mcMultiply(model.m, balance, s.factor));
    interest = interest.plus(own);
    if (upTo !== null && s.to <= upTo) accrued = accrued.plus(own);
    balance = balance.plus(s.disbursed).plus(s.correction);
  }
  return { interest, accrued, balance };
};

/**
 * calculateOutstandingBalance over every period. Principal due is the EMI less the interest,
 * or the principal paid in the period when that is more (getDuePrincipal), never more than is
 * owed; the last period takes whatever is owed (calculateLastUnpaidRepaymentPeriodEMI).
 * A period settled early, its principal paid up to the EMI less the interest accrued to the
 * last payment in it, asks only that interest; the interest after it moves to the next period
 * (getUnrecognizedInterest). The member is taken to have paid the interest accrued with that
 * principal, interest coming first (getPayableDetails); Fineract reads what she paid instead.
 */
export const evaluatePeriods = (model: InterestModel): PeriodFigures[] => {
  let opening = ZERO;
  let carried = ZERO;
  const lastIndex = model.periods.length - 1;
  return model.periods.map((p, k) => {
    const own = interestOf(model, p, opening, p.lastPaidOn);
    const calculatedInterest = own.interest.plus(carried);
    const accrued = own.accrued.plus(carried);
    const settled = p.paidPrincipal.gt(0) && p.paidPrincipal.gte(p.emi.minus(accrued));
    const interest = settled ? accrued : calculatedInterest;
    carried = calculatedInterest.minus(interest);
    // Principal paid left the balance by a correction; it is added back before the
    // principal due is taken (getOutstandingLoanBalance).
    const owed = Decimal.max(own.balance.plus(p.paidPrincipal), ZERO);
    const due = Decimal.max(p.emi.minus(interest), p.paidPrincipal, ZERO);
    const principal = k === lastIndex ? owed : Decimal.min(due, owed);
    const closing = owed.minus(principal);
    const figures = { opening, calculatedInterest, interest, due, principal, closing };
    opening = closing;
    return figures;
  });
};
