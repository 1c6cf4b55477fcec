const isRecord = (u: unknown): u is Record<string, unknown> =>
  typeof u === 'object' && u !== null && !Array.isArray(u);

/**
 * PenaltyCharged and FeeCharged v1 -> v2. Before version 2 no charge was computed by a rule:
 * every one was typed in by hand, which version 2 says with `rule: null`.
 */
export const chargedByHandV1toV2 = (data: unknown): unknown =>
  isRecord(data) ? { ...data, rule: null } : data;
