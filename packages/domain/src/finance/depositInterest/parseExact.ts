import { Decimal, decimalFrom } from '../../money/decimal.ts';
import { InvalidDepositTermsError } from '../invalidDepositTerms.ts';

const plain = /^(-?)(\d+)(?:\.(\d+))?$/;

/** A decimal as an exact fraction digits / 10^scale; throws naming the field. */
export const exactDecimal = (x: unknown, field: string): { units: bigint; scale: number } => {
  let s: string;
  if (typeof x === 'string') s = x.trim();
  else {
    try {
      s = decimalFrom(x, field).toFixed();
    } catch {
      throw new InvalidDepositTermsError(field, 'expected a decimal string or a Decimal');
    }
  }
  const m = plain.exec(s);
  if (!m) throw new InvalidDepositTermsError(field, `${JSON.stringify(x)} is not a plain decimal`);
  const frac = m[3] ?? '';
  const units = BigInt((m[2] ?? '0') + frac);
  return { units: m[1] === '-' ? -units : units, scale: frac.length };
};

/** An amount in integer minor units; refuses more decimals than the currency has. */
export const minorUnits = (x: unknown, digits: number, field: string): bigint => {
  const { units, scale } = exactDecimal(x, field);
  if (scale > digits) {
    const trimmed = units % 10n ** BigInt(scale - digits);
    if (trimmed !== 0n) {
      throw new InvalidDepositTermsError(field, `has more than ${digits} decimals`);
    }
    return units / 10n ** BigInt(scale - digits);
  }
  return units * 10n ** BigInt(digits - scale);
};

/** A rate or amount as a Decimal, for results that leave the exact core. */
export const toDecimal = (num: bigint, den: bigint): Decimal =>
  new Decimal(num.toString()).dividedBy(new Decimal(den.toString()));

const tens = Array.from({ length: 9 }, (_, k) => 10n ** BigInt(k));

// Length of the plain decimal /^-?\d+(\.\d+)?$/ grammar's fraction in `s`, or -1 when `s` is
// not in that grammar (so it goes to the checked path and its error).
const fractionDigits = (s: string): number => {
  let i = s.charCodeAt(0) === 45 ? 1 : 0;
  const intStart = i;
  let dot = -1;
  for (; i < s.length; i += 1) {
    const c = s.charCodeAt(i);
    if (c === 46 && dot < 0) dot = i;
    else if (c < 48 || c > 57) return -1;
  }
  if (dot === intStart || dot === s.length - 1 || s.length === intStart) return -1;
  return dot < 0 ? 0 : s.length - dot - 1;
};

/**
 * A plain decimal string of at most `digits` decimals in minor units, read by char codes (the
 * hot path for transaction amounts); undefined for anything else, which minorUnits then reads
 * or refuses.
 */
export const plainMinorUnits = (x: unknown, digits: number): bigint | undefined => {
  if (typeof x !== 'string') return undefined;
  const scale = fractionDigits(x);
  if (scale < 0 || scale > digits) return undefined;
  if (scale === 0) return BigInt(x) * (tens[digits] ?? 1n);
  const dot = x.length - scale - 1;
  const units = BigInt(x.slice(0, dot) + x.slice(dot + 1));
  return scale === digits ? units : units * (tens[digits - scale] ?? 1n);
};
