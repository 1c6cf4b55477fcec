import { addMonths, type BusinessDate } from '../dates/businessDate.ts';
import type { DecimalInput } from '../money/decimal.ts';
import { money, type Money } from '../money/money.ts';
import type { RoundingMode } from '../money/rounding.ts';
import { minorUnits } from './depositInterest/parseExact.ts';
import type { PeriodType } from './depositInterest/periodType.ts';
import { roundRatio } from '../money/roundRatio.ts';
import { dayOf, normalSavingsTerms, ratePercent } from './depositInterest/savingsTerms.ts';
import { termDepositInterest } from './depositInterest/termDepositInterest.ts';
import { InvalidDepositTermsError } from './invalidDepositTerms.ts';
import type { SavingsDayCount } from './depositInterest/dayWeights.ts';

/** A fixed deposit: principal, rate, term in months and months per compounding period. */
export interface FixedDepositTerms {
  readonly principal: DecimalInput;
  readonly rateAnnualPercent: DecimalInput;
  readonly tenureMonths: number;
  readonly compoundingMonths: 1 | 3 | 6 | 12;
  /** Given: Fineract's calendar computation from this date; absent: the term formula. */
  readonly startOn?: BusinessDate | string;
  readonly daysInYear?: SavingsDayCount;
  readonly financialYearStartMonth?: number;
  readonly currencyDigits?: number;
  readonly rounding?: RoundingMode;
}

/** Premature closure: on a date (with startOn) or after whole months held; a penal rate. */
export interface PrematureClosureTerms extends FixedDepositTerms {
  readonly closedOn?: BusinessDate | string;
  readonly heldMonths?: number;
  readonly penaltyRatePercent: DecimalInput;
}

const periodOf: Record<number, PeriodType> = {
  1: 'monthly', 3: 'quarterly', 6: 'half-yearly', 12: 'yearly',
};

const wholeMonths = (x: unknown, field: string, min: number): number => {
  if (typeof x !== 'number' || !Number.isInteger(x) || x < min || x > 1200) {
    throw new InvalidDepositTermsError(field, `must be a whole number of months from ${min}`);
  }
  return x;
};

const digitsOf = (x: unknown): number => {
  if (x === undefined) return 2;
  if (typeof x !== 'number' || !Number.isInteger(x) || x < 0 || x > 8) {
    throw new InvalidDepositTermsError('currencyDigits', 'must be an integer from 0 to 8');
  }
  return x;
};

// P (1 + r c / 1200)^(months div c) (1 + r (months mod c) / 1200), rounded once.
const byFormula = (
  p: bigint, rate: { units: bigint; scale: number }, months: number, c: number,
  digits: number, rounding: RoundingMode,
): Money => {
  const den = 10n ** BigInt(rate.scale) * 1200n;
  const whole = BigInt(Math.floor(months / c));
  const rest = BigInt(months % c);
  const num = p * (den + rate.units * BigInt(c)) ** whole * (den + rate.units * rest);
  return money(roundRatio(num, den ** (whole + 1n), rounding), digits);
};

// Fineract: interest from startOn through the day before `endOn` on the one deposit.
const byCalendar = (t: FixedDepositTerms, rate: DecimalInput, endOn: BusinessDate): Money => {
  const startOn = t.startOn ?? '';
  const n = normalSavingsTerms({
    transactions: [{ on: startOn, amount: t.principal }], rateAnnualPercent: rate,
    from: startOn, to: endOn, method: 'daily-balance',
    compounding: periodOf[t.compoundingMonths] ?? 'quarterly',
    posting: periodOf[t.compoundingMonths] ?? 'quarterly',
    daysInYear: t.daysInYear ?? 365, postOn: 'period-end', currencyDigits: t.currencyDigits,
    rounding: t.rounding, financialYearStartMonth: t.financialYearStartMonth,
  });
  const interest = endOn > startOn ? termDepositInterest(n, dayOf(endOn, 'endOn') - 1) : 0n;
  return money((n.amounts[0] ?? 0n) + interest, n.digits);
};

const check = (t: FixedDepositTerms) => {
  const digits = digitsOf(t.currencyDigits);
  const principal = minorUnits(t.principal, digits, 'principal');
  if (principal <= 0n) throw new InvalidDepositTermsError('principal', 'must be positive');
  const rate = ratePercent(t.rateAnnualPercent, 'rateAnnualPercent');
  const tenure = wholeMonths(t.tenureMonths, 'tenureMonths', 1);
  if (periodOf[t.compoundingMonths] === undefined) {
    throw new InvalidDepositTermsError('compoundingMonths', 'must be 1, 3, 6 or 12');
  }
  if (t.startOn !== undefined) dayOf(t.startOn, 'startOn');
  return { digits, principal, rate, tenure };
};

/**
 * Maturity amount (principal plus interest) of a fixed deposit.
 * @example String(fixedDepositMaturity({ principal: '10000', rateAnnualPercent: '8',
 *   tenureMonths: 12, compoundingMonths: 3 })) === '10824.32'
 */
export const fixedDepositMaturity = (t: FixedDepositTerms): Money => {
  const { digits, principal, rate, tenure } = check(t);
  if (t.startOn === undefined) {
    return byFormula(principal, rate, tenure, t.compoundingMonths, digits,
      t.rounding ?? 'half-even');
  }
  return byCalendar(t, t.rateAnnualPercent, addMonths(t.startOn as BusinessDate, tenure));
};

/**
 * Payout of a fixed deposit closed early: principal plus interest at the rate less the penal
 * rate (never below zero), for the time actually held (Fineract's pre-closure penal interest).
 */
export const fixedDepositPrematureClosure = (t: PrematureClosureTerms): Money => {
  const { digits, principal, rate, tenure } = check(t);
  const penalty = ratePercent(t.penaltyRatePercent, 'penaltyRatePercent');
  const scale = Math.max(rate.scale, penalty.scale);
  const lift = (r: { units: bigint; scale: number }) => r.units * 10n ** BigInt(scale - r.scale);
  const net = lift(rate) - lift(penalty);
  const applied = { units: net > 0n ? net : 0n, scale };
  const appliedText = formatRate(applied);
  if (t.startOn === undefined || t.closedOn === undefined) {
    if (t.closedOn !== undefined) {
      throw new InvalidDepositTermsError('startOn', 'needed with closedOn');
    }
    const held = wholeMonths(t.heldMonths, 'heldMonths', 0);
    if (held > tenure) throw new InvalidDepositTermsError('heldMonths', 'exceeds tenureMonths');
    return byFormula(principal, applied, held, t.compoundingMonths, digits,
      t.rounding ?? 'half-even');
  }
  const start = dayOf(t.startOn, 'startOn');
  const closed = dayOf(t.closedOn, 'closedOn');
  const maturity = addMonths(t.startOn as BusinessDate, tenure);
  if (closed < start) throw new InvalidDepositTermsError('closedOn', 'is before startOn');
  if (closed > dayOf(maturity, 'maturity')) {
    throw new InvalidDepositTermsError('closedOn', 'is after the maturity date');
  }
  return byCalendar(t, appliedText, t.closedOn as BusinessDate);
};

const formatRate = (r: { units: bigint; scale: number }): string => {
  const s = r.units.toString().padStart(r.scale + 1, '0');
  return r.scale === 0 ? s : `${s.slice(0, -r.scale)}.${s.slice(-r.scale)}`;
};
