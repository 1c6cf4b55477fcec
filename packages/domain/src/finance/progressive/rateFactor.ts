import { Decimal } from '../../money/decimal.ts';
import {
  dateParts, daysBetween, daysInMonth, daysInYear, fromParts, type BusinessDate,
} from '../../dates/businessDate.ts';
import { mcDivide, mcMultiply, type FineractMath } from '../loan/fineractMath.ts';
import type { Terms } from '../loan/types.ts';

// Days a repayment unit stands for in ProgressiveEMICalculator.rateFactorByRepaymentEvery*:
// 1 for days, 7 for weeks, the month's length (30 or the calendar's) for months.
const unitDays = (t: Terms, from: BusinessDate): number => {
  if (t.frequency === 'days') return 1;
  if (t.frequency === 'weeks') return 7;
  const p = dateParts(from);
  return t.daysInMonth === 30 ? 30 : daysInMonth(p.year, p.month);
};

// DaysInYearType.getNumberOfDays(fromDate): 'actual' is the length of the from-date's year.
const yearDays = (t: Terms, from: BusinessDate): number =>
  t.daysInYear === 'actual' ? daysInYear(dateParts(from).year) : t.daysInYear;

// calculatePeriodFractions: for 'actual' years, each calendar year's days over its length.
const yearFractions = (m: FineractMath, from: BusinessDate, due: BusinessDate): Decimal => {
  let sum = new Decimal(0);
  let start = from;
  const endYear = dateParts(due).year;
  for (let y = dateParts(from).year; y <= endYear; y++) {
    const end = y === endYear ? due : fromParts({ year: y, month: 12, day: 31 });
    sum = new Decimal(new m.mc(sum).plus(mcDivide(m, new Decimal(daysBetween(start, end)),
      daysInYear(y))));
    start = end;
  }
  return sum;
};

/** The repayment period an interest period lies in, when they differ. */
export interface Within {
  readonly from: BusinessDate;
  readonly due: BusinessDate;
}

/**
 * The rate factor of an interest period, as ProgressiveEMICalculator
 * .calculateRateFactorPerPeriod computes it: annual rate / 100 x (unit days x every / days in
 * year) x actual days / calculated days, each step to 12 significant digits. Actual days are
 * the interest period's, calculated days its repayment period's (`within`, by default itself).
 */
export const rateFactor = (
  t: Terms,
  m: FineractMath,
  from: BusinessDate,
  due: BusinessDate,
  within: Within = { from, due },
): Decimal => {
  const rate = mcDivide(m, t.rateAnnual, 100);
  const days = new Decimal(daysBetween(from, due));
  if (days.isZero()) return new Decimal(0);
  const calculated = new Decimal(daysBetween(within.from, within.due));
  if (t.daysInYear === 'actual' && dateParts(due).year > dateParts(from).year) {
    // rateFactorByRepaymentPartialPeriod: every x fractions, unrounded, then the mc steps.
    const fraction = new Decimal(t.every).times(yearFractions(m, from, due));
    return mcDivide(m, mcMultiply(m, mcMultiply(m, rate, fraction), 1), 1);
  }
  const perPeriod = mcDivide(m, mcMultiply(m, new Decimal(unitDays(t, from)), t.every),
    yearDays(t, from));
  return mcDivide(m, mcMultiply(m, mcMultiply(m, rate, perPeriod), days), calculated);
};
