import * as t from 'io-ts';
import * as E from 'fp-ts/lib/Either.js';
import { formatMoney, money, parseMoney } from '../money/money.ts';
import { MAX_COMMAND_COUNT } from '../money/limits.ts';
import { isBusinessDate, parseBusinessDate, type BusinessDate } from '../dates/businessDate.ts';

/** Minor-unit digits of every amount in an event: INR has 2 (paise). */
export const CURRENCY_DIGITS = 2;

export interface MoneyStringBrand { readonly MoneyString: unique symbol }
/** An amount as written in an event: canonical, 2 decimals ("1234.50"), never negative. */
export type MoneyString = t.Branded<string, MoneyStringBrand>;
export interface SignedMoneyStringBrand { readonly SignedMoneyString: unique symbol }
/** A canonical amount that may be negative (a net loss). */
export type SignedMoneyString = t.Branded<string, SignedMoneyStringBrand>;

const canonicalMinor = (s: string): bigint | undefined => {
  const r = parseMoney(s, CURRENCY_DIGITS);
  return E.isRight(r) && formatMoney(r.right) === s ? r.right.minor : undefined;
};
// The canonical form of an amount of at most 15 whole digits (under 10^17 minor units, so
// within MAX_MINOR_ABS): recognised by its shape alone, without parsing it. Every amount in
// every event stored or read is checked, so this is the usual path; others are parsed.
const canonicalShort = new RegExp(`^(?:0|[1-9]\\d{0,14})\\.\\d{${CURRENCY_DIGITS}}$`);
const canonicalZero = formatMoney(money(0n, CURRENCY_DIGITS));
const isMoneyString = (u: unknown): u is MoneyString =>
  typeof u === 'string' && (canonicalShort.test(u) || (canonicalMinor(u) ?? -1n) >= 0n);
const isSignedMoneyString = (u: unknown): u is SignedMoneyString =>
  typeof u === 'string' && canonicalMinor(u) !== undefined;

type Sign = 'non-negative' | 'positive' | 'signed';
const signOk = (minor: bigint, sign: Sign): boolean =>
  sign === 'signed' || minor > 0n || (sign === 'non-negative' && minor === 0n);

// Reads an amount; `strict` (events) wants the canonical form, otherwise (commands) any plain
// decimal with at most 2 decimals is accepted and written back canonically ("500" -> "500.00").
const readAmount = (
  u: unknown, opts: { strict: boolean; sign: Sign },
): E.Either<string, string> => {
  if (typeof u !== 'string') return E.left('expected a decimal string such as "12.50"');
  // parseMoney forgives spaces; an amount at the edge does not: " 5" is a typing slip.
  if (u.trim() !== u) return E.left('an amount has no spaces around it');
  const r = parseMoney(u, CURRENCY_DIGITS);
  if (E.isLeft(r)) return E.left(r.left.message);
  const s = formatMoney(r.right);
  if (opts.strict && s !== u) return E.left(`${JSON.stringify(u)} must be written as "${s}"`);
  if (!signOk(r.right.minor, opts.sign)) {
    return E.left(`${JSON.stringify(u)} must be ${opts.sign}`);
  }
  return E.right(s);
};

const moneyCodec = <A extends string>(
  name: string, is: (u: unknown) => u is A, opts: { strict: boolean; sign: Sign },
): t.Type<A, string, unknown> =>
  new t.Type<A, string, unknown>(name, is, (u, c) => {
    const r = readAmount(u, opts);
    if (E.isLeft(r)) return t.failure(u, c, r.left);
    return is(r.right) ? t.success(r.right) : t.failure(u, c, `${name}: out of range`);
  }, t.identity);

/** An amount in an event: canonical "1234.50", zero or more. */
export const MoneyString = moneyCodec<MoneyString>('MoneyString', isMoneyString,
  { strict: true, sign: 'non-negative' });
/** An amount in an event that may be negative (net profit of a loss-making year). */
export const SignedMoneyString = moneyCodec<SignedMoneyString>('SignedMoneyString',
  isSignedMoneyString, { strict: true, sign: 'signed' });
/** An amount in a command: "500", "500.5" or "500.50"; decodes to canonical "500.50". */
export const MoneyInput = moneyCodec<MoneyString>('MoneyInput', isMoneyString,
  { strict: false, sign: 'non-negative' });
/** An amount in a command that must be more than zero. */
export const PositiveMoneyInput = moneyCodec<MoneyString>('PositiveMoneyInput',
  // Zero has one canonical form; every other canonical amount is more than zero.
  (u): u is MoneyString => isMoneyString(u) && u !== canonicalZero,
  { strict: false, sign: 'positive' });
