import type { ExpectedRevision } from './port.ts';

const showExpected = (e: ExpectedRevision): string => (typeof e === 'bigint' ? `${e}` : e);

/** Base of every error a store throws; `code` tells them apart without instanceof. */
export class EventStoreError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = new.target.name;
  }
}

/** The stream was not at the revision the caller expected. */
export class WrongExpectedVersionError extends EventStoreError {
  constructor(
    readonly stream: string,
    readonly expected: ExpectedRevision,
    readonly actual: bigint | 'no_stream',
  ) {
    super(
      'wrong_expected_version',
      `stream ${stream}: expected revision ${showExpected(expected)}, actual ${actual}`,
    );
  }
}

/** The stream has no events. */
export class StreamNotFoundError extends EventStoreError {
  constructor(readonly stream: string) {
    super('stream_not_found', `stream ${stream} not found`);
  }
}

/** The events of one append are larger than the store accepts; nothing was written. */
export class AppendTooLargeError extends EventStoreError {
  constructor(
    readonly stream: string,
    readonly sizeBytes: number,
    readonly maxBytes: number,
    /** `sizeBytes` is a least size (counted before the events were written), not the size. */
    readonly atLeast = false,
  ) {
    super('append_too_large',
      `append to ${stream} is ${atLeast ? 'at least ' : ''}${sizeBytes} bytes, over ${maxBytes}`);
  }
}

/** The store was closed, or stopped after a write it could not confirm. */
export class StoreClosedError extends EventStoreError {
  constructor(readonly reason: string = 'the store is closed') {
    super('store_closed', reason);
  }
}

/** Where in a log damage was found. Lines count from 1; offsets are bytes from 0. */
export interface CorruptionSite {
  readonly file: string;
  readonly line: number;
  readonly offset: number;
}

/** The stored log is damaged; the store will not open it. */
export class StoreCorruptError extends EventStoreError {
  constructor(
    readonly where: CorruptionSite,
    readonly reason: string,
  ) {
    super('store_corrupt', `${where.file}: line ${where.line} (byte ${where.offset}): ${reason}`);
  }
}

/** Another process holds the log open for writing. */
export class StoreLockedError extends EventStoreError {
  constructor(
    readonly file: string,
    readonly detail: string,
  ) {
    super('store_locked', `${file} is open for writing by another process (${detail})`);
  }
}

/** An event does not match its codec, on the way in or on the way out. */
export class InvalidEventError extends EventStoreError {
  constructor(
    readonly stream: string,
    readonly revision: bigint | undefined,
    readonly eventType: string,
    readonly field: string,
    readonly detail: string,
  ) {
    const at = revision === undefined ? '' : ` revision ${revision}`;
    super(
      'invalid_event',
      `stream ${stream}${at}, event ${eventType}: field ${field || '(root)'}: ${detail}`,
    );
  }
}

/** An event id is already stored in the stream with other content, or not as a whole retry. */
export class EventIdConflictError extends EventStoreError {
  constructor(
    readonly stream: string,
    readonly eventId: string,
    readonly detail: string,
  ) {
    super('event_id_conflict', `stream ${stream}, event ${eventId}: ${detail}`);
  }
}

/** The append itself is malformed: no events, a bad stream name or event id. */
export class InvalidAppendError extends EventStoreError {
  constructor(
    readonly stream: string,
    readonly detail: string,
  ) {
    super('invalid_append', `append to ${stream}: ${detail}`);
  }
}

/**
 * A read's or subscription's options are of none of the port's forms, or cannot be read (a
 * getter that throws); nothing was read. `detail` names the option.
 */
export class InvalidReadError extends EventStoreError {
  constructor(readonly detail: string) {
    super('invalid_read', `read: ${detail}`);
  }
}

/**
 * A stream the append was conditioned on is no longer at the revision given (see
 * `AppendOptions.conditions`); nothing was written. Distinct from the target's own conflict
 * (WrongExpectedVersionError): `stream` is the target, `conditionStream` the one that moved.
 */
export class ConditionFailedError extends EventStoreError {
  constructor(
    readonly stream: string,
    readonly conditionStream: string,
    readonly expected: bigint | 'no_stream',
    readonly actual: bigint | 'no_stream',
  ) {
    super(
      'condition_failed',
      `append to ${stream}: condition on ${conditionStream}: expected revision ${expected}, ` +
        `actual ${actual}`,
    );
  }
}
