import { createEventStoreDbStore } from '@usha/eventstoredb';
import {
  ledgerEventSchema, openFileEventStore, type EventStore, type LedgerEvent,
} from '@usha/ledger';
import type { LogSource } from './cliCommand.ts';
import { logFileProblem } from './fileProblem.ts';

/** A log that cannot be opened, in one line that names it. */
export class LogUnreadableError extends Error {
  constructor(readonly problem: string) {
    super(problem);
    this.name = 'LogUnreadableError';
  }
}

/** A log opened for reading, and how to let it go. */
export interface OpenLog {
  readonly store: EventStore<LedgerEvent>;
  readonly close: () => Promise<void>;
}

/**
 * Opens the events for reading: a log file read-only (verified on open; a running ledger may
 * keep writing beside it), or an EventStoreDB database through its connection string. A file
 * that is missing, a directory or unreadable is refused with a `LogUnreadableError`.
 */
export const openLog = async (source: LogSource): Promise<OpenLog> => {
  const problem = source.kind === 'file' ? await logFileProblem(source.file) : undefined;
  if (problem !== undefined) throw new LogUnreadableError(problem);
  const store = source.kind === 'file'
    ? await openFileEventStore({ file: source.file, schema: ledgerEventSchema, mode: 'read-only' })
    : createEventStoreDbStore({
      connectionString: source.connectionString, schema: ledgerEventSchema,
    });
  return { store, close: () => store.close() };
};
