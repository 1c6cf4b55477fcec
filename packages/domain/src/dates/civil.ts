// Integer calendar arithmetic on epoch days (days since 1970-01-01), after Howard Hinnant's
// algorithms. Period boundaries and day counts are walked with these rather than with date
// strings, so that a boundary costs a few integer operations, not a parse.

/** Epoch day of a civil date; month 1-12, day 1-31 (not checked). */
export const epochDayOf = (year: number, month: number, day: number): number => {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const doy = Math.floor((153 * (month + (month > 2 ? -3 : 9)) + 2) / 5) + day - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
};

/** Year, month (1-12) and day of an epoch day (Hinnant's civil_from_days). */
export const civilOf = (n: number): { year: number; month: number; day: number } => {
  const z = n + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) -
    Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const day = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  return { year: yoe + era * 400 + (month <= 2 ? 1 : 0), month, day };
};

/** Year and month (1-12) of an epoch day. */
export const yearMonthOf = (n: number): { year: number; month: number } => civilOf(n);

/** Epoch day of the last day of a month; month may run past 12 (13 = January next year). */
export const lastDayOfMonth = (year: number, month: number): number => {
  const index = year * 12 + (month - 1) + 1;
  return epochDayOf(Math.floor(index / 12), (index % 12) + 1, 1) - 1;
};
