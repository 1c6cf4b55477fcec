import type { Decimal, DecimalInput } from '../../money/decimal.ts';
import type { Money } from '../../money/money.ts';
import type { RoundingMode } from '../../money/rounding.ts';
import type { BusinessDate } from '../../dates/businessDate.ts';

/** How interest is charged: on the balance still owed, or on the original principal. */
export type InterestMethod = 'declining-balance' | 'flat';
/** Equal total installments (EMI) or equal principal parts. */
export type Amortization = 'equal-installments' | 'equal-principal';
/** Fineract's "interest calculation period": the repayment period as a unit, or days. */
export type InterestPeriod = 'same-as-repayment' | 'daily';
/** The unit of the repayment frequency. */
export type Frequency = 'days' | 'weeks' | 'months';

/** What a loan schedule is made from; every setting means what it means in Apache Fineract. */
export interface LoanTerms {
  readonly principal: DecimalInput;
  readonly rateAnnualPercent: DecimalInput;
  readonly interestMethod: InterestMethod;
  readonly amortization: Amortization;
  readonly interestPeriod: InterestPeriod;
  readonly repayments: number;
  readonly every?: number;
  readonly frequency: Frequency;
  readonly disbursedOn: string;
  readonly firstRepaymentOn?: string;
  readonly daysInYear: 360 | 364 | 365 | 'actual';
  readonly daysInMonth: 30 | 'actual';
  readonly currencyDigits?: number;
  readonly installmentMultipleOf?: DecimalInput;
  readonly rounding?: RoundingMode;
  readonly graceOnPrincipal?: number;
  readonly graceOnInterestPayment?: number;
  readonly graceOnInterestCharged?: number;
  readonly scheduleType?: 'cumulative' | 'progressive';
  /** Share of the principal due on the disbursement date as instalment 1; 0 (default): none. */
  readonly downPaymentPercent?: DecimalInput;
}

/** One repayment: `balance` is the principal still outstanding after it. */
export interface Installment {
  readonly n: number;
  readonly dueOn: BusinessDate;
  readonly days: number;
  readonly principal: Money;
  readonly interest: Money;
  readonly total: Money;
  readonly balance: Money;
}

/** A repayment schedule and its totals. */
export interface LoanSchedule {
  readonly installments: ReadonlyArray<Installment>;
  readonly totalPrincipal: Money;
  readonly totalInterest: Money;
  readonly totalDue: Money;
}

/** Terms after validation: exact decimals, parsed dates, defaults filled in. */
export interface Terms {
  readonly principal: Decimal;
  readonly rateAnnual: Decimal;
  readonly interestMethod: InterestMethod;
  readonly amortization: Amortization;
  readonly interestPeriod: InterestPeriod;
  readonly repayments: number;
  readonly every: number;
  readonly frequency: Frequency;
  readonly disbursedOn: BusinessDate;
  readonly firstRepaymentOn: BusinessDate | null;
  readonly daysInYear: 360 | 364 | 365 | 'actual';
  readonly daysInMonth: 30 | 'actual';
  readonly digits: number;
  readonly multiple: Decimal;
  readonly rounding: RoundingMode;
  readonly graceOnPrincipal: number;
  readonly graceOnInterestPayment: number;
  readonly graceOnInterestCharged: number;
  /** The down payment's share of the principal, in percent; zero for none. */
  readonly downPaymentPercent: Decimal;
  /** Set when these terms schedule the rest of a loan from one of its due dates. */
  readonly continuation: Continuation | null;
}

/**
 * The rest of a loan scheduled anew from one of its due dates (a reschedule): its due dates
 * keep the loan's day of month, and a period after the loan's first charges interest from its
 * own start, as in the loan's one schedule, not from an "ideal disbursement date".
 */
export interface Continuation {
  /** The date whose day of month the loan's due dates keep (see adjustToSeed). */
  readonly seedOn: BusinessDate;
  /** Whether the first period here is a later period of the loan, not its first. */
  readonly afterFirstPeriod: boolean;
}

/** An installment while the schedule is built: amounts are Decimals at the currency's scale. */
export interface Row {
  readonly n: number;
  readonly dueOn: BusinessDate;
  readonly days: number;
  readonly principal: Decimal;
  readonly interest: Decimal;
  readonly balance: Decimal;
}