/** A signed amount in a command (net profit). */
export const SignedMoneyInput = moneyCodec<SignedMoneyString>('SignedMoneyInput',
  isSignedMoneyString, { strict: false, sign: 'signed' });

/** Minor units of an amount decoded by one of the codecs above. */
export const minorOf = (s: MoneyString | SignedMoneyString): bigint => {
  const m = canonicalMinor(s);
  // Unreachable for a decoded value: the brand is only given to canonical strings.
  if (m === undefined) throw new RangeError(`not a canonical amount: ${s}`);
  return m;
};
/** The event form of a non-negative amount in minor units. */
export const moneyString = (minor: bigint): MoneyString => {
  const s = formatMoney(money(minor, CURRENCY_DIGITS));
  if (!isMoneyString(s)) throw new RangeError(`a negative amount where none can be: ${s}`);
  return s;
};
/** The event form of a signed amount in minor units. */
export const signedMoneyString = (minor: bigint): SignedMoneyString => {
  const s = formatMoney(money(minor, CURRENCY_DIGITS));
  if (!isSignedMoneyString(s)) throw new RangeError(`not an amount: ${s}`);
  return s;
};

/** A business date 'YYYY-MM-DD' that exists on the calendar (2023-02-30 does not). */
export const DateString = new t.Type<BusinessDate, string, unknown>(
  'DateString',
  isBusinessDate,
  (u, c) => {
    if (typeof u !== 'string') return t.failure(u, c, 'expected a date string YYYY-MM-DD');
    const r = parseBusinessDate(u);
    return E.isRight(r) ? t.success(r.right) : t.failure(u, c, r.left.message);
  },
  t.identity,
);

const rateShape = /^\d{1,3}(\.\d{1,6})?$/;
/** An annual or one-off rate in percent, "12" or "12.5": 0 to 100, at most 6 decimals. */
export const RatePercent = new t.Type<string, string, unknown>(
  'RatePercent',
  (u): u is string => typeof u === 'string' && rateShape.test(u) && Number(u) <= 100,
  (u, c) => typeof u === 'string' && rateShape.test(u) && Number(u) <= 100
    ? t.success(u)
    : t.failure(u, c, 'expected a percent between "0" and "100" with at most 6 decimals'),
  t.identity,
);

/** A whole number within bounds (a count of shares, instalments, months: never an amount). */
export const intBetween = (name: string, min: number, max: number): t.Type<number, number> =>
  new t.Type<number, number, unknown>(
    name,
    (u): u is number => Number.isSafeInteger(u) && Number(u) >= min && Number(u) <= max,
    (u, c) => typeof u === 'number' && Number.isSafeInteger(u) && u >= min && u <= max
      ? t.success(u)
      : t.failure(u, c, `expected a whole number from ${min} to ${max}`),
    t.identity,
  );

/** A count in a command: 1 to MAX_COMMAND_COUNT (events keep the wider PositiveCount). */
export const PositiveCountInput = intBetween('PositiveCountInput', 1, MAX_COMMAND_COUNT);

/** A count that may be zero. */
export const Count = intBetween('Count', 0, 1_000_000_000);
/** A count of at least one. */
export const PositiveCount = intBetween('PositiveCount', 1, 1_000_000_000);
/** A schema version, 1 and up. */
export const SchemaVersion = intBetween('SchemaVersion', 1, 1000);

const fyShape = /^(\d{4})-(\d{2})$/;
/** Whether a label names an April-to-March year, '2024-25'. */
const isFinancialYearLabel = (u: unknown): u is string => {
  const m = typeof u === 'string' ? fyShape.exec(u) : null;
  return m !== null && (Number(m[1]) + 1) % 100 === Number(m[2]) && Number(m[1]) >= 1899;
};
/**
 * A financial year label, '2024-25' (1 April 2024 to 31 March 2025), from 1899-00, the year of
 * the first days a date can name (1 January to 31 March 1900).
 */
export const FinancialYearLabel = new t.Type<string, string, unknown>(
  'FinancialYearLabel',
  isFinancialYearLabel,
  (u, c) => isFinancialYearLabel(u) ? t.success(u)
    : t.failure(u, c, 'expected a financial year such as "2024-25"'),
  t.identity,
);

/** A codec for one of a fixed list of string codes. */
export const oneOf = <const A extends readonly [string, string, ...string[]]>(
  name: string, values: A,
): t.Type<A[number], A[number], unknown> =>
  new t.Type<A[number], A[number], unknown>(
    name,
    (u): u is A[number] => typeof u === 'string' && values.includes(u),
    (u, c) => typeof u === 'string' && values.includes(u) ? t.success(u)
      : t.failure(u, c, `expected one of ${values.map((v) => JSON.stringify(v)).join(', ')}`),
    t.identity,
  );
