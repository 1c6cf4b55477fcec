import { addMonths, type BusinessDate } from '../dates/businessDate.ts';
import type { DecimalInput } from '../money/decimal.ts';
import { money, type Money } from '../money/money.ts';
import type { RoundingMode } from '../money/rounding.ts';
import type { PeriodType } from './depositInterest/periodType.ts';
import { dayOf, normalSavingsTerms } from './depositInterest/savingsTerms.ts';
import { termDepositInterest } from './depositInterest/termDepositInterest.ts';
import { InvalidDepositTermsError } from './invalidDepositTerms.ts';
import type { SavingsDayCount } from './depositInterest/dayWeights.ts';

/** A recurring deposit: one instalment a month from `startOn` for `tenureMonths`. */
export interface RecurringDepositTerms {
  readonly instalment: DecimalInput;
  readonly rateAnnualPercent: DecimalInput;
  readonly tenureMonths: number;
  readonly startOn: BusinessDate | string;
  readonly compounding?: PeriodType;
  readonly posting?: PeriodType;
  readonly daysInYear?: SavingsDayCount;
  readonly financialYearStartMonth?: number;
  readonly currencyDigits?: number;
  readonly rounding?: RoundingMode;
}

/**
 * Maturity amount of a recurring deposit with every instalment paid on its due date, as
 * Fineract's RecurringDepositAccount: instalments on startOn + k months, interest on the daily
 * balance through the day before maturity (startOn + tenure), compounded quarterly by default.
 */
export const recurringDepositMaturity = (t: RecurringDepositTerms): Money => {
  const n = t.tenureMonths;
  if (typeof n !== 'number' || !Number.isInteger(n) || n < 1 || n > 1200) {
    throw new InvalidDepositTermsError('tenureMonths', 'must be a whole number of months from 1');
  }
  dayOf(t.startOn, 'startOn');
  const start = t.startOn as BusinessDate;
  const maturity = addMonths(start, n);
  const transactions = Array.from({ length: n }, (_, k) => ({
    on: addMonths(start, k), amount: t.instalment,
  }));
  const compounding = t.compounding ?? 'quarterly';
  const terms = normalSavingsTerms({
    transactions, rateAnnualPercent: t.rateAnnualPercent, from: start, to: maturity,
    method: 'daily-balance', compounding, posting: t.posting ?? compounding,
    daysInYear: t.daysInYear ?? 365, postOn: 'period-end', currencyDigits: t.currencyDigits,
    rounding: t.rounding, financialYearStartMonth: t.financialYearStartMonth,
  });
  if ((terms.amounts[0] ?? 0n) <= 0n) {
    throw new InvalidDepositTermsError('instalment', 'must be positive');
  }
  const deposits = terms.amounts.reduce((a, b) => a + b, 0n);
  return money(deposits + termDepositInterest(terms, dayOf(maturity, 'maturity') - 1),
    terms.digits);
};
