import type { AllocationOrder, Component } from '../products/allocationOrder.ts';
import { minBig } from '../shared/guards.ts';
import type { Dues } from './dues.ts';

/** A repayment shared out; the parts and `unallocated` sum to the amount. */
export interface AllocationResult {
  readonly parts: Readonly<Record<Component, bigint>>;
  readonly unallocated: bigint;
}

/**
 * Shares `amount` out over what is due, component by component in the product's order, each
 * taking all it can before the next gets anything.
 */
export const allocate = (order: AllocationOrder, dues: Dues, amount: bigint): AllocationResult => {
  const parts: Record<Component, bigint> = { penalties: 0n, fees: 0n, interest: 0n, principal: 0n };
  let left = amount;
  for (const c of order) {
    parts[c] = minBig(left, dues[c]);
    left -= parts[c];
  }
  return { parts, unallocated: left };
};
