import { roundingModes, type RoundingMode } from '../../money/rounding.ts';
import { compoundingGrid, type CompoundingGrid } from './compoundingGrid.ts';
import { dailyGrowth } from './dailyGrowth.ts';
import { dayWeights, savingsDayCounts, type DayWeights } from './dayWeights.ts';
import { InvalidDepositTermsError } from '../invalidDepositTerms.ts';
import { COMPOUNDED_PARTS_PER_MINOR } from './fixedPoint.ts';
import { minorUnits } from './parseExact.ts';
import { periodTypes, type PeriodType } from './periodType.ts';
import { integerIn, oneOf, ratePercent } from './termChecks.ts';
import type { SavingsTerms } from './savingsTerms.ts';

/** The settings of a savings product: every savings term but the account's own. */
export type SavingsProduct = Omit<SavingsTerms, 'transactions' | 'from' | 'to'>;

/**
 * A product checked and reduced to integers: rate = rateUnits / q a day. Interest figures are
 * numerators over q of parts (COMPOUNDED_PARTS_PER_MINOR to a minor unit); `den` = q * parts.
 */
export interface NormalProduct {
  readonly rateUnits: bigint;
  readonly q: bigint;
  readonly method: SavingsTerms['method'];
  readonly compounding: PeriodType;
  readonly posting: PeriodType;
  readonly fyStartMonth: number;
  readonly postOn: SavingsTerms['postOn'];
  readonly digits: number;
  readonly rounding: RoundingMode;
  readonly floorMinMinor: bigint;
  readonly floorParts: bigint;
  readonly den: bigint;
  /** Compounding periods and their growth; undefined for daily compounding. */
  readonly grid: CompoundingGrid | undefined;
  /** Growth factor of daily compounding over a number of days. */
  readonly dailyGrowth: (days: number) => bigint;
  /** rateUnits * the weighted days of [from, to) (dayWeights.ts). */
  readonly rateTimesDays: (from: number, to: number) => bigint;
  /** The weighted days of [from, to): actual days unless the day count is not uniform. */
  readonly weights: DayWeights;
}

/** The currency's minor digits, checked first as every amount depends on them. */
export const currencyDigitsOf = (x: unknown): number =>
  integerIn(x, 0, 8, 'currencyDigits', 2);

const rateTimesDays = (
  rateUnits: bigint, w: DayWeights,
): ((from: number, to: number) => bigint) => {
  if (!w.uniform) return (from, to) => rateUnits * BigInt(w.between(from, to));
  const known: bigint[] = [];
  return (from, to) => {
    const days = to - from;
    if (days > 400) return rateUnits * BigInt(days);
    return known[days] ?? (known[days] = rateUnits * BigInt(days));
  };
};

/** Checks a savings product, in field order, and reduces it to integers. */
export const normalSavingsProduct = (t: SavingsProduct): NormalProduct => {
  const digits = currencyDigitsOf(t.currencyDigits);
  const rate = ratePercent(t.rateAnnualPercent, 'rateAnnualPercent');
  const daysInYear = oneOf(t.daysInYear, savingsDayCounts, 'daysInYear');
  const min = t.minBalanceForInterest === undefined
    ? 0n : minorUnits(t.minBalanceForInterest, digits, 'minBalanceForInterest');
  const method = oneOf(t.method, ['daily-balance', 'average-daily-balance'] as const, 'method');
  const compounding = oneOf(t.compounding, periodTypes, 'compounding');
  const posting = oneOf(t.posting, periodTypes, 'posting');
  const fyStartMonth = integerIn(t.financialYearStartMonth, 1, 12, 'financialYearStartMonth', 4);
  const postOn = oneOf(t.postOn, ['period-end', 'next-day'] as const, 'postOn');
  const rounding = oneOf(t.rounding ?? 'half-even', roundingModes, 'rounding');
  const weights = dayWeights(daysInYear, fyStartMonth);
  // (1 + r/n)^days needs one n: a day count whose days weigh differently has none.
  if (compounding === 'daily' && !weights.uniform) {
    throw new InvalidDepositTermsError('compounding',
      `daily compounding needs daysInYear 360, 364 or 365, not ${String(daysInYear)}`);
  }
  const q = 10n ** BigInt(rate.scale) * 100n * weights.perYear;
  const floorMinMinor = min > 0n ? min : 0n;
  return {
    rateUnits: rate.units, q, method, compounding, posting, fyStartMonth, postOn, digits,
    rounding, floorMinMinor, floorParts: floorMinMinor * COMPOUNDED_PARTS_PER_MINOR,
    den: q * COMPOUNDED_PARTS_PER_MINOR,
    grid: compounding === 'daily'
      ? undefined : compoundingGrid(compounding, fyStartMonth, rate.units, q, weights),
    dailyGrowth: dailyGrowth(rate.units, q),
    rateTimesDays: rateTimesDays(rate.units, weights),
    weights,
  };
};
