import type { Decimal } from '../money/decimal.ts';
import { toDecimal } from './depositInterest/parseExact.ts';
import { postingPlan } from './depositInterest/postingPlan.ts';
import { savingsAccrual, type AccrualWindow } from './depositInterest/savingsAccrual.ts';
import { normalSavingsAccount } from './depositInterest/savingsAccount.ts';
import { savingsPostings, type SavingsPosting } from './depositInterest/savingsPostings.ts';
import { currencyDigitsOf, normalSavingsProduct } from './depositInterest/savingsProduct.ts';
import { normalSavingsTerms, type SavingsTerms } from './depositInterest/savingsTerms.ts';

export type { SavingsTerms, SavingsTransaction } from './depositInterest/savingsTerms.ts';
export type { PeriodType } from './depositInterest/periodType.ts';
export type { SavingsDayCount } from './depositInterest/dayWeights.ts';
export type { AccrualWindow } from './depositInterest/savingsAccrual.ts';
export type { SavingsPosting } from './depositInterest/savingsPostings.ts';
export {
  savingsInterestCalculator, type SavingsInterestCalculator,
} from './savingsInterestCalculator.ts';

/**
 * Interest postings of a savings account from `from` (activation) for every posting period
 * whose posting date is on or before `to`, as Fineract posts them. For many accounts of one
 * product, savingsInterestCalculator checks the product once.
 * @example savingsInterest({ transactions: [{ on: '2025-02-01', amount: '10000' }],
 *   rateAnnualPercent: '10', from: '2025-02-01', to: '2025-03-01', method: 'daily-balance',
 *   compounding: 'yearly', posting: 'monthly', daysInYear: 365, postOn: 'next-day' })
 *   // postings: [{ on: '2025-03-01', interest: 76.71, balance: 10076.71 }]
 */
export const savingsInterest = (terms: SavingsTerms): { postings: SavingsPosting[] } => {
  // Field order of the errors: currencyDigits, the account (from, to, transactions), then the
  // product's other settings, as the reference table lists them.
  const account = normalSavingsAccount(terms, terms.transactions,
    currencyDigitsOf(terms.currencyDigits));
  const p = normalSavingsProduct(terms);
  return { postings: savingsPostings(p, account, postingPlan(p, account.fromDay)) };
};

/**
 * Unrounded interest earned on the days of `window`, as numerator / denominator in currency
 * units: exact within each compounding period, compounded interest kept to 10^-24 of a minor
 * unit. Additive: [a, b) plus [b, c) is exactly [a, c).
 */
export const accruedSavingsInterestExact = (
  terms: SavingsTerms, window: AccrualWindow,
): { numerator: bigint; denominator: bigint } => {
  const t = normalSavingsTerms(terms);
  return savingsAccrual(t, t, window);
};

/**
 * Unrounded interest earned on the days of `window` (from <= day < to), as a Decimal of 60
 * significant digits; for accruals between balance changes.
 */
export const accruedSavingsInterest = (terms: SavingsTerms, window: AccrualWindow): Decimal => {
  const { numerator, denominator } = accruedSavingsInterestExact(terms, window);
  return toDecimal(numerator, denominator);
};
