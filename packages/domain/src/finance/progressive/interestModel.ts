import { Decimal } from '../../money/decimal.ts';
import type { BusinessDate } from '../../dates/businessDate.ts';
import { ZERO, type FineractMath } from '../loan/fineractMath.ts';
import type { Terms } from '../loan/types.ts';
import type { Period } from './progressivePeriods.ts';
import { rateFactor } from './rateFactor.ts';

/**
 * Fineract's InterestPeriod: a stretch of a repayment period on one balance. Money disbursed
 * or corrected on its last day (`to`) moves the balance of the stretch after it.
 */
export interface InterestSlice {
  readonly from: BusinessDate;
  readonly to: BusinessDate;
  readonly factor: Decimal;
  readonly disbursed: Decimal;
  readonly correction: Decimal;
}

/** Fineract's RepaymentPeriod: its dates, its interest slices, its EMI, principal paid in it. */
export interface ModelPeriod {
  readonly from: BusinessDate;
  readonly dueOn: BusinessDate;
  readonly slices: ReadonlyArray<InterestSlice>;
  readonly emi: Decimal;
  readonly paidPrincipal: Decimal;
  /** The last day principal was repaid into this period's balance, if any. */
  readonly lastPaidOn: BusinessDate | null;
  /** The nominal annual rate of this period, when a reschedule changed it from the terms'. */
  readonly rateAnnual?: Decimal;
}

/** ProgressiveLoanInterestScheduleModel: the periods of one loan and how to compute them. */
export interface InterestModel {
  readonly t: Terms;
  readonly m: FineractMath;
  readonly periods: ReadonlyArray<ModelPeriod>;
}

/** A slice's rate factor: its own days over its repayment period's days, at its rate. */
export const sliceFactor = (
  model: Pick<InterestModel, 't' | 'm'>,
  period: { from: BusinessDate; dueOn: BusinessDate; rateAnnual?: Decimal },
  from: BusinessDate,
  to: BusinessDate,
): Decimal => {
  const t = period.rateAnnual === undefined ? model.t
    : { ...model.t, rateAnnual: period.rateAnnual };
  return rateFactor(t, model.m, from, to, { from: period.from, due: period.dueOn });
};

/**
 * generateInterestScheduleModel: one slice per period over its whole length, nothing lent yet,
 * every EMI zero until a disbursement sets it.
 */
export const emptyModel = (
  t: Terms,
  m: FineractMath,
  periods: ReadonlyArray<Period>,
): InterestModel => {
  let from = t.disbursedOn;
  const modelPeriods = periods.map((p) => {
    const period: ModelPeriod = {
      from, dueOn: p.dueOn, emi: ZERO, paidPrincipal: ZERO, lastPaidOn: null,
      slices: [{ from, to: p.dueOn, factor: p.factor, disbursed: ZERO, correction: ZERO }],
    };
    from = p.dueOn;
    return period;
  });
  return { t, m, periods: modelPeriods };
};

/** The model with one period replaced. */
export const withPeriod = (model: InterestModel, k: number, p: ModelPeriod): InterestModel => ({
  ...model,
  periods: model.periods.map((q, i) => (i === k ? p : q)),
});

/** 1 + the rate factors of a period's slices (RepaymentPeriod.getRateFactorPlus1, unrounded). */
export const factorPlus1 = (p: ModelPeriod): Decimal =>
  p.slices.reduce((acc, s) => acc.plus(s.factor), new Decimal(1));
