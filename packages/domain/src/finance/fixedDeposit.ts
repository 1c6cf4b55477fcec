import type { BusinessDate } from '../dates/businessDate.ts';
import type { DecimalInput } from '../money/decimal.ts';
import { money, type Money } from '../money/money.ts';
import type { RoundingMode } from '../money/rounding.ts';
import { roundRatio } from '../money/roundRatio.ts';
import type { SavingsDayCount } from './depositInterest/dayWeights.ts';
import { minorUnits } from './depositInterest/parseExact.ts';
import { periodTypes, type PeriodType } from './depositInterest/periodType.ts';
import { dayOf, normalSavingsTerms, ratePercent } from './depositInterest/savingsTerms.ts';
import { termDepositInterest } from './depositInterest/termDepositInterest.ts';
import { depositTermOf, termEnd, type DepositTerm } from './depositTerm.ts';
import { InvalidDepositTermsError } from './invalidDepositTerms.ts';

/**
 * A fixed deposit: principal, rate, term, and how interest is compounded and posted.
 * The term is `term` (days, weeks, months or years) or, as older callers give it,
 * `tenureMonths`; compounding is `compounding` or `compoundingMonths` (1, 3, 6, 12).
 */
export interface FixedDepositTerms {
  readonly principal: DecimalInput;
  readonly rateAnnualPercent: DecimalInput;
  readonly term?: DepositTerm;
  readonly tenureMonths?: number;
  readonly compounding?: PeriodType;
  readonly compoundingMonths?: 1 | 3 | 6 | 12;
  /** When interest is rounded and credited; defaults to the compounding period. */
  readonly posting?: PeriodType;
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

const monthsOfPeriod: Readonly<Record<PeriodType, number>> = {
  daily: 0, monthly: 1, quarterly: 3, 'half-yearly': 6, yearly: 12,
};
const periodOfMonths: Readonly<Record<number, PeriodType>> = {
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

// One of two ways to say a thing: both at once is a mistake worth naming.
const notBoth = (a: unknown, b: unknown, fields: readonly [string, string]): void => {
  if (a !== undefined && b !== undefined) {
    throw new InvalidDepositTermsError(fields[1], `give ${fields[0]} or ${fields[1]}, not both`);
  }
};

const termOf = (t: FixedDepositTerms): DepositTerm => {
  notBoth(t.term, t.tenureMonths, ['term', 'tenureMonths']);
  if (t.term !== undefined) return depositTermOf(t.term, 'term');
  return { length: wholeMonths(t.tenureMonths, 'tenureMonths', 1), unit: 'months' };
};

const periodOf = (x: unknown, field: string): PeriodType => {
  const p = periodTypes.find((q) => q === x);
  if (p === undefined) {
    throw new InvalidDepositTermsError(field, `must be one of ${periodTypes.join(', ')}`);
  }
  return p;
};

const compoundingMonthsOf = (x: unknown): PeriodType => {
  const p = typeof x === 'number' ? periodOfMonths[x] : undefined;
  if (p === undefined) {
    throw new InvalidDepositTermsError('compoundingMonths', 'must be 1, 3, 6 or 12');
  }
  return p;
};

// Fineract's rule (SavingsAccount.validateInterestPostingAndCompoundingPeriodTypes): interest
// is compounded no less often than it is posted.
const compoundingOf = (t: FixedDepositTerms): { compounding: PeriodType; posting: PeriodType } => {
  notBoth(t.compounding, t.compoundingMonths, ['compounding', 'compoundingMonths']);
  const compounding = t.compounding !== undefined ? periodOf(t.compounding, 'compounding')
    : compoundingMonthsOf(t.compoundingMonths);
  const posting = t.posting === undefined ? compounding : periodOf(t.posting, 'posting');
  const longer = compounding !== 'daily' &&
    (posting === 'daily' || monthsOfPeriod[compounding] > monthsOfPeriod[posting]);
  if (longer) {
    throw new InvalidDepositTermsError('compounding', `${compounding} is longer than posting`);
  }
  return { compounding, posting };
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

type Checked = ReturnType<typeof check>;

// Fineract: interest from startOn through the day before `endOn` on the one deposit, each
// posting period rounded on its own (FixedDepositAccount.calculateInterestPayable).
const byCalendar = (
  t: FixedDepositTerms, c: Checked, rate: DecimalInput, endOn: BusinessDate,
): Money => {
  const startOn = t.startOn ?? '';
  const n = normalSavingsTerms({
    transactions: [{ on: startOn, amount: t.principal }], rateAnnualPercent: rate,
    from: startOn, to: endOn, method: 'daily-balance', compounding: c.compounding,
    posting: c.posting, daysInYear: t.daysInYear ?? 365, postOn: 'period-end',
    currencyDigits: t.currencyDigits, rounding: t.rounding,
    financialYearStartMonth: t.financialYearStartMonth,
  });
  const interest = endOn > startOn ? termDepositInterest(n, dayOf(endOn, 'endOn') - 1) : 0n;
  return money((n.amounts[0] ?? 0n) + interest, n.digits);
};

const check = (t: FixedDepositTerms) => {
  const digits = digitsOf(t.currencyDigits);
  const principal = minorUnits(t.principal, digits, 'principal');
  if (principal <= 0n) throw new InvalidDepositTermsError('principal', 'must be positive');
  const rate = ratePercent(t.rateAnnualPercent, 'rateAnnualPercent');
  const term = termOf(t);
  const { compounding, posting } = compoundingOf(t);
  if (t.startOn !== undefined) dayOf(t.startOn, 'startOn');
  return { digits, principal, rate, term, compounding, posting };
};

// The term formula knows whole months and monthly-or-longer compounding only; anything else
// is computed on the calendar, which needs the start date.
const formulaMonths = (c: Checked): number => {
  const months = c.term.unit === 'years' ? 12 * c.term.length : c.term.length;
  if (c.term.unit === 'days' || c.term.unit === 'weeks' || c.compounding === 'daily') {
    throw new InvalidDepositTermsError('startOn',
      'needed for a term in days or weeks, or daily compounding');
  }
  return months;
};

/**
 * Maturity amount (principal plus interest) of a fixed deposit. With `startOn`, Fineract's
 * computation on the calendar; without it, the compound-interest formula rounded once.
 * @example String(fixedDepositMaturity({ principal: '10000', rateAnnualPercent: '8',
 *   tenureMonths: 12, compoundingMonths: 3 })) === '10824.32'
 */
export const fixedDepositMaturity = (t: FixedDepositTerms): Money => {
  const c = check(t);
  if (t.startOn === undefined) {
    return byFormula(c.principal, c.rate, formulaMonths(c), monthsOfPeriod[c.compounding],
      c.digits, t.rounding ?? 'half-even');
  }
  return byCalendar(t, c, t.rateAnnualPercent, termEnd(t.startOn as BusinessDate, c.term));
};

/** The rate less the penal rate, never below zero, as an exact decimal string. */
export const penalisedRate = (rate: DecimalInput, penalty: DecimalInput): string => {
  const r = ratePercent(rate, 'rateAnnualPercent');
  const p = ratePercent(penalty, 'penaltyRatePercent');
  const scale = Math.max(r.scale, p.scale);
  const lift = (x: { units: bigint; scale: number }) => x.units * 10n ** BigInt(scale - x.scale);
  const net = lift(r) - lift(p);
  return formatRate({ units: net > 0n ? net : 0n, scale });
};

/**
 * Payout of a fixed deposit closed early: principal plus interest at the rate less the penal
 * rate (never below zero), for the time actually held (Fineract's pre-closure penal interest).
 */
export const fixedDepositPrematureClosure = (t: PrematureClosureTerms): Money => {
  const c = check(t);
  const applied = penalisedRate(t.rateAnnualPercent, t.penaltyRatePercent);
  if (t.startOn === undefined || t.closedOn === undefined) {
    if (t.closedOn !== undefined) {
      throw new InvalidDepositTermsError('startOn', 'needed with closedOn');
    }
    const tenure = formulaMonths(c);
    const held = wholeMonths(t.heldMonths, 'heldMonths', 0);
    if (held > tenure) throw new InvalidDepositTermsError('heldMonths', 'exceeds the term');
    return byFormula(c.principal, ratePercent(applied, 'penaltyRatePercent'), held,
      monthsOfPeriod[c.compounding], c.digits, t.rounding ?? 'half-even');
  }
  const start = dayOf(t.startOn, 'startOn');
  const closed = dayOf(t.closedOn, 'closedOn');
  const maturity = termEnd(t.startOn as BusinessDate, c.term);
  if (closed < start) throw new InvalidDepositTermsError('closedOn', 'is before startOn');
  if (closed > dayOf(maturity, 'maturity')) {
    throw new InvalidDepositTermsError('closedOn', 'is after the maturity date');
  }
  return byCalendar(t, c, applied, t.closedOn as BusinessDate);
};

const formatRate = (r: { units: bigint; scale: number }): string => {
  const s = r.units.toString().padStart(r.scale + 1, '0');
  return r.scale === 0 ? s : `${s.slice(0, -r.scale)}.${s.slice(-r.scale)}`;
};
