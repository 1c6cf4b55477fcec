import * as t from 'io-ts';
import { oneOf, PositiveCount, RatePercent } from '../shared/codecs.ts';
import { Decimal } from '../money/decimal.ts';

/** Fineract's two schedule engines: cumulative (the default) and progressive. */
export const ScheduleTypeCodec = oneOf('ScheduleType', ['cumulative', 'progressive'] as const);
/** Whether principal paid early or late recomputes the rest of the schedule, and how. */
export const InterestRecalculationCodec = oneOf('InterestRecalculation',
  ['none', 'reduce-emi', 'reduce-term'] as const);
/** How a recomputed schedule absorbs principal paid early: a smaller EMI or fewer of them. */
export const RecalculationStrategyCodec = oneOf('RecalculationStrategy',
  ['reduce-emi', 'reduce-term'] as const);

/**
 * A loan product's settings for schedules that change. Each may be left out, and then the
 * loan is as every loan was before them (a catalogue written earlier lends as it did):
 * - `scheduleType`: 'cumulative' (default) or 'progressive', Fineract's two engines;
 * - `downPaymentPercent`: this share of the principal is due on the day it is paid out, as
 *   instalment 1 (Fineract's enableDownPayment); "0" (default) for none;
 * - `interestRecalculation`: 'none' (default), or principal paid early or late recomputes the
 *   rest of the schedule by a smaller EMI ('reduce-emi') or fewer instalments ('reduce-term');
 * - `maxTranches`: the approved principal may be paid out in up to this many parts (1, default);
 * - `allowTopUp`: a new loan of this product may pay off an active loan of the same member
 *   (false, default).
 */
export const scheduleChangeFields = {
  scheduleType: ScheduleTypeCodec,
  downPaymentPercent: RatePercent,
  interestRecalculation: InterestRecalculationCodec,
  maxTranches: PositiveCount,
  allowTopUp: t.boolean,
};

/** The settings scheduleChangeProblem reads. */
export interface ScheduleChangeSettings {
  readonly interestMethod: 'declining-balance' | 'flat';
  readonly amortization: 'equal-installments' | 'equal-principal';
  readonly graceOnPrincipal: number;
  readonly graceOnInterestPayment: number;
  readonly graceOnInterestCharged: number;
  readonly scheduleType?: 'cumulative' | 'progressive' | undefined;
  readonly downPaymentPercent?: string | undefined;
  readonly interestRecalculation?: 'none' | 'reduce-emi' | 'reduce-term' | undefined;
  readonly maxTranches?: number | undefined;
}

type Problem = { readonly field: string; readonly message: string } | undefined;

/**
 * The first setting the schedule engines cannot compute with the rest, or undefined. The
 * progressive engine knows EMI on the declining balance and no grace (Fineract's own rule);
 * tranches and recalculation are computed on it only, since Fineract's cumulative engine
 * recalculates by rest and compounding settings no product here carries.
 */
export const scheduleChangeProblem = (p: ScheduleChangeSettings): Problem => {
  const flat = p.interestMethod === 'flat';
  if (p.scheduleType === 'progressive') {
    if (flat) return { field: 'scheduleType', message: "progressive needs 'declining-balance'" };
    if (p.amortization !== 'equal-installments') {
      return { field: 'scheduleType', message: "progressive needs 'equal-installments'" };
    }
    if (p.graceOnPrincipal + p.graceOnInterestPayment + p.graceOnInterestCharged > 0) {
      return { field: 'scheduleType', message: 'progressive has no grace periods' };
    }
  }
  if (p.downPaymentPercent !== undefined && new Decimal(p.downPaymentPercent).gte(100)) {
    return { field: 'downPaymentPercent', message: 'must be less than 100' };
  }
  const progressive = p.scheduleType === 'progressive';
  if ((p.interestRecalculation ?? 'none') !== 'none' && !progressive) {
    return { field: 'interestRecalculation', message: "needs scheduleType 'progressive'" };
  }
  if ((p.maxTranches ?? 1) > 1 && !progressive) {
    return { field: 'maxTranches', message: "more than 1 needs scheduleType 'progressive'" };
  }
  const changes = (p.maxTranches ?? 1) > 1 || (p.interestRecalculation ?? 'none') !== 'none';
  if (changes && new Decimal(p.downPaymentPercent ?? '0').gt(0)) {
    // recalculatedSchedule refuses a down payment (Fineract takes one from each tranche): a
    // loan of such a product could take no tranche and no repayment off its schedule.
    return { field: 'downPaymentPercent',
      message: "a down payment needs maxTranches 1 and interestRecalculation 'none'" };
  }
  return undefined;
};
