import * as E from 'fp-ts/lib/Either.js';
import { Decimal } from './decimal.ts';

/**
 * An exact amount in integer minor units (paise for INR). `String(m)` prints a plain decimal
 * with the currency's digits ("1234.50"), and so does `JSON.stringify`.
 */
export interface Money {
  readonly minor: bigint;
  readonly digits: number;
}

/** Minor-unit digits per currency code; a ledger's scale cannot change later. */
export const currencyDigits = { INR: 2 } as const;

/** The largest amount accepted: 10^15 rupees-equivalent, far beyond any co-operative book. */
export const MAX_MINOR_ABS = 10n ** 17n;

// A constructor function rather than Object.create + assign: amounts are made on every hot path
// (postings, projections), and V8 builds these with one hidden class, three times faster. It
// is still plain data with a shared toString/toJSON; the house rule against classes is about
// behaviour-carrying objects, and this only prints itself. Not frozen: the fields are readonly
// to every TypeScript caller and no code of ours writes them, while Object.freeze cost 18% of
// a savings interest posting run (docs/benchmarks.md).
interface MoneyValue extends Money {}
const MoneyValue = function (
  this: { minor: bigint; digits: number }, minor: bigint, digits: number,
) {
  this.minor = minor;
  this.digits = digits;
} as unknown as new (minor: bigint, digits: number) => MoneyValue;
Object.defineProperties(MoneyValue.prototype, {
  toString: { value(this: Money): string { return formatMoney(this); } },
  toJSON: { value(this: Money): string { return formatMoney(this); } },
});

/** Makes a Money from minor units. @example String(money(123450n)) === '1234.50' */
export const money = (minor: bigint, digits = 2): Money => {
  if (digits !== 2 && (!Number.isInteger(digits) || digits < 0 || digits > 8)) {
    throw new RangeError(`currency digits must be 0..8, got ${digits}`);
  }
  return new MoneyValue(minor, digits);
};

/** Zero in a currency of `digits` minor digits. */
export const zero = (digits = 2): Money => money(0n, digits);

/** Prints a plain decimal string with exactly `digits` decimals. */
export const formatMoney = (m: Money): string => {
  const negative = m.minor < 0n;
  const abs = (negative ? -m.minor : m.minor).toString().padStart(m.digits + 1, '0');
  const whole = abs.slice(0, abs.length - m.digits);
  const frac = abs.slice(abs.length - m.digits);
  return `${negative ? '-' : ''}${whole}${m.digits > 0 ? `.${frac}` : ''}`;
};

const sameScale = (a: Money, b: Money): void => {
  if (a.digits !== b.digits) {
    throw new RangeError(`cannot mix amounts of ${a.digits} and ${b.digits} digits`);
  }
};

/** a + b */
export const add = (a: Money, b: Money): Money => (
  sameScale(a, b), money(a.minor + b.minor, a.digits)
);
/** a - b */
export const subtract = (a: Money, b: Money): Money => (
  sameScale(a, b), money(a.minor - b.minor, a.digits)
);
/** -a */
export const negate = (a: Money): Money => money(-a.minor, a.digits);
/** The absolute amount. */
export const abs = (a: Money): Money => (a.minor < 0n ? negate(a) : a);
/** -1, 0 or 1 as a is less than, equal to or greater than b. */
export const compare = (a: Money, b: Money): -1 | 0 | 1 => (
  sameScale(a, b), a.minor < b.minor ? -1 : a.minor > b.minor ? 1 : 0
);
/** The smaller of two amounts. */
export const min = (a: Money, b: Money): Money => (compare(a, b) <= 0 ? a : b);
/** The larger of two amounts. */
export const max = (a: Money, b: Money): Money => (compare(a, b) >= 0 ? a : b);
/** a == 0 */
export const isZero = (a: Money): boolean => a.minor === 0n;
/** a < 0 */
export const isNegative = (a: Money): boolean => a.minor < 0n;
/** a > 0 */
export const isPositive = (a: Money): boolean => a.minor > 0n;
/** Exact sum of a list; never loses a paisa. */
export const sum = (list: ReadonlyArray<Money>, digits = 2): Money =>
  list.reduce((acc, m) => add(acc, m), zero(digits));
