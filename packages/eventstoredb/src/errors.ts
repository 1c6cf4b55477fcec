// Errors of the EventStoreDB adapter beyond the port's own, on the port's base class.
import { EventStoreError } from '@usha/ledger';

/**
 * EventStoreDB could not be reached or could not answer (down, restarting, no leader yet).
 * The operation may or may not have taken effect: retry it with the same event ids and the same
 * expected revision, and the store answers with the original result if it had.
 */
export class StoreUnavailableError extends EventStoreError {
  constructor(
    readonly detail: string,
    override readonly cause?: unknown,
  ) {
    super('store_unavailable', `EventStoreDB is unavailable: ${detail}`);
  }
}

/** EventStoreDB refused an operation for a reason the port has no name for. */
export class EventStoreDbError extends EventStoreError {
  constructor(
    readonly exception: string,
    readonly detail: string,
    override readonly cause?: unknown,
  ) {
    super('eventstoredb_error', `EventStoreDB refused the operation (${exception}): ${detail}`);
  }
}
