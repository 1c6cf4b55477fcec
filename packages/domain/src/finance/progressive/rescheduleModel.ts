import type { Decimal } from '../../money/decimal.ts';
import type { BusinessDate } from '../../dates/businessDate.ts';
import { ZERO } from '../loan/fineractMath.ts';
import { InvalidTermsError } from '../loan/invalidTermsError.ts';
import { recalculateEmiFrom } from './emiRecalculation.ts';
import { sliceFactor, type InterestModel, type ModelPeriod } from './interestModel.ts';
import { periodsOf } from './progressivePeriods.ts';

/** A reschedule as the progressive model replays it, already read and checked. */
export interface ModelReschedule {
  /** The day it was recorded: it acts after the money moved on or before that day. */
  readonly on: BusinessDate;
  /** The due date of the first period it changes. */
  readonly from: BusinessDate;
  /** The new nominal annual rate from that period on, or null to keep the rate. */
  readonly rateAnnual: Decimal | null;
  /** Periods added after the last one. */
  readonly extraRepayments: number;
  /** How the caller names this reschedule in an error, e.g. `reschedules[0]`. */
  readonly field: string;
}

// Every slice of the period computed again at the period's new rate.
const atRate = (model: InterestModel, p: ModelPeriod, rateAnnual: Decimal): ModelPeriod => {
  const q = { ...p, rateAnnual };
  const slices = p.slices.map((s) => ({ ...s, factor: sliceFactor(model, q, s.from, s.to) }));
  return { ...q, slices };
};

// The periods after the last one, on the terms' due dates, nothing lent in them yet.
const extraPeriods = (model: InterestModel, count: number): ModelPeriod[] => {
  const n = model.periods.length;
  let from = model.periods[n - 1]?.dueOn ?? model.t.disbursedOn;
  return periodsOf({ ...model.t, repayments: n + count }).slice(n).map((p) => {
    const period: ModelPeriod = {
      from, dueOn: p.dueOn, emi: ZERO, paidPrincipal: ZERO, lastPaidOn: null,
      slices: [{ from, to: p.dueOn, factor: p.factor, disbursed: ZERO, correction: ZERO }],
    };
    from = p.dueOn;
    return period;
  });
};

/**
 * A reschedule replayed in the model, as ProgressiveEMICalculator's rate change and extra
 * terms leave it: the periods from `from` on take the new rate, the extra periods are added,
 * and the EMI is recomputed from `from` over the balance then owed. The periods before `from`
 * keep their rate, so the instalments already due never change.
 */
export const rescheduleModel = (model: InterestModel, r: ModelReschedule): InterestModel => {
  const a = model.periods.findIndex((p) => p.dueOn === r.from);
  if (a < 0) {
    throw new InvalidTermsError(`${r.field}.from`,
      `${r.from} is not the due date of a repayment period`);
  }
  const periods = [...model.periods, ...extraPeriods(model, r.extraRepayments)];
  // Added periods run at the rate of the last one when the rate is not changed now.
  const rate = r.rateAnnual ?? model.periods[model.periods.length - 1]?.rateAnnual;
  const priced = periods.map((p, k) =>
    (k >= a && rate !== undefined ? atRate(model, p, rate) : p));
  return recalculateEmiFrom({ ...model, periods: priced }, a);
};
