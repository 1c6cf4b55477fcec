import * as t from 'io-ts';
import { ProductId } from '../shared/ids.ts';
import { intBetween, minorOf, MoneyString, RatePercent } from '../shared/codecs.ts';
import { closed, withCheck } from '../shared/shape.ts';
import { DayCountCodec, PeriodCodec, RoundingModeCodec } from './settings.ts';

const Months = intBetween('Months', 1, 600);

/** A savings account: interest on the daily balance, compounded and posted by period. */
export const SavingsProduct = closed({
  kind: t.literal('savings'),
  id: ProductId,
  rateAnnualPercent: RatePercent,
  dayCount: DayCountCodec,
  compounding: PeriodCodec,
  posting: PeriodCodec,
  minimumBalance: MoneyString,
  rounding: RoundingModeCodec,
}, 'SavingsProduct');
export type SavingsProduct = t.TypeOf<typeof SavingsProduct>;

const termCheck = (p: { minTermMonths: number; maxTermMonths: number }) =>
  p.maxTermMonths < p.minTermMonths
    ? { field: 'maxTermMonths', message: 'must be at least minTermMonths' }
    : undefined;

/** A recurring deposit: a fixed instalment each month for a term. */
export const RecurringDepositProduct = withCheck(closed({
  kind: t.literal('recurring'),
  id: ProductId,
  rateAnnualPercent: RatePercent,
  dayCount: DayCountCodec,
  compounding: PeriodCodec,
  minTermMonths: Months,
  maxTermMonths: Months,
  minimumInstalment: MoneyString,
  // Percentage points taken off the rate when closed before maturity.
  prematureClosurePenaltyPercent: RatePercent,
  rounding: RoundingModeCodec,
}, 'RecurringDepositProduct'), (p) =>
  termCheck(p) ?? (minorOf(p.minimumInstalment) <= 0n
    ? { field: 'minimumInstalment', message: 'must be more than zero' } : undefined));
export type RecurringDepositProduct = t.TypeOf<typeof RecurringDepositProduct>;

/** A fixed deposit: one principal for a term, compounded (usually quarterly). */
export const FixedDepositProduct = withCheck(closed({
  kind: t.literal('fixed'),
  id: ProductId,
  rateAnnualPercent: RatePercent,
  dayCount: DayCountCodec,
  compounding: PeriodCodec,
  minTermMonths: Months,
  maxTermMonths: Months,
  minimumPrincipal: MoneyString,
  prematureClosurePenaltyPercent: RatePercent,
  rounding: RoundingModeCodec,
}, 'FixedDepositProduct'), termCheck);
export type FixedDepositProduct = t.TypeOf<typeof FixedDepositProduct>;
