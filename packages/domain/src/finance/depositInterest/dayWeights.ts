import { civilOf, epochDayOf } from '../../dates/civil.ts';

/** The day counts savings interest accepts: a fixed year of days, 'actual', or '30/360'. */
export type SavingsDayCount = 360 | 364 | 365 | 'actual' | '30/360';

/** Every savings day count, in the order an error lists them. */
export const savingsDayCounts: ReadonlyArray<SavingsDayCount> =
  [360, 364, 365, 'actual', '30/360'];

/**
 * A day count as integer weights: interest on a constant balance over days [from, to) is
 * balance x rate x between(from, to) / perYear. Each count is a difference of a potential
 * F(to) - F(from), so weights add up exactly over adjacent spans.
 */
export interface DayWeights {
  readonly perYear: bigint;
  readonly between: (from: number, to: number) => number;
  /** Every day weighs the same (a fixed year): the only case daily compounding accepts. */
  readonly uniform: boolean;
  /** Distinguishes counts with the same perYear in caches. */
  readonly key: string;
}

// 365 x 366: a day weighs 366 in a 365-day year and 365 in a 366-day year, so every year,
// long or short, weighs the same and one denominator serves both.
const BOTH_YEARS = 365 * 366;

const fixedYear = (days: 360 | 364 | 365): DayWeights => ({
  perYear: BigInt(days), between: (from, to) => to - from, uniform: true, key: String(days),
});

// actual/actual on the financial year: a day earns rate / (days of the financial year that
// contains it). A whole financial year at a constant balance earns exactly the rate, as the
// periods of these products close on that year (ICMA's rule for a yearly period).
const actualOnFinancialYear = (fyStartMonth: number): DayWeights => {
  const potential = (t: number): number => {
    const { year, month } = civilOf(t);
    const y = month >= fyStartMonth ? year : year - 1;
    const start = epochDayOf(y, fyStartMonth, 1);
    const length = epochDayOf(y + 1, fyStartMonth, 1) - start;
    return y * BOTH_YEARS + (t - start) * (BOTH_YEARS / length);
  };
  return {
    perYear: BigInt(BOTH_YEARS), between: (from, to) => potential(to) - potential(from),
    uniform: false, key: `actual ${fyStartMonth}`,
  };
};

// 30/360 (30E/360, ISDA 2006 4.16(g), as dates/dayCount.ts days30360): over [from, to) the
// days are 360 (Y2 - Y1) + 30 (M2 - M1) + (min(D2, 30) - min(D1, 30)): each whole month
// counts 30 days, the 30th and 31st together count one and the last of February makes its
// month up to 30.
const thirty360: DayWeights = {
  perYear: 360n,
  between: (from, to) => {
    const a = civilOf(from);
    const b = civilOf(to);
    return 360 * (b.year - a.year) + 30 * (b.month - a.month) +
      Math.min(b.day, 30) - Math.min(a.day, 30);
  },
  uniform: false,
  key: '30/360',
};

/** The weights of a day count; 'actual' years are the financial years from fyStartMonth. */
export const dayWeights = (count: SavingsDayCount, fyStartMonth: number): DayWeights =>
  count === 'actual' ? actualOnFinancialYear(fyStartMonth)
    : count === '30/360' ? thirty360 : fixedYear(count);
