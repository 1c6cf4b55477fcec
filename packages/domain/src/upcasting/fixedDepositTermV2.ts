const isRecord = (u: unknown): u is Record<string, unknown> =>
  typeof u === 'object' && u !== null && !Array.isArray(u);

/**
 * FixedDepositOpened v2 -> v3. Version 2 counted every term in months (`termMonths`);
 * version 3 names the unit (`term`, `termUnit`), as terms in days, weeks or years came in.
 * A v2 term of n months is a v3 term of n months: the maturity date written stays right.
 */
export const fixedDepositTermV2toV3 = (data: unknown): unknown => {
  if (!isRecord(data) || !Object.hasOwn(data, 'termMonths')) return data;
  const { termMonths, ...rest } = data;
  return { ...rest, term: termMonths, termUnit: 'months' };
};
