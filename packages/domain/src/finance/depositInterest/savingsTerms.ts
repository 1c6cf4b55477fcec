import type { BusinessDate } from '../../dates/businessDate.ts';
import type { DecimalInput } from '../../money/decimal.ts';
import type { RoundingMode } from '../../money/rounding.ts';
import type { SavingsDayCount } from './dayWeights.ts';
import type { PeriodType } from './periodType.ts';
import {
  normalSavingsAccount, type NormalAccount, type SavingsTransaction,
} from './savingsAccount.ts';
import { currencyDigitsOf, normalSavingsProduct, type NormalProduct } from './savingsProduct.ts';

export type { SavingsTransaction } from './savingsAccount.ts';
export { dayOf, ratePercent } from './termChecks.ts';

/** The settings of a savings product, named as in Fineract's savings product. */
export interface SavingsTerms {
  readonly transactions: ReadonlyArray<SavingsTransaction>;
  readonly rateAnnualPercent: DecimalInput;
  readonly from: BusinessDate | string;
  readonly to: BusinessDate | string;
  readonly method: 'daily-balance' | 'average-daily-balance';
  readonly compounding: PeriodType;
  readonly posting: PeriodType;
  readonly financialYearStartMonth?: number;
  /** A fixed year of days, 'actual' (financial years) or '30/360' (dayWeights.ts). */
  readonly daysInYear: SavingsDayCount;
  readonly postOn: 'period-end' | 'next-day';
  readonly currencyDigits?: number;
  readonly rounding?: RoundingMode;
  readonly minBalanceForInterest?: DecimalInput;
}

/** Terms checked and reduced to integers: the product's and the account's. */
export type NormalTerms = NormalProduct & NormalAccount;

/**
 * Checks savings terms in field order (currencyDigits, from, to, transactions, then the
 * product's other settings) and reduces them to integers.
 */
export const normalSavingsTerms = (t: SavingsTerms): NormalTerms => {
  const account = normalSavingsAccount(t, t.transactions, currencyDigitsOf(t.currencyDigits));
  return { ...normalSavingsProduct(t), ...account };
};
