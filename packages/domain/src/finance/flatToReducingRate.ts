import { Decimal } from '../money/decimal.ts';
import type { DecimalInput } from '../money/decimal.ts';
import { exactDecimal } from './depositInterest/parseExact.ts';
import { InvalidDepositTermsError } from './invalidDepositTerms.ts';

/** A flat rate as a money lender quotes it: per month or per year, over n instalments. */
export interface FlatRateTerms {
  readonly flatRatePercent: DecimalInput;
  readonly per: 'month' | 'year';
  readonly instalments: number;
  /** Instalments a year; 12 (monthly) unless given. */
  readonly instalmentsPerYear?: number;
  /** Decimal places of the percentages returned (default 6), rounded half-even. */
  readonly decimals?: number;
}

/** The equivalent declining-balance rates: same instalment, same number of instalments. */
export interface ReducingRate {
  readonly periodicRatePercent: Decimal;
  readonly reducingRateAnnualPercent: Decimal;
  readonly effectiveAnnualPercent: Decimal;
}

const TOLERANCE = new Decimal('1e-40');

// Instalment per unit of principal at periodic rate i over n: i / (1 - (1 + i)^-n).
const annuity = (i: Decimal, n: number): Decimal =>
  i.isZero() ? new Decimal(1).dividedBy(n) : i.dividedBy(new Decimal(1).minus(i.plus(1).pow(-n)));

/**
 * The reducing-balance rate with the same instalment as a flat rate, by bisection in Decimal
 * until the bracket is narrower than 1e-40 (deterministic: fixed arithmetic, fixed stop).
 * @example flatToReducingRate({ flatRatePercent: '10', per: 'month', instalments: 12 })
 *   .reducingRateAnnualPercent.toString() === '178.249224'
 */
export const flatToReducingRate = (t: FlatRateTerms): ReducingRate => {
  const { units, scale } = exactDecimal(t.flatRatePercent, 'flatRatePercent');
  if (units < 0n) throw new InvalidDepositTermsError('flatRatePercent', 'must not be negative');
  const n = t.instalments;
  if (!Number.isInteger(n) || n < 1 || n > 1200) {
    throw new InvalidDepositTermsError('instalments', 'must be a whole number from 1 to 1200');
  }
  const m = t.instalmentsPerYear ?? 12;
  if (![1, 2, 4, 12, 26, 52].includes(m)) {
    throw new InvalidDepositTermsError('instalmentsPerYear', 'must be 1, 2, 4, 12, 26 or 52');
  }
  if (t.per !== 'month' && t.per !== 'year') {
    throw new InvalidDepositTermsError('per', 'must be month or year');
  }
  const places = t.decimals ?? 6;
  if (!Number.isInteger(places) || places < 0 || places > 30) {
    throw new InvalidDepositTermsError('decimals', 'must be a whole number from 0 to 30');
  }
  const annual = new Decimal(units.toString()).dividedBy(new Decimal(10).pow(scale))
    .times(t.per === 'month' ? 12 : 1).dividedBy(100);
  const flatPerInstalment = annual.dividedBy(m);
  const target = flatPerInstalment.times(n).plus(1).dividedBy(n);
  let lo = new Decimal(0);
  let hi = new Decimal(1);
  while (annuity(hi, n).lessThan(target)) hi = hi.times(2);
  while (hi.minus(lo).greaterThan(TOLERANCE)) {
    const mid = lo.plus(hi).dividedBy(2);
    if (annuity(mid, n).lessThan(target)) lo = mid;
    else hi = mid;
  }
  const i = lo.plus(hi).dividedBy(2);
  const pct = (d: Decimal) => d.times(100).toDecimalPlaces(places, Decimal.ROUND_HALF_EVEN);
  return {
    periodicRatePercent: pct(i),
    reducingRateAnnualPercent: pct(i.times(m)),
    effectiveAnnualPercent: pct(i.plus(1).pow(m).minus(1)),
  };
};
