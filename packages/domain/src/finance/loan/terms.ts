import * as E from 'fp-ts/lib/Either.js';
import { Decimal, decimalFrom, InvalidDecimalError } from '../../money/decimal.ts';
import { roundingModes, type RoundingMode } from '../../money/rounding.ts';
import { parseBusinessDate, type BusinessDate } from '../../dates/businessDate.ts';
import { InvalidTermsError } from './invalidTermsError.ts';
import type { LoanTerms, Terms } from './types.ts';

type Raw = Readonly<Record<string, unknown>>;

const oneOf = <T>(raw: Raw, field: string, allowed: ReadonlyArray<T>, fallback?: T): T => {
  const v = raw[field] === undefined ? fallback : raw[field];
  if (allowed.includes(v as T)) return v as T;
  const list = allowed.map((a) => JSON.stringify(a)).join(', ');
  throw new InvalidTermsError(field, `must be one of ${list}, got ${JSON.stringify(v)}`);
};

const count = (raw: Raw, field: string, o: { min: number; max: number; fallback?: number }) => {
  const v = raw[field] === undefined ? o.fallback : raw[field];
  if (typeof v !== 'number' || !Number.isInteger(v) || v < o.min || v > o.max) {
    throw new InvalidTermsError(field, `must be a whole number from ${o.min} to ${o.max}, ` +
      `got ${JSON.stringify(v)}`);
  }
  return v;
};

const decimal = (raw: Raw, field: string): Decimal => {
  try {
    return decimalFrom(raw[field], field);
  } catch (e) {
    if (e instanceof InvalidDecimalError) {
      throw new InvalidTermsError(field, `must be a plain decimal string such as "12.50", ` +
        `got ${JSON.stringify(raw[field]) ?? 'undefined'}`);
    }
    throw e;
  }
};

const amount = (raw: Raw, field: string, digits: number): Decimal => {
  const d = decimal(raw, field);
  if (d.lte(0)) throw new InvalidTermsError(field, `must be greater than zero, got ${d}`);
  if (d.decimalPlaces() > digits) {
    throw new InvalidTermsError(field, `has more than the currency's ${digits} decimals: ${d}`);
  }
  return d;
};

const date = (raw: Raw, field: string): BusinessDate => {
  const r = parseBusinessDate(raw[field]);
  if (E.isLeft(r)) throw new InvalidTermsError(field, r.left.message);
  return r.right;
};

const MAX_REPAYMENTS = 1200;

/** Checks loan terms and fills in defaults; throws InvalidTermsError naming the bad field. */
export const readTerms = (input: LoanTerms): Terms => {
  if (typeof input !== 'object' || input === null) {
    throw new InvalidTermsError('terms', `must be an object, got ${JSON.stringify(input)}`);
  }
  const raw = input as unknown as Raw;
  const digits = count(raw, 'currencyDigits', { min: 0, max: 8, fallback: 2 });
  const principal = amount(raw, 'principal', digits);
  const rateAnnual = decimal(raw, 'rateAnnualPercent');
  if (rateAnnual.lt(0)) {
    throw new InvalidTermsError('rateAnnualPercent', `must not be negative, got ${rateAnnual}`);
  }
  const interestMethod = oneOf(raw, 'interestMethod', ['declining-balance', 'flat'] as const);
  const amortization = oneOf(raw, 'amortization',
    ['equal-installments', 'equal-principal'] as const);
  const interestPeriod = oneOf(raw, 'interestPeriod', ['same-as-repayment', 'daily'] as const);
  const repayments = count(raw, 'repayments', { min: 1, max: MAX_REPAYMENTS });
  const every = count(raw, 'every', { min: 1, max: 366, fallback: 1 });
  const frequency = oneOf(raw, 'frequency', ['days', 'weeks', 'months'] as const);
  const disbursedOn = date(raw, 'disbursedOn');
  const firstRepaymentOn = raw['firstRepaymentOn'] === undefined
    ? null
    : date(raw, 'firstRepaymentOn');
  if (firstRepaymentOn !== null && firstRepaymentOn < disbursedOn) {
    throw new InvalidTermsError('firstRepaymentOn',
      `${firstRepaymentOn} is before the disbursement on ${disbursedOn}`);
  }
  const daysInYear = oneOf(raw, 'daysInYear', [360, 364, 365, 'actual'] as const);
  const daysInMonth = oneOf(raw, 'daysInMonth', [30, 'actual'] as const);
  const multiple = raw['installmentMultipleOf'] === undefined
    ? new Decimal(1).div(new Decimal(10).pow(digits))
    : amount(raw, 'installmentMultipleOf', digits);
  const rounding = oneOf<RoundingMode>(raw, 'rounding', roundingModes, 'half-even');
  const grace = (field: string) => count(raw, field, { min: 0, max: repayments - 1, fallback: 0 });
  const terms: Terms = {
    principal, rateAnnual, interestMethod, amortization, interestPeriod, repayments, every,
    frequency, disbursedOn, firstRepaymentOn, daysInYear, daysInMonth, digits, multiple, rounding,
    graceOnPrincipal: grace('graceOnPrincipal'),
    graceOnInterestPayment: grace('graceOnInterestPayment'),
    graceOnInterestCharged: grace('graceOnInterestCharged'),
    downPaymentPercent: downPaymentPercent(raw),
    continuation: null,
  };
  return checkGraceFitsFlat(terms);
};

// Fineract takes the percentage with at most 6 decimals; 100 would leave nothing to amortise.
const downPaymentPercent = (raw: Raw): Decimal => {
  if (raw['downPaymentPercent'] === undefined) return new Decimal(0);
  const d = decimal(raw, 'downPaymentPercent');
  if (d.lt(0) || d.gte(100) || d.decimalPlaces() > 6) {
    throw new InvalidTermsError('downPaymentPercent',
      `must be from 0 to below 100 with at most 6 decimals, got ${d}`);
  }
  return d;
};

// Flat equal installments spread the interest over the periods with neither kind of interest
// grace; Fineract divides by that count, so it must not be zero.
const checkGraceFitsFlat = (t: Terms): Terms => {
  const paying = t.repayments - t.graceOnInterestPayment - t.graceOnInterestCharged;
  if (t.interestMethod === 'flat' && t.amortization === 'equal-installments' && paying < 1) {
    throw new InvalidTermsError('graceOnInterestCharged',
      'with flat equal installments, the two interest graces together must leave at least ' +
      `one of the ${t.repayments} installments to carry interest`);
  }
  return t;
};
