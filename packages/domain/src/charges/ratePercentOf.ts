import type { RoundingMode } from '../money/rounding.ts';
import { roundRatio } from '../money/roundRatio.ts';

// RatePercent allows 6 decimals: scaled by a million it is an exact integer.
const SCALE = 1_000_000n;

/** The rate as an integer of millionths of a percent: "2.5" -> 2_500_000n. */
const millionths = (ratePercent: string): bigint => {
  const [whole = '0', fraction = ''] = ratePercent.split('.');
  return BigInt(whole) * SCALE + BigInt(fraction.padEnd(6, '0'));
};

/**
 * `ratePercent` of `minor` paise, rounded once to the paisa by `mode`.
 * @example percentOf(123_45n, '2.5', 'half-even') === 3_09n // 308.625 paise
 */
export const percentOf = (minor: bigint, ratePercent: string, mode: RoundingMode): bigint =>
  roundRatio(minor * millionths(ratePercent), 100n * SCALE, mode);
