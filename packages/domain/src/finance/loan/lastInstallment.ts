import type { Decimal } from '../../money/decimal.ts';
import type { Terms } from './types.ts';

/**
 * LoanApplicationTerms.adjustPrincipalIfLastRepaymentPeriod: never repay more principal than
 * was lent, and let the last installment take whatever principal rounding left over.
 */
export const adjustPrincipalIfLast = (
  t: Terms,
  principal: Decimal,
  cumulativeToDate: Decimal,
  n: number,
): Decimal => {
  const remaining = t.principal.minus(cumulativeToDate);
  if (remaining.lt(0)) return principal.minus(remaining.abs());
  return n === t.repayments ? principal.plus(remaining) : principal;
};

/**
 * LoanApplicationTerms.adjustInterestIfLastRepaymentPeriod (flat loans): never charge more
 * interest than the loan's total, and let the last installment take the difference. Peculiarity
 * matched: a negative result is doubled (Fineract adds the amount to itself), not zeroed.
 */
export const adjustInterestIfLast = (
  t: Terms,
  interest: Decimal,
  cumulativeToDate: Decimal,
  totalInterest: Decimal,
  n: number,
): Decimal => {
  const remaining = totalInterest.minus(cumulativeToDate);
  let adjusted = interest;
  if (remaining.lt(0)) adjusted = interest.minus(remaining.abs());
  else if (n === t.repayments) adjusted = interest.plus(remaining);
  return adjusted.lt(0) ? adjusted.plus(adjusted) : adjusted;
};
