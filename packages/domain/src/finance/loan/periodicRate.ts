import { Decimal } from '../../money/decimal.ts';
import {
  addMonths, addWeeks, dateParts, daysBetween, type BusinessDate,
} from '../../dates/businessDate.ts';
import { adjustToSeed, seedDate } from './dueDates.ts';
import { mcDivide, mcMultiply, type FineractMath } from './fineractMath.ts';
import type { Terms } from './types.ts';

/**
 * LoanApplicationTerms.calculatePeriodsInOneYear. Peculiarity matched: a daysInYear of
 * 'actual' counts as 365 (no leap years, and no split of a period across 31 December) in this
 * schedule, since DefaultPaymentPeriodsInOneYearCalculator gives 365 for days; and a
 * same-as-repayment rate divides by 365, 52 or 12 whatever daysInYear says (except for daily
 * repayments).
 */
export const periodsInOneYear = (t: Terms): number => {
  const fixedYear = t.daysInYear === 'actual' ? 365 : t.daysInYear;
  if (t.interestPeriod === 'daily') return fixedYear;
  if (t.frequency === 'days') return fixedYear;
  return t.frequency === 'weeks' ? 52 : 12;
};

/** ChronoUnit.MONTHS.between: whole months, truncated toward zero. */
export const monthsBetween = (a: BusinessDate, b: BusinessDate): number => {
  const p = dateParts(a);
  const q = dateParts(b);
  const packed1 = (p.year * 12 + p.month - 1) * 32 + p.day;
  const packed2 = (q.year * 12 + q.month - 1) * 32 + q.day;
  return Math.trunc((packed2 - packed1) / 32);
};

// The fraction of a period left over is a day ratio Fineract computes in double and reads with
// BigDecimal.valueOf(double); String(number) gives the same shortest decimal. Not an amount.
const dayRatio = (days: number, of: number): Decimal => new Decimal(String(days / of));

/** LoanApplicationTerms.calculatePeriodsBetweenDates (no loan calendar): periods, fractional. */
export const periodsBetweenDates = (t: Terms, a: BusinessDate, b: BusinessDate): Decimal => {
  if (t.frequency === 'days') return new Decimal(daysBetween(a, b));
  if (t.frequency === 'weeks') {
    const weeks = Math.trunc(daysBetween(a, b) / 7);
    return new Decimal(weeks).plus(dayRatio(daysBetween(addWeeks(a, weeks), b), 7));
  }
  const months = monthsBetween(a, b);
  const from = adjustToSeed(addMonths(a, months), seedDate(t), 'months');
  const to = adjustToSeed(addMonths(a, months + 1), seedDate(t), 'months');
  return new Decimal(months).plus(dayRatio(daysBetween(from, b), daysBetween(from, to)));
};

/** How the rate of one period is to be found. */
export interface RateQuery {
  readonly from: BusinessDate;
  readonly to: BusinessDate;
  /** The EMI's rate: repaymentEvery periods, and 30-day months whatever daysInMonth says. */
  readonly forPmt: boolean;
}

/** LoanApplicationTerms.periodicInterestRate: the fraction of principal charged for a period. */
export const periodicRate = (t: Terms, m: FineractMath, q: RateQuery): Decimal => {
  const perYear = periodsInOneYear(t);
  const ratePerUnit = mcDivide(m, mcDivide(m, t.rateAnnual, perYear), 100);
  const daily = t.interestPeriod === 'daily';
  const frequency = q.forPmt || !daily
    ? new Decimal(t.every)
    : periodsBetweenDates(t, q.from, q.to);
  if (!daily) return ratePerUnit.times(frequency);
  const days30 = q.forPmt || t.daysInMonth === 30;
  const days = t.frequency === 'months' && days30
    ? mcMultiply(m, frequency, 30)
    : new Decimal(daysBetween(q.from, q.to));
  return mcMultiply(m, ratePerUnit, days);
};

/**
 * calculateFlatInterestRateForLoanTerm: the rate for the whole term. Daily: the days from
 * disbursement to the last due date; otherwise the loan term in repayment units.
 */
export const flatRateForTerm = (t: Terms, m: FineractMath, lastDue: BusinessDate): Decimal => {
  const ratePerUnit = mcDivide(m, mcDivide(m, t.rateAnnual, periodsInOneYear(t)), 100);
  const units = t.interestPeriod === 'daily'
    ? daysBetween(t.disbursedOn, lastDue)
    : t.repayments * t.every;
  return ratePerUnit.times(units);
};
