import * as t from 'io-ts';
import { oneOf } from '../shared/codecs.ts';
import { roundingModes, type RoundingMode } from '../money/rounding.ts';
import type { SavingsDayCount } from '../finance/depositInterest/dayWeights.ts';

/** The day counts a deposit product can name. */
export const DayCountCodec = oneOf('DayCount',
  ['actual/365', 'actual/360', 'actual/364', 'actual/actual', '30/360'] as const);
export type DayCountSetting = t.TypeOf<typeof DayCountCodec>;

const daysInYearByDayCount: Readonly<Record<DayCountSetting, SavingsDayCount>> = {
  'actual/365': 365, 'actual/360': 360, 'actual/364': 364, 'actual/actual': 'actual',
  '30/360': '30/360',
};

/**
 * The deposit interest engines' `daysInYear` for a product's day count: every count the codec
 * accepts has its own rule (finance/depositInterest/dayWeights.ts), none falls back to 365.
 * @example depositDaysInYear('actual/364') // 364
 */
export const depositDaysInYear = (dayCount: DayCountSetting): SavingsDayCount =>
  daysInYearByDayCount[dayCount];

/** How often interest is compounded or posted. */
export const PeriodCodec =
  oneOf('Period', ['monthly', 'quarterly', 'half-yearly', 'yearly'] as const);
export type Period = t.TypeOf<typeof PeriodCodec>;

/** A rounding mode named by a product; the default everywhere is 'half-even'. */
export const RoundingModeCodec = new t.Type<RoundingMode, RoundingMode, unknown>(
  'RoundingMode',
  (u): u is RoundingMode => roundingModes.some((m) => m === u),
  (u, c) => {
    const m = roundingModes.find((x) => x === u);
    return m === undefined
      ? t.failure(u, c, `expected one of ${roundingModes.join(', ')}`)
      : t.success(m);
  },
  t.identity,
);
