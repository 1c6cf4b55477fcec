import type { DepositEvent } from '../deposit/events.ts';
import { evolveDeposit, initialDepositState } from '../deposit/state.ts';
import type { DatedBalance } from './belowMinimumBalanceCharges.ts';

/**
 * The balance after each event that moved it, in stream order, dated the stream's latest
 * date then: an interest posting dated its period's end after later events counts from when
 * it was recorded, so the dates never go back (belowMinimumBalanceCharges reads them in order).
 * @example datedBalances([opened, deposited1000]) // [{ on: '2025-04-10', balance: 100000n }]
 */
export const datedBalances = (events: Iterable<DepositEvent>): ReadonlyArray<DatedBalance> => {
  const out: DatedBalance[] = [];
  let s = initialDepositState;
  for (const e of events) {
    const before = s.status === 'none' ? 0n : s.balance;
    s = evolveDeposit(s, e);
    if (s.status !== 'none' && s.balance !== before) {
      out.push({ on: s.lastOn, balance: s.balance });
    }
  }
  return out;
};

/** What a deposit account's ApplyDepositCharges is decided with, besides its state. */
export interface DepositChargeFacts {
  /** The account's balances by date (datedBalances), read up to the state's revision. */
  readonly balances: ReadonlyArray<DatedBalance>;
}
