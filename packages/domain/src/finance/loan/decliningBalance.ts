import { Decimal } from '../../money/decimal.ts';
import { addDays, dateParts } from '../../dates/businessDate.ts';
import { plusPeriods } from './dueDates.ts';
import {
  dividedBy, multiplyRetainScale, roundToMultiplesOf, ZERO, type FineractMath,
} from './fineractMath.ts';
import { fineractPmt } from './fineractPmt.ts';
import { InvalidTermsError } from './invalidTermsError.ts';
import { adjustPrincipalIfLast } from './lastInstallment.ts';
import { periodicRate } from './periodicRate.ts';
import type { PeriodInput, PeriodRule, PeriodResult } from './buildRows.ts';
import type { Terms } from './types.ts';

/**
 * The EMI (LoanApplicationTerms.pmtForInstallment, fixed once for the loan): PMT over the
 * installments after the principal grace, rounded to the installment multiple. Peculiarity
 * matched: the rate is that of a period starting on the 1st of the disbursement month, and
 * with daily interest a month counts as 30 days whatever daysInMonth says.
 */
export const fixedEmi = (t: Terms, m: FineractMath): Decimal => {
  const { day } = dateParts(t.disbursedOn);
  const from = addDays(t.disbursedOn, 1 - day);
  const to = plusPeriods(from, t.frequency, t.every);
  const rate = periodicRate(t, m, { from, to, forPmt: true });
  const emi = fineractPmt(rate, t.repayments - t.graceOnPrincipal, t.principal);
  return roundToMultiplesOf(m, emi, t.multiple);
};

/**
 * Interest on the declining balance (calculateTotalInterestForPeriod, DECLINING_BALANCE):
 * nothing during grace on interest charged; during grace on interest payment the interest is
 * deferred and paid with the first installment that charges interest again.
 */
const interestFor = (t: Terms, m: FineractMath, p: PeriodInput) => {
  const rate = periodicRate(t, m, { from: p.interestFrom, to: p.dueOn, forPmt: false });
  const accrued = multiplyRetainScale(m, p.outstanding, rate);
  const free = p.n <= t.graceOnInterestCharged;
  const deferred = p.n <= t.graceOnInterestPayment;
  if (!free && !deferred && accrued.gt(0)) {
    return { interest: p.deferredInterest.plus(accrued), deferredInterest: ZERO, own: accrued };
  }
  const carried = free ? p.deferredInterest : p.deferredInterest.plus(accrued);
  return { interest: ZERO, deferredInterest: carried, own: carried.minus(p.deferredInterest) };
};

/** The declining-balance rule (CumulativeDecliningBalanceInterestLoanScheduleGenerator). */
export const decliningBalanceRule = (t: Terms, m: FineractMath): PeriodRule => {
  const emi = t.amortization === 'equal-installments' ? fixedEmi(t, m) : null;
  const equalPrincipal = dividedBy(m, t.principal, t.repayments - t.graceOnPrincipal);
  return (p: PeriodInput): PeriodResult => {
    const { interest, deferredInterest, own } = interestFor(t, m, p);
    if (emi !== null && emi.lt(interest)) {
      const field = p.deferredInterest.gt(0) ? 'graceOnInterestPayment' : 'rateAnnualPercent';
      throw new InvalidTermsError(field, `installment ${p.n} owes ${interest} of interest, more ` +
        `than the installment of ${emi} (Fineract refuses such a schedule)`);
    }
    // The principal part is the EMI less this period's own interest, never the deferred part.
    const principal = p.n <= t.graceOnPrincipal
      ? ZERO
      : emi !== null ? emi.minus(own) : equalPrincipal;
    const cumulative = p.cumulativePrincipal.plus(principal);
    return {
      principal: adjustPrincipalIfLast(t, principal, cumulative, p.n), interest, deferredInterest,
    };
  };
};
