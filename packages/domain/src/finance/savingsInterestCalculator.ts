import { savingsAccrual, type AccrualWindow } from './depositInterest/savingsAccrual.ts';
import {
  normalSavingsAccount, type SavingsAccountSpan, type SavingsTransaction,
} from './depositInterest/savingsAccount.ts';
import { postingPlans } from './depositInterest/postingPlan.ts';
import { savingsPostings, type SavingsPosting } from './depositInterest/savingsPostings.ts';
import {
  normalSavingsProduct, type NormalProduct, type SavingsProduct,
} from './depositInterest/savingsProduct.ts';

export type { AccrualWindow } from './depositInterest/savingsAccrual.ts';
export type { SavingsAccountSpan } from './depositInterest/savingsAccount.ts';
export type { SavingsPosting } from './depositInterest/savingsPostings.ts';
export type { SavingsProduct } from './depositInterest/savingsProduct.ts';

/** Savings interest of any account of one product, the product checked once. */
export interface SavingsInterestCalculator {
  /**
   * The account's postings, as savingsInterest({ ...product, ...span, transactions }).
   * @example calculator.postings([{ on: '2025-02-01', amount: '10000' }],
   *   { from: '2025-02-01', to: '2025-03-01' }) // [{ on: '2025-03-01', interest: 76.71, ... }]
   */
  readonly postings: (
    transactions: ReadonlyArray<SavingsTransaction>, span: SavingsAccountSpan,
  ) => { postings: SavingsPosting[] };
  /**
   * Unrounded interest on the days of `window` as an exact fraction of currency units, as
   * accruedSavingsInterestExact. Additive over adjacent windows.
   * @example calculator.accrued(txs, { from, to,
   *   window: { from: '2025-02-01', to: '2025-02-02' } }) // { numerator, denominator }
   */
  readonly accrued: (
    transactions: ReadonlyArray<SavingsTransaction>,
    span: SavingsAccountSpan & { readonly window: AccrualWindow },
  ) => { numerator: bigint; denominator: bigint };
}

/**
 * Checks a savings product once (throwing InvalidDepositTermsError as savingsInterest would)
 * and returns its calculator; posting periods are shared by accounts opened on the same day.
 * @example const calculator = savingsInterestCalculator({ rateAnnualPercent: '4',
 *   method: 'daily-balance', compounding: 'quarterly', posting: 'quarterly', daysInYear: 365,
 *   postOn: 'next-day' })
 */
export const savingsInterestCalculator = (product: SavingsProduct): SavingsInterestCalculator =>
  calculatorOf(normalSavingsProduct(product));

/** The calculator of a product already checked (a stepped rate's too: rateSteps.ts). */
export const calculatorOf = (p: NormalProduct): SavingsInterestCalculator => {
  const plans = postingPlans(p);
  return {
    postings: (transactions, span) => {
      const account = normalSavingsAccount(span, transactions, p.digits);
      return { postings: savingsPostings(p, account, plans(account.fromDay)) };
    },
    accrued: (transactions, span) =>
      savingsAccrual(p, normalSavingsAccount(span, transactions, p.digits), span.window),
  };
};
