const isRecord = (u: unknown): u is Record<string, unknown> =>
  typeof u === 'object' && u !== null && !Array.isArray(u);

/** The terms a loan disbursed before version 2 was computed under, said out loud. */
export const termsBeforeScheduleChanges = {
  scheduleType: 'cumulative', downPaymentPercent: '0', interestRecalculation: 'none',
  maxTranches: 1,
} as const;

/**
 * LoanDisbursed v1 -> v2. Version 1 was written before tranches, rescheduling, recalculation,
 * top-ups, progressive schedules and down payments: every such loan was paid out at once on a
 * cumulative schedule with no down payment, never recomputed, and was no top-up. Reading it
 * with exactly those settings keeps its schedule and every decision taken on it as they were.
 */
export const loanDisbursedV1toV2 = (data: unknown): unknown => {
  if (!isRecord(data)) return data;
  const { terms } = data;
  return {
    ...data,
    terms: isRecord(terms) ? { ...terms, ...termsBeforeScheduleChanges } : terms,
    topUpOf: null,
  };
};
