import { roundHalfEven } from '../../money/roundRatio.ts';

// Bounded-size arithmetic for compounding. Interest inside a compounding period is exact (an
// integer numerator over the rate's denominator Q); compounded interest is kept as an integer
// number of 10^-24 minor units, rounded half-even where it compounds, so that numbers stay the
// same size over 20 years instead of growing one power of Q per period. Growth factors over
// runs of whole periods are binary fixed point with 192 fraction bits: their error (about
// 2^-180 relative after 3600 products) is far below the 10^-24 rounding that follows.

/** Compounded interest is an integer number of these parts of a minor unit. */
export const COMPOUNDED_PARTS_PER_MINOR = 10n ** 24n;

const HALF_PARTS = COMPOUNDED_PARTS_PER_MINOR / 2n;
const FIVES = 5n ** 24n; // COMPOUNDED_PARTS_PER_MINOR = 2^24 * 5^24; 5^24 < 2^56

/**
 * num / (q * COMPOUNDED_PARTS_PER_MINOR) rounded half-even (q > 0, q * parts = den): dividing
 * by q, 2^24 and 5^24 in turn, as BigInt division by a machine word is several times faster
 * than by the 95-bit product. Exact: floor(floor(floor(n / a) / b) / c) = floor(n / abc).
 */
export const roundPartsHalfEven = (num: bigint, q: bigint, den: bigint): bigint => {
  if (num < 0n) return roundHalfEven(num, den);
  const inParts = num / q;
  let whole = (inParts >> 24n) / FIVES;
  const rest = inParts - whole * COMPOUNDED_PARTS_PER_MINOR; // 0 <= rest < parts
  if (rest > HALF_PARTS) whole += 1n;
  else if (rest === HALF_PARTS && ((whole & 1n) !== 0n || num % q !== 0n)) whole += 1n;
  return whole;
};

/** Fraction bits of a growth factor. */
export const FACTOR_BITS = 192n;

/** The growth factor 1. */
export const FACTOR_ONE = 1n << FACTOR_BITS;

const FACTOR_HALF = FACTOR_ONE >> 1n;
const FRACTION_MASK = FACTOR_ONE - 1n;

/** x * factor rounded half-even to an integer. */
export const applyFactor = (x: bigint, factor: bigint): bigint => {
  if (x < 0n) return -applyFactor(-x, factor);
  const p = x * factor;
  // A mask, not p - (q << FACTOR_BITS): one BigInt the fewer on the closed-form path.
  const r = p & FRACTION_MASK;
  const q = p >> FACTOR_BITS;
  return r > FACTOR_HALF || (r === FACTOR_HALF && (q & 1n) !== 0n) ? q + 1n : q;
};

/** num / den as a growth factor, rounded to nearest. */
export const factorOf = (num: bigint, den: bigint): bigint =>
  ((num << FACTOR_BITS) + den / 2n) / den;

/** a * b of two growth factors, rounded to nearest. */
export const factorTimes = (a: bigint, b: bigint): bigint =>
  (a * b + FACTOR_HALF) >> FACTOR_BITS;

/** factor^n by repeated squaring (n >= 0). */
export const factorPower = (factor: bigint, n: number): bigint => {
  let result = FACTOR_ONE;
  let square = factor;
  for (let k = n; k > 0; k = Math.floor(k / 2)) {
    if (k % 2 === 1) result = factorTimes(result, square);
    if (k > 1) square = factorTimes(square, square);
  }
  return result;
};
