const isRecord = (u: unknown): u is Record<string, unknown> =>
  typeof u === 'object' && u !== null && !Array.isArray(u);

/**
 * DividendDeclared v1 -> v2. Version 1 listed every member's part in `parts`, which made the
 * event grow with the membership past a store's append limit; version 2 records them in
 * DividendAllocated batches and says so in `allocation`. A version 1 declaration keeps its
 * parts, now as `allocation: { kind: 'inline', parts }`: nothing is recomputed or dropped.
 */
export const dividendDeclaredV1toV2 = (data: unknown): unknown => {
  if (!isRecord(data)) return data;
  const { parts, ...rest } = data;
  if (parts === undefined) return data;
  return { ...rest, allocation: { kind: 'inline', parts } };
};
