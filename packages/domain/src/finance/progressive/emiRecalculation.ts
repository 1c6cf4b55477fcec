import { Decimal } from '../../money/decimal.ts';
import {
  mcDivide, mcMultiply, moneyOf, roundToMultiplesOf, ZERO,
} from '../loan/fineractMath.ts';
import { evaluatePeriods, type PeriodFigures } from './evaluatePeriods.ts';
import { factorPlus1, type InterestModel } from './interestModel.ts';

const withEmiFrom = (model: InterestModel, k: number, emi: Decimal): InterestModel => ({
  ...model,
  periods: model.periods.map((p, i) => (i >= k ? { ...p, emi } : p)),
});

// calculateEMIOnPeriods: P x prod(1 + f) / fn over the periods from k on, where P is the
// balance the period starts on plus what is disbursed in it
// (getInitialBalanceForEmiRecalculation).
const emiFrom = (model: InterestModel, k: number): Decimal => {
  const { m, t } = model;
  const related = model.periods.slice(k);
  const opening = evaluatePeriods(model)[k]?.opening ?? ZERO;
  const disbursed = related[0]?.slices.reduce((a, s) => a.plus(s.disbursed), ZERO) ?? ZERO;
  const plus1 = related.map(factorPlus1);
  const product = plus1.reduce((acc, x) => mcMultiply(m, acc, x), new Decimal(1));
  const fn = plus1.slice(1).reduce(
    (acc, x) => new Decimal(new m.mc(mcMultiply(m, acc, x)).plus(1)), new Decimal(1));
  const emi = moneyOf(m, mcDivide(m, mcMultiply(m, product, opening.plus(disbursed)), fn));
  return roundToMultiplesOf(m, emi, t.multiple);
};

// getDifferenceBetweenLastTwoPeriod after calculateLastUnpaidRepaymentPeriodEMI: the last
// period comes to all disbursed less every earlier period's principal due, plus its interest.
// Principal due is taken before the balance caps it, as Fineract sums whole EMIs there.
const lastDifference = (model: InterestModel): Decimal => {
  const figures: readonly PeriodFigures[] = evaluatePeriods(model);
  const n = model.periods.length;
  const before = model.periods[n - 2];
  const last = figures[n - 1];
  if (before === undefined || last === undefined) return ZERO;
  const disbursed = model.periods.reduce((a, p) =>
    p.slices.reduce((b, s) => b.plus(s.disbursed), a), ZERO);
  const earlier = figures.slice(0, n - 1).reduce((a, f) => a.plus(f.due), ZERO);
  return disbursed.minus(earlier).plus(last.interest).minus(before.emi);
};

/**
 * calculateEMIValueAndRateFactors from period k on: a new EMI for those periods, the last
 * period taking what is owed; then checkAndAdjustEmiIfNeededOnRelatedRepaymentPeriods: when
 * the last amount differs from the one before by more than floor(n / 2) hundredths, try the
 * EMI + difference / n and keep it only if it narrows that difference.
 */
export const recalculateEmiFrom = (model: InterestModel, k: number): InterestModel => {
  const { m, t } = model;
  const emi = emiFrom(model, k);
  const first = withEmiFrom(model, k, emi);
  const n = model.periods.length - k;
  const diff = lastDifference(first);
  const half = Math.floor(n / 2);
  if (diff.isZero() || half === 0 || !diff.abs().times(100).gt(half)) return first;
  const step = diff.div(n).toDecimalPlaces(m.digits, m.rounding);
  const adjusted = roundToMultiplesOf(m, moneyOf(m, emi.plus(step)), t.multiple);
  if (adjusted.eq(emi)) return first;
  const next = withEmiFrom(model, k, adjusted);
  return lastDifference(next).abs().lt(diff.abs()) ? next : first;
};
