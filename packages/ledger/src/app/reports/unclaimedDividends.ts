import type { EventStore } from '../../eventStore/port.ts';
import type { LedgerEvent } from '../log/ledgerEvent.ts';

/** A member's dividend payable in cash and not yet paid. */
export interface UnclaimedDividend {
  readonly memberId: string;
  readonly financialYear: string;
  readonly amount: string;
}

/**
 * Dividends payable in cash and unpaid as of a date (every one when `asOf` is omitted), by
 * member then year. Read from the log: a payment dated after `asOf` leaves its part unclaimed.
 */
export const unclaimedDividends = async (
  store: EventStore<LedgerEvent>, o: { readonly asOf?: string } = {},
): Promise<ReadonlyArray<UnclaimedDividend>> => {
  const open = new Map<string, UnclaimedDividend>();
  for await (const e of store.readAll()) {
    if (e.type !== 'DividendPayableInCash' && e.type !== 'DividendPaidInCash') continue;
    if (o.asOf !== undefined && e.data.on > o.asOf) continue;
    const d = e.data;
    const key = `${d.memberId}\u0000${d.financialYear}`;
    if (e.type === 'DividendPaidInCash') open.delete(key);
    else open.set(key, { memberId: d.memberId, financialYear: d.financialYear, amount: d.amount });
  }
  return [...open.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([, u]) => u);
};
