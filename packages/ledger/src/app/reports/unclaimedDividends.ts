import type { EventStore } from '../../eventStore/port.ts';
import { comparePosition, type Position } from '../../eventStore/position.ts';
import type { LedgerEvent } from '../log/ledgerEvent.ts';

/** A member's dividend payable in cash and not yet paid. */
export interface UnclaimedDividend {
  readonly memberId: string;
  readonly financialYear: string;
  readonly amount: string;
}

/** Which unclaimed dividends: as of a business date, as known at a log position. */
export interface UnclaimedDividendOptions {
  readonly asOf?: string;
  readonly asKnownAt?: Position;
}

/**
 * Dividends payable in cash (recorded so, or credited to a savings account that closed first
 * and redirected to cash) and unpaid as of a date (every one when `asOf` is omitted), by
 * member then year, as the log stood at `asKnownAt` (all of it when omitted). Read from the
 * log: a payment dated after `asOf`, or stored after `asKnownAt`, leaves its part unclaimed.
 */
export const unclaimedDividends = async (
  store: EventStore<LedgerEvent>, o: UnclaimedDividendOptions = {},
): Promise<ReadonlyArray<UnclaimedDividend>> => {
  const open = new Map<string, UnclaimedDividend>();
  for await (const e of store.readAll()) {
    if (o.asKnownAt !== undefined && comparePosition(e.position, o.asKnownAt) > 0) break;
    if (e.type !== 'DividendPayableInCash' && e.type !== 'DividendRedirectedToCash'
      && e.type !== 'DividendPaidInCash') continue;
    if (o.asOf !== undefined && e.data.on > o.asOf) continue;
    const d = e.data;
    const key = `${d.memberId}\u0000${d.financialYear}`;
    if (e.type === 'DividendPaidInCash') open.delete(key);
    else open.set(key, { memberId: d.memberId, financialYear: d.financialYear, amount: d.amount });
  }
  return [...open.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([, u]) => u);
};
