import { roundRatio } from '../money/roundRatio.ts';
import { minorOf } from '../shared/codecs.ts';
import type { TdsSettings } from './tdsSettings.ts';

/** What the deduction on one posting of interest is decided on. */
export interface TdsFacts {
  readonly settings: TdsSettings;
  /** A Form 15G/15H declaration is on file: kept in the member directory, never in the log. */
  readonly exempt: boolean;
  /** Interest credited to the member in the posting's financial year before it, in paise. */
  readonly interestEarlierInYearMinor: bigint;
}

const percentParts = (percent: string): { units: bigint; scale: bigint } => {
  const [whole = '0', fraction = ''] = percent.split('.');
  return { units: BigInt(whole + fraction), scale: 10n ** BigInt(fraction.length) };
};

/**
 * The tax to deduct from a posting of `interestMinor` paise: none when TDS is off, the member
 * is exempt or her interest in the year, this posting included, is not above the threshold;
 * else rate x the posting's interest, rounded to the nearest rupee (section 288B: fifty paise
 * or more is a rupee), in paise.
 */
export const tdsDue = (f: TdsFacts, interestMinor: bigint): bigint => {
  if (!f.settings.enabled || f.exempt || interestMinor <= 0n) return 0n;
  const inYear = f.interestEarlierInYearMinor + interestMinor;
  if (inYear <= minorOf(f.settings.thresholdPerYear)) return 0n;
  const { units, scale } = percentParts(f.settings.ratePercent);
  // paise x percent / 100, then to whole rupees: one exact division, one rounding.
  return roundRatio(interestMinor * units, 100n * scale * 100n, 'half-up') * 100n;
};
