/** How often interest is compounded or posted (Fineract's period types, weekly aside). */
export type PeriodType = 'daily' | 'monthly' | 'quarterly' | 'half-yearly' | 'yearly';

export const periodTypes: ReadonlyArray<PeriodType> =
  ['daily', 'monthly', 'quarterly', 'half-yearly', 'yearly'];

/** Periods per year of a type other than daily. */
export const periodsPerYear = { monthly: 12, quarterly: 4, 'half-yearly': 2, yearly: 1 } as const;
