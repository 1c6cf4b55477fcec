import { addMonths, type BusinessDate } from '../dates/businessDate.ts';
import type { DecimalInput } from '../money/decimal.ts';
import { money, type Money } from '../money/money.ts';
import type { RoundingMode } from '../money/rounding.ts';
import type { SavingsDayCount } from './depositInterest/dayWeights.ts';
import type { PeriodType } from './depositInterest/periodType.ts';
import {
  dayOf, normalSavingsTerms, type NormalTerms, type SavingsTransaction,
} from './depositInterest/savingsTerms.ts';
import { termDepositInterest } from './depositInterest/termDepositInterest.ts';
import { penalisedRate } from './fixedDeposit.ts';
import { InvalidDepositTermsError } from './invalidDepositTerms.ts';

/** How a recurring deposit earns: its rate and its product's interest settings. */
export interface RecurringDepositRates {
  readonly rateAnnualPercent: DecimalInput;
  readonly startOn: BusinessDate | string;
  readonly compounding?: PeriodType;
  readonly posting?: PeriodType;
  readonly daysInYear?: SavingsDayCount;
  readonly financialYearStartMonth?: number;
  readonly currencyDigits?: number;
  readonly rounding?: RoundingMode;
}

/** A recurring deposit: one instalment a month from `startOn` for `tenureMonths`. */
export interface RecurringDepositTerms extends RecurringDepositRates {
  readonly instalment: DecimalInput;
  readonly tenureMonths: number;
}

/** The instalments as they were paid: each one's date and amount, late or not. */
export interface RecurringDepositPaid extends RecurringDepositRates {
  readonly paid: ReadonlyArray<SavingsTransaction>;
}

/** Closing a recurring deposit before maturity, with the product's penal rate. */
export interface RecurringDepositClosure extends RecurringDepositPaid {
  readonly closedOn: BusinessDate | string;
  readonly penaltyRatePercent: DecimalInput;
}

/** Deposits, interest and their sum, the figures of a closing. */
export interface RecurringDepositPayout {
  readonly deposits: Money;
  readonly interest: Money;
  readonly payout: Money;
}

const normal = (
  t: RecurringDepositRates, paid: ReadonlyArray<SavingsTransaction>, rate: DecimalInput,
  endOn: BusinessDate | string, field: string, endField = 'closedOn',
): NormalTerms => {
  const compounding = t.compounding ?? 'quarterly';
  try {
    return normalSavingsTerms({
      transactions: paid, rateAnnualPercent: rate, from: t.startOn, to: endOn,
      method: 'daily-balance', compounding, posting: t.posting ?? compounding,
      daysInYear: t.daysInYear ?? 365, postOn: 'period-end', currencyDigits: t.currencyDigits,
      rounding: t.rounding, financialYearStartMonth: t.financialYearStartMonth,
    });
  } catch (e) {
    // The engine names its own fields; here the payments are `field`, the end `endField`.
    if (!(e instanceof InvalidDepositTermsError)) throw e;
    const named = e.field.replace(/^transactions/, field).replace(/^to$/, endField);
    throw named === e.field ? e : new InvalidDepositTermsError(named, e.reason);
  }
};

// Interest on the balance as paid, day by day, from startOn through the day before `endOn`,
// each posting period rounded on its own (Fineract's calculateInterestPayable). A payment on
// `endOn` itself is in the balance but earns nothing.
const onBalance = (n: NormalTerms, endOn: BusinessDate | string, endField = 'closedOn'): {
  deposits: bigint; interest: bigint;
} => {
  const last = dayOf(endOn, endField) - 1;
  n.amounts.forEach((a, i) => {
    if (a <= 0n) throw new InvalidDepositTermsError(`paid[${i}].amount`, 'must be positive');
    if ((n.days[i] ?? 0) > last + 1) {
      throw new InvalidDepositTermsError(`paid[${i}].on`, `is after ${endField}`);
    }
  });
  const deposits = n.amounts.reduce((a, b) => a + b, 0n);
  return { deposits, interest: n.amounts.length === 0 || last < n.fromDay ? 0n
    : termDepositInterest(n, last) };
};

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
  const plan = Array.from({ length: n }, (_, k) => ({ on: addMonths(start, k),
    amount: t.instalment }));
  const terms = normal(t, plan, t.rateAnnualPercent, maturity, 'transactions');
  if ((terms.amounts[0] ?? 0n) <= 0n) {
    throw new InvalidDepositTermsError('instalment', 'must be positive');
  }
  const { deposits, interest } = onBalance(terms, maturity);
  return money(deposits + interest, terms.digits);
};

/**
 * Deposits and interest of a recurring deposit from the instalments actually paid, through
 * the day before `endOn` (its maturity), at the full rate: a late instalment earns from the
 * day it was paid, a missed one is not in the balance (Fineract's postMaturityInterest).
 */
export const recurringDepositOnPaid = (
  t: RecurringDepositPaid & { readonly endOn: BusinessDate | string },
): RecurringDepositPayout =>
  figures(normal(t, t.paid, t.rateAnnualPercent, t.endOn, 'paid', 'endOn'), t.endOn, 'endOn');

/**
 * A recurring deposit closed before maturity, as Fineract's calculatePreMatureAmount: interest
 * on the instalments actually paid (dates and amounts) through the day before `closedOn`, at
 * the rate less the penal rate (never below zero). Nothing else is charged for a missed or
 * late instalment: Fineract only counts them as overdue.
 * @example String(recurringDepositPrematureClosure({ paid: [{ on: '2024-05-15',
 *   amount: '2000' }, { on: '2024-06-01', amount: '2000' }], rateAnnualPercent: '7',
 *   penaltyRatePercent: '2', startOn: '2024-05-15', closedOn: '2024-06-15',
 *   compounding: 'monthly' }).payout) === '4012.34'
 */
export const recurringDepositPrematureClosure = (t: RecurringDepositClosure):
  RecurringDepositPayout => {
  const rate = penalisedRate(t.rateAnnualPercent, t.penaltyRatePercent);
  if (dayOf(t.closedOn, 'closedOn') < dayOf(t.startOn, 'startOn')) {
    throw new InvalidDepositTermsError('closedOn', 'is before startOn');
  }
  return figures(normal(t, t.paid, rate, t.closedOn, 'paid'), t.closedOn);
};

const figures = (
  n: NormalTerms, endOn: BusinessDate | string, endField = 'closedOn',
): RecurringDepositPayout => {
  const { deposits, interest } = onBalance(n, endOn, endField);
  return { deposits: money(deposits, n.digits), interest: money(interest, n.digits),
    payout: money(deposits + interest, n.digits) };
};
