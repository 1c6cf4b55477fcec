import { comparePosition, type Position } from '../../eventStore/position.ts';
import type { EventStore, RecordedEvent } from '../../eventStore/port.ts';
import type { LedgerEvent } from '../log/ledgerEvent.ts';

/**
 * Reads, in log order, what was stored after the position `last()` returns, showing each event
 * to `observe`; calls made while one runs share it. How a Ledger learns what another writer
 * (another Ledger on the same store, another app instance) stored since it opened.
 */
export const readsFrom = (
  store: EventStore<LedgerEvent>, last: () => Position | undefined,
  observe: (e: RecordedEvent<LedgerEvent>) => void,
): (() => Promise<void>) => {
  let running: Promise<void> | undefined;
  const run = async () => {
    const from = last();
    for await (const e of store.readAll(from === undefined ? {} : { from })) {
      // `from` is inclusive: the event at it was seen already.
      if (from !== undefined && comparePosition(e.position, from) <= 0) continue;
      observe(e);
    }
  };
  return () => (running ??= run().finally(() => { running = undefined; }));
};
