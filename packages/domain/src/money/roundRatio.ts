import type { RoundingMode } from './rounding.ts';

// The one rounding of bigint ratios: interest, dividends and accruals are computed as an exact
// integer numerator over a denominator, and rounded here once. decimal.js rounds Decimal values
// (see rounding.ts); these never pass through a Decimal.

/**
 * num / den rounded half-even to an integer (den > 0), ties judged on the exact remainder.
 * @example roundHalfEven(5n, 2n) === 2n && roundHalfEven(7n, 2n) === 4n
 */
export const roundHalfEven = (num: bigint, den: bigint): bigint => {
  let q = num / den; // truncates toward zero
  const r = num % den;
  if (r === 0n) return q;
  const twice = r < 0n ? -2n * r : 2n * r;
  if (twice > den || (twice === den && (q & 1n) !== 0n)) q += num < 0n ? -1n : 1n;
  return q;
};

/**
 * num / den rounded to an integer by `mode`, exactly (den > 0). Ties are judged on the exact
 * remainder, so a half-paisa is a tie and nothing near it is.
 * @example roundRatio(-5n, 2n, 'half-up') === -3n
 */
export const roundRatio = (num: bigint, den: bigint, mode: RoundingMode): bigint => {
  if (mode === 'half-even') return roundHalfEven(num, den);
  const q = num / den; // truncates toward zero
  const r = num - q * den;
  if (r === 0n) return q;
  const sign = num < 0n ? -1n : 1n;
  const twice = 2n * (r < 0n ? -r : r);
  const away = q + sign;
  switch (mode) {
    case 'down': return q;
    case 'up': return away;
    case 'ceiling': return sign > 0n ? away : q;
    case 'floor': return sign < 0n ? away : q;
    case 'half-up': return twice >= den ? away : q;
    case 'half-down': return twice > den ? away : q;
  }
};
