import * as E from 'fp-ts/lib/Either.js';
import { parseBusinessDate } from '../../dates/businessDate.ts';
import { InvalidDepositTermsError } from '../invalidDepositTerms.ts';
import { epochDayOf } from '../../dates/civil.ts';
import { epochDayOfText } from '../../dates/epochDayText.ts';
import { exactDecimal } from './parseExact.ts';

/** Epoch day of a business date; throws naming the field. */
export const dayOf = (x: unknown, field: string): number => {
  const fast = typeof x === 'string' ? epochDayOfText(x) : undefined;
  if (fast !== undefined) return fast;
  const r = parseBusinessDate(x);
  if (E.isLeft(r)) throw new InvalidDepositTermsError(field, r.left.message);
  const s = r.right;
  return epochDayOf(Number(s.slice(0, 4)), Number(s.slice(5, 7)), Number(s.slice(8, 10)));
};

/** x if it is one of `allowed`; throws naming the field. */
export const oneOf = <T>(x: unknown, allowed: ReadonlyArray<T>, field: string): T => {
  if (!allowed.includes(x as T)) {
    throw new InvalidDepositTermsError(field, `must be one of ${allowed.join(', ')}`);
  }
  return x as T;
};

/** A rate in percent as rateUnits / (10^scale * 100); refuses a negative rate. */
export const ratePercent = (x: unknown, field: string): { units: bigint; scale: number } => {
  const r = exactDecimal(x, field);
  if (r.units < 0n) throw new InvalidDepositTermsError(field, 'must not be negative');
  return r;
};

/** An optional integer from lo to hi, `fallback` when absent; throws naming the field. */
export const integerIn = (
  x: unknown, lo: number, hi: number, field: string, fallback: number,
): number => {
  if (x === undefined) return fallback;
  if (typeof x !== 'number' || !Number.isInteger(x) || x < lo || x > hi) {
    throw new InvalidDepositTermsError(field, `must be an integer from ${lo} to ${hi}`);
  }
  return x;
};
