// What every handler of the test server shares: the log, counters and injected faults.
import type { ServerErrorResponse } from '@grpc/grpc-js';
import type { EventLog } from './eventLog.ts';

/** How many calls of each method the server has answered or started. */
export interface CallCounts {
  append: number;
  batchAppend: number;
  appendRecords: number;
  read: number;
  subscribe: number;
  delete: number;
  tombstone: number;
  getSupportedMethods: number;
}

/** The state shared by the handlers of one server (it outlives restarts). */
export interface ServerContext {
  readonly log: EventLog;
  readonly calls: CallCounts;
  /** An error every call answers with instead of its result (e.g. not-leader), if any. */
  readonly fault: () => ServerErrorResponse | undefined;
  /** Called after a write is stored; true when the server crashed before answering it. */
  readonly afterWrite: () => boolean;
  /** Registers a long-running call's stop function; returns the unregister. */
  readonly track: (stop: () => void) => () => void;
}

/** Fresh call counters. */
export const zeroCounts = (): CallCounts => ({
  append: 0, batchAppend: 0, appendRecords: 0, read: 0, subscribe: 0, delete: 0, tombstone: 0,
  getSupportedMethods: 0,
});
