import type { Decimal } from '../../money/decimal.ts';
import type { BusinessDate } from '../../dates/businessDate.ts';
import { ZERO } from '../loan/fineractMath.ts';
import {
  sliceFactor, withPeriod, type InterestModel, type InterestSlice, type ModelPeriod,
} from './interestModel.ts';

/** Money lent (`disbursed`) or repaid (negative `correction`) on a date. */
export interface BalanceChange {
  readonly on: BusinessDate;
  readonly disbursed: Decimal;
  readonly correction: Decimal;
}

/**
 * findRepaymentPeriodForBalanceChange: the period holding the date, its due date included;
 * the first period also holds its own start. -1 when no period holds it.
 */
export const periodIndexOf = (model: InterestModel, on: BusinessDate): number =>
  model.periods.findIndex((p, k) => (k === 0 ? on >= p.from : on > p.from) && on <= p.dueOn);

const add = (s: InterestSlice, c: BalanceChange): InterestSlice => ({
  ...s, disbursed: s.disbursed.plus(c.disbursed), correction: s.correction.plus(c.correction),
});

// insertInterestPeriod, for changes that arrive in date order: the last slice ends on the
// change date and takes the change; a new slice runs on to the period's due date. A change on
// the period's first day of a first period leaves an empty first slice, as Fineract's does.
const split = (model: InterestModel, p: ModelPeriod, c: BalanceChange): ModelPeriod => {
  const last = p.slices[p.slices.length - 1];
  if (last === undefined) return p;
  const cut = c.on < last.from ? last.from : c.on;
  const ended = add({ ...last, to: cut, factor: sliceFactor(model, p, last.from, cut) }, c);
  const rest: InterestSlice = {
    from: cut, to: last.to, factor: sliceFactor(model, p, cut, last.to),
    disbursed: ZERO, correction: ZERO,
  };
  return { ...p, slices: [...p.slices.slice(0, -1), ended, rest] };
};

/**
 * changeOutstandingBalanceAndUpdateInterestPeriods: the change joins the slice ending on its
 * date, or splits the period's last slice there. Returns the period's index, -1 if none
 * holds the date (then the model is unchanged).
 */
export const changeBalance = (
  model: InterestModel,
  c: BalanceChange,
): { model: InterestModel; k: number } => {
  const k = periodIndexOf(model, c.on);
  const p = model.periods[k];
  if (p === undefined) return { model, k: -1 };
  const at = p.slices.findIndex((s) => s.to === c.on);
  const next: ModelPeriod = at >= 0
    ? { ...p, slices: p.slices.map((s, i) => (i === at ? add(s, c) : s)) }
    : split(model, p, c);
  return { model: withPeriod(model, k, next), k };
};
