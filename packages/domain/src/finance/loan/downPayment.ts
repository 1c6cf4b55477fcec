import { Decimal } from '../../money/decimal.ts';
import { moneyOf, roundToMultiplesOf, ZERO, type FineractMath } from './fineractMath.ts';
import { InvalidTermsError } from './invalidTermsError.ts';
import type { Row, Terms } from './types.ts';

/**
 * The down payment (LoanApplicationTerms, enableDownPayment): MathUtil.percentageOf at 19
 * significant digits, then Money.of, then rounded to the installment multiple. Zero for none.
 */
export const downPaymentOf = (t: Terms, m: FineractMath): Decimal => {
  if (t.downPaymentPercent.isZero()) return ZERO;
  const mc19 = Decimal.clone({ precision: 19, rounding: m.rounding });
  const share = new mc19(t.downPaymentPercent).div(100);
  const amount = moneyOf(m, new Decimal(new mc19(t.principal).times(share)));
  return roundToMultiplesOf(m, amount, t.multiple);
};

/**
 * The terms of what is left to amortise after the down payment. Fineract's flat schedule with
 * a down payment charges interest on the whole principal or on the rest depending on its
 * tranche settings (and its own test of it is skipped), so a flat rate above zero is refused.
 */
export const afterDownPayment = (t: Terms, down: Decimal): Terms => {
  if (t.downPaymentPercent.isZero()) return t;
  if (t.interestMethod === 'flat' && t.rateAnnual.gt(0)) {
    throw new InvalidTermsError('downPaymentPercent',
      'a down payment needs declining-balance interest (or a zero rate)');
  }
  const rest = t.principal.minus(down);
  if (rest.lte(0)) {
    throw new InvalidTermsError('downPaymentPercent',
      `a down payment of ${down} leaves nothing of ${t.principal} to repay in installments`);
  }
  return { ...t, principal: rest, downPaymentPercent: ZERO };
};

/**
 * The rows with the down payment put first: n = 1, due on disbursement, 0 days, no interest.
 * Fineract adds that installment whenever the down payment is enabled, even if it rounds to 0.
 */
export const withDownPayment = (t: Terms, down: Decimal, rows: readonly Row[]): Row[] => {
  if (t.downPaymentPercent.isZero()) return [...rows];
  const first: Row = {
    n: 1, dueOn: t.disbursedOn, days: 0, principal: down, interest: ZERO,
    balance: t.principal.minus(down),
  };
  return [first, ...rows.map((r) => ({ ...r, n: r.n + 1 }))];
};
