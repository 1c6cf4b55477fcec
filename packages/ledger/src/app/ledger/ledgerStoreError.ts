import type { EventShape, EventStore } from '../../eventStore/port.ts';

/** The store cannot keep a command id to one request: the Ledger will not open over it. */
export class LedgerStoreError extends Error {
  override readonly name = 'LedgerStoreError';
}

/**
 * Refuses a store that can neither refuse an event id stored in another stream nor claim a
 * command id: over it, one command id could be stored twice (in two streams, or by two app
 * instances), and a retry could not be told from another request.
 */
export const requireUniqueCommandIds = <E extends EventShape>(store: EventStore<E>): void => {
  if (store.eventIdScope === 'store' || store.claimCommandId !== undefined) return;
  throw new LedgerStoreError('the store must keep event ids unique across streams '
    + "(eventIdScope: 'store') or claim command ids (claimCommandId)");
};