/** The exact Decimal value of an amount (for rates and proration, never stored). */
export const moneyToDecimal = (m: Money): Decimal => new Decimal(formatMoney(m));

/** Why a string is not an amount. */
export type MoneyParseError =
  | { readonly type: 'empty'; readonly input: string; readonly message: string }
  | { readonly type: 'not_a_number'; readonly input: string; readonly message: string }
  | { readonly type: 'exponent_notation'; readonly input: string; readonly message: string }
  | { readonly type: 'not_finite'; readonly input: string; readonly message: string }
  | { readonly type: 'too_many_decimals'; readonly input: string; readonly message: string }
  | { readonly type: 'out_of_range'; readonly input: string; readonly message: string };

const fail = (tag: MoneyParseError['type'], input: string, message: string) =>
  E.left({ type: tag, input, message } as MoneyParseError);

const shape = /^(-?)(\d+)(?:\.(\d+))?$/;
const maxMinorDigits = MAX_MINOR_ABS.toString().length;
// An amount as a message shows it: quoted, and cut after 40 characters.
const shown = (s: string): string => s.length <= 40 ? JSON.stringify(s)
  : `${JSON.stringify(s.slice(0, 40))}... (${s.length} characters)`;

/**
 * Parses a plain decimal string into Money, refusing anything ambiguous.
 * @example parseMoney('1234.5', 2) // right(Money 1234.50)
 */
export const parseMoney = (input: string, digits = 2): E.Either<MoneyParseError, Money> => {
  if (typeof input !== 'string' || input.trim() === '') {
    return fail('empty', String(input), 'an amount cannot be empty');
  }
  const s = input.trim();
  if (/^[-+]?(nan|infinity|inf)$/i.test(s)) {
    return fail('not_finite', input, `${shown(input)} is not a finite amount`);
  }
  // Digits split one way only (`\d+\.?\d*` could split a run of them n ways: quadratic).
  if (/^[-+]?(\d+(\.\d*)?|\.\d+)e[-+]?\d+$/i.test(s)) {
    return fail('exponent_notation', input, `${shown(input)} uses exponent notation`);
  }
  const m = shape.exec(s);
  if (!m) return fail('not_a_number', input, `${shown(input)} is not a decimal amount`);
  const [, sign = '', whole = '0', frac = ''] = m;
  if (frac.length > digits) {
    return fail(
      'too_many_decimals',
      input,
      `${shown(input)} has ${frac.length} decimals; the currency has ${digits}`,
    );
  }
  // Counted before BigInt reads it: a conversion of n digits takes time growing as n squared,
  // so a million digits took minutes; no amount within range has more digits than the largest.
  const minorDigits = whole.replace(/^0+/, '') + frac.padEnd(digits, '0');
  const minorAbs = minorDigits.length > maxMinorDigits ? undefined
    : BigInt(minorDigits === '' ? '0' : minorDigits);
  if (minorAbs === undefined || minorAbs > MAX_MINOR_ABS) {
    return fail('out_of_range', input, `${shown(input)} is beyond the largest amount`);
  }
  return E.right(money(sign === '-' ? -minorAbs : minorAbs, digits));
};

/** A parse failure thrown where the caller gave a literal it vouches for. */
export class MoneyParseFailure extends Error {
  override readonly name = 'MoneyParseFailure';
  constructor(
    readonly field: string,
    readonly error: MoneyParseError,
  ) {
    super(`${field}: ${error.message}`);
  }
}

/** Parses an amount or throws a MoneyParseFailure naming the field. */
export const moneyFrom = (input: string, digits = 2, field = 'amount'): Money => {
  const r = parseMoney(input, digits);
  if (E.isLeft(r)) throw new MoneyParseFailure(field, r.left);
  return r.right;
};
