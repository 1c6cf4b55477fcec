import type { RoundingMode } from '../../money/rounding.ts';

/**
 * num / den rounded to an integer by `mode`, exactly (den > 0). Ties are judged on the exact
 * remainder, so a half-paisa is a tie and nothing near it is.
 */
export const roundRatio = (num: bigint, den: bigint, mode: RoundingMode): bigint => {
  let q = num / den; // truncates toward zero
  const r = num - q * den;
  if (r === 0n) return q;
  const sign = num < 0n ? -1n : 1n;
  const twice = 2n * (r < 0n ? -r : r);
  const away = (): bigint => q + sign;
  switch (mode) {
    case 'down': return q;
    case 'up': return away();
    case 'ceiling': return sign > 0n ? away() : q;
    case 'floor': return sign < 0n ? away() : q;
    case 'half-up': return twice >= den ? away() : q;
    case 'half-down': return twice > den ? away() : q;
    case 'half-even':
      if (twice > den || (twice === den && q % 2n !== 0n)) q = away();
      return q;
  }
};
