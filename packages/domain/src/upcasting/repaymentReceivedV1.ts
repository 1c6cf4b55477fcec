const isRecord = (u: unknown): u is Record<string, unknown> =>
  typeof u === 'object' && u !== null && !Array.isArray(u);

/**
 * RepaymentReceived v1 -> v2. Version 1 was written before products could let a member pay
 * ahead: it had no `prepayment`, and it named the penalty part `allocation.penalty`. Version 2
 * adds `prepayment: "0.00"` (v1 refused every excess) and renames the part to `penalties`.
 */
export const repaymentReceivedV1toV2 = (data: unknown): unknown => {
  if (!isRecord(data)) return data;
  const { allocation, ...rest } = data;
  if (!isRecord(allocation)) return data;
  const { penalty, ...parts } = allocation;
  return { ...rest, allocation: { penalties: penalty, ...parts }, prepayment: '0.00' };
};
