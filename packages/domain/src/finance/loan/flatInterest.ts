import { Decimal } from '../../money/decimal.ts';
import { lastDueDate } from './dueDates.ts';
import {
  dividedBy, multipliedBy, multiplyRetainScale, roundToMultiplesOf, ZERO, type FineractMath,
} from './fineractMath.ts';
import { adjustInterestIfLast, adjustPrincipalIfLast } from './lastInstallment.ts';
import { flatRateForTerm } from './periodicRate.ts';
import type { PeriodInput, PeriodRule, PeriodResult } from './buildRows.ts';
import type { Terms } from './types.ts';

/** The flat loan's interest figures, fixed before the first installment. */
interface FlatTotals {
  /** Interest for the whole term on the whole principal, before any grace. */
  readonly forTerm: Decimal;
  /** forTerm shared equally over all installments. */
  readonly perInstallment: Decimal;
  /** What the loan charges: forTerm less the installments of grace on interest charged. */
  readonly charged: Decimal;
}

const flatTotals = (t: Terms, m: FineractMath): FlatTotals => {
  const forTerm = multiplyRetainScale(m, t.principal, flatRateForTerm(t, m, lastDueDate(t)));
  const perInstallment = dividedBy(m, forTerm, t.repayments);
  const free = multiplyRetainScale(m, perInstallment, new Decimal(t.graceOnInterestCharged));
  return { forTerm, perInstallment, charged: forTerm.minus(free) };
};

/**
 * Equal installments (calculateTotalFlatInterestForInstallmentAveragingOutGracePeriods).
 * Peculiarity matched: grace on interest payment does not defer interest here; the interest
 * is spread evenly over the installments outside both graces instead.
 */
const averaged = (t: Terms, m: FineractMath, f: FlatTotals) => {
  const paying = t.repayments - t.graceOnInterestPayment - t.graceOnInterestCharged;
  const real = f.forTerm.minus(multipliedBy(m, f.perInstallment, t.graceOnInterestCharged));
  const interest = t.graceOnInterestPayment > 0
    ? dividedBy(m, f.charged, paying)
    : dividedBy(m, real, paying);
  return (p: PeriodInput) => ({
    interest: p.n <= t.graceOnInterestPayment || p.n <= t.graceOnInterestCharged ? ZERO : interest,
    deferredInterest: p.deferredInterest,
  });
};

/**
 * Equal principal (calculateTotalFlatInterestForPeriod): interest deferred by grace on
 * interest payment is paid with installment graceOnInterestPayment + 1.
 */
const deferred = (t: Terms, f: FlatTotals) => (p: PeriodInput) => {
  if (p.n <= t.graceOnInterestPayment) {
    return { interest: ZERO, deferredInterest: p.deferredInterest.plus(f.perInstallment) };
  }
  if (p.n <= t.graceOnInterestCharged) {
    return { interest: ZERO, deferredInterest: p.deferredInterest };
  }
  if (p.n === t.graceOnInterestPayment + 1) {
    return { interest: p.deferredInterest.plus(f.perInstallment), deferredInterest: ZERO };
  }
  return { interest: f.perInstallment, deferredInterest: p.deferredInterest };
};

/**
 * Principal of a flat loan (calculateTotalPrincipalPerPeriodWithoutGrace), the same for both
 * amortizations. With an installment multiple, principal and interest are each rounded to it
 * and the principal takes the difference, so that their sum is a multiple.
 */
const flatPrincipal = (t: Terms, m: FineractMath, n: number, interest: Decimal): Decimal => {
  const even = dividedBy(m, t.principal, t.repayments - t.graceOnPrincipal);
  const principal = n <= t.graceOnPrincipal ? ZERO : even;
  return roundToMultiplesOf(m, principal, t.multiple)
    .plus(roundToMultiplesOf(m, interest, t.multiple))
    .minus(interest);
};

/** The flat-interest rule (CumulativeFlatInterestLoanScheduleGenerator). */
export const flatInterestRule = (t: Terms, m: FineractMath): PeriodRule => {
  const totals = flatTotals(t, m);
  const interestOf = t.amortization === 'equal-installments'
    ? averaged(t, m, totals)
    : deferred(t, totals);
  return (p: PeriodInput): PeriodResult => {
    const { interest, deferredInterest } = interestOf(p);
    const principal = flatPrincipal(t, m, p.n, interest);
    return {
      principal: adjustPrincipalIfLast(t, principal, p.cumulativePrincipal.plus(principal), p.n),
      interest: adjustInterestIfLast(t, interest, p.cumulativeInterest.plus(interest),
        totals.charged, p.n),
      deferredInterest,
    };
  };
};
