import { Decimal } from '../../money/decimal.ts';
import type { BusinessDate } from '../../dates/businessDate.ts';
import {
  mcDivide, mcMultiply, moneyOf, roundToMultiplesOf, ZERO, type FineractMath,
} from '../loan/fineractMath.ts';
import type { Row, Terms } from '../loan/types.ts';

/** A repayment period of the progressive model: its dates and its rate factor. */
export interface Period {
  readonly dueOn: BusinessDate;
  readonly days: number;
  readonly factor: Decimal;
}

/**
 * calculateEMIOnPeriods: EMI = P x prod(1 + f) / fn, fn folding 1 + fn x (1 + f) over the
 * periods after the first, each step to 12 significant digits; then Money.of and multiples.
 */
export const progressiveEmi = (t: Terms, m: FineractMath, periods: readonly Period[]): Decimal => {
  const plus1 = periods.map((p) => p.factor.plus(1));
  const product = plus1.reduce((acc, x) => mcMultiply(m, acc, x), new Decimal(1));
  const fn = plus1.slice(1).reduce(
    (acc, x) => new Decimal(new m.mc(mcMultiply(m, acc, x)).plus(1)), new Decimal(1));
  const emi = moneyOf(m, mcDivide(m, mcMultiply(m, product, t.principal), fn));
  return roundToMultiplesOf(m, emi, t.multiple);
};

/**
 * The rows for one EMI per period: interest is the balance x factor to the currency's digits,
 * principal the EMI less it; the last EMI takes what is left
 * (calculateLastUnpaidRepaymentPeriodEMI).
 */
export const rowsFor = (
  t: Terms,
  m: FineractMath,
  periods: readonly Period[],
  emi: Decimal,
): Row[] => {
  let owed = t.principal;
  return periods.map((p, k) => {
    const interest = moneyOf(m, owed.times(p.factor));
    const last = k === periods.length - 1;
    // A due principal is never negative (RepaymentPeriod.getDuePrincipal takes a max with 0).
    const principal = last ? owed : Decimal.max(emi.minus(interest), ZERO);
    owed = owed.minus(principal);
    const balance = Decimal.max(owed, ZERO);
    return { n: k + 1, dueOn: p.dueOn, days: p.days, principal, interest, balance };
  });
};

const total = (r: Row): Decimal => r.principal.plus(r.interest);

// The last EMI less the one before it (getDifferenceBetweenLastTwoPeriod).
const lastDifference = (rows: readonly Row[]): Decimal => {
  const last = rows[rows.length - 1];
  const before = rows[rows.length - 2];
  return last === undefined || before === undefined ? ZERO : total(last).minus(total(before));
};

/**
 * checkAndAdjustEmiIfNeededOnRelatedRepaymentPeriods: when the last EMI differs from the rest
 * by more than floor(n / 2) minor units of 0.01, try EMI + difference / n (kept at the currency
 * scale, in the rounding mode) and keep it only if it narrows that difference.
 */
export const adjustedRows = (
  t: Terms,
  m: FineractMath,
  periods: readonly Period[],
  emi: Decimal,
): Row[] => {
  const rows = rowsFor(t, m, periods, emi);
  const diff = lastDifference(rows);
  const half = Math.floor(periods.length / 2);
  if (diff.isZero() || half === 0 || !diff.abs().times(100).gt(half)) return rows;
  const step = diff.div(periods.length).toDecimalPlaces(m.digits, m.rounding);
  const adjusted = roundToMultiplesOf(m, moneyOf(m, emi.plus(step)), t.multiple);
  if (adjusted.eq(emi)) return rows;
  const next = rowsFor(t, m, periods, adjusted);
  return lastDifference(next).abs().lt(diff.abs()) ? next : rows;
};
