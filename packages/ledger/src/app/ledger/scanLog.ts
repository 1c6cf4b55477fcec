import type { EventStore } from '../../eventStore/port.ts';
import type { LedgerEvent, StreamEvent } from '../log/ledgerEvent.ts';

/**
 * Reads the whole log once, in order, showing each event to `observe`: how the Ledger learns at
 * open which commands are stored (for retries) and which streams are each member's.
 */
export const scanLog = async (
  store: EventStore<LedgerEvent>, observe: (e: StreamEvent) => void,
): Promise<number> => {
  let n = 0;
  for await (const e of store.readAll()) {
    observe(e);
    n += 1;
  }
  return n;
};
