import type { Position } from './position.ts';

/** What every event has before a store records it; a schema narrows it to a catalogue. */
export interface EventShape {
  readonly type: string;
  readonly data: unknown;
  readonly metadata: unknown;
}

/** A command id claimed for one request: where its events go and the hash of the request. */
export interface CommandClaim {
  readonly commandId: string;
  readonly commandType: string;
  readonly stream: string;
  readonly commandHash: string;
}

/** An event to append: the caller chooses its id (a UUID), so that a retry is recognised. */
export type NewEvent<E extends EventShape> = E & { readonly eventId: string };

/** An event as a store recorded it. */
export type RecordedEvent<E extends EventShape> = E & {
  readonly eventId: string;
  readonly stream: string;
  /** 0 for the first event of a stream, then +1 for each event. */
  readonly revision: bigint;
  readonly position: Position;
  readonly recordedAt: Date;
};

/**
 * The revision the caller believes the stream is at: `'no_stream'` (it must not exist),
 * `'stream_exists'`, `'any'` (no check), or the exact revision of its last event.
 */
export type ExpectedRevision = 'no_stream' | 'any' | 'stream_exists' | bigint;

/** What an append returns: the stream's revision after it, and the last event's position. */
export interface AppendResult {
  readonly nextExpectedRevision: bigint;
  readonly position: Position;
}

export type Direction = 'forwards' | 'backwards';

/**
 * Another stream an append is conditioned on: the append happens only if that stream is still
 * at `revision` (its last event's; `'no_stream'`: it has no events), checked with the append.
 */
export interface AppendCondition {
  readonly stream: string;
  readonly revision: bigint | 'no_stream';
}

/**
 * How a store checks an append's conditions. `'atomic'`: in the same step as the append, so
 * no write to a condition stream can come between (memory, file). `'checked-before'`: read
 * just before the append is sent, so a write in between goes unseen (EventStoreDB).
 */
export type AppendConditionSupport = 'atomic' | 'checked-before';

export interface AppendOptions {
  /** Defaults to `'any'`. */
  readonly expectedRevision?: ExpectedRevision;
  /**
   * Other streams that must still be at the given revisions, or ConditionFailedError and
   * nothing written. Only for a store with `appendConditions`; others refuse them.
   */
  readonly conditions?: readonly AppendCondition[];
}

export interface ReadStreamOptions {
  /** Inclusive. Defaults to `'start'` forwards and `'end'` backwards. */
  readonly fromRevision?: bigint | 'start' | 'end';
  readonly direction?: Direction;
  /** At most this many events; defaults to all. */
  readonly maxCount?: number;
  /**
   * A hint that a stream with no events may be read as empty instead of throwing
   * StreamNotFoundError (no error, no stack trace). A store may ignore it and throw, so a
   * caller that passes it still catches StreamNotFoundError. Defaults to throwing.
   */
  readonly notFoundAsEmpty?: boolean;
}

export interface ReadAllOptions {
  /** Inclusive. Defaults to `'start'` forwards and `'end'` backwards. */
  readonly from?: Position | 'start' | 'end';
  readonly direction?: Direction;
  readonly maxCount?: number;
}

export interface SubscribeOptions {
  /** Exclusive checkpoint: the position of the last event already handled. */
  readonly from?: Position | 'start' | 'end';
  /** Ends the subscription (the iterable then finishes). */
  readonly signal?: AbortSignal;
}

/** A subscription delivers events, and once, when it has read everything there was. */
export type SubscriptionMessage<E extends EventShape> =
  { readonly kind: 'event'; readonly event: RecordedEvent<E> } | { readonly kind: 'caught-up' };

/**
 * The event-store port. Every store (in-memory, file, EventStoreDB) passes the contract suite
 * in `@usha/testing`. Reads and subscriptions are lazy: errors are thrown while iterating.
 */
export interface EventStore<E extends EventShape> {
  /**
   * How far an event id is unique. `'store'`: an id stored in any stream is refused in every
   * other (EventIdConflictError naming the stream that holds it), so a command, whose event ids
   * derive from its id, is stored at most once in the whole store. `'stream'` (the default, as
   * EventStoreDB): unique per stream only; the Ledger then claims each command id first (see
   * `claimCommandId`).
   */
  readonly eventIdScope?: 'store' | 'stream';
  /**
   * Claims a command id for one request, once for the whole store, for stores whose event ids
   * are unique per stream only: the first claim wins and is kept; a later claim of the same id
   * returns the claim that won. See docs/reference/event-store.md.
   */
  readonly claimCommandId?: (claim: CommandClaim) => Promise<CommandClaim>;
  /**
   * How the store checks `AppendOptions.conditions`; absent: it takes none (an append given
   * some is refused with InvalidAppendError). See docs/reference/event-store.md.
   */
  readonly appendConditions?: AppendConditionSupport;
  /** Appends all events to one stream, or none of them. */
  readonly appendToStream: (
    stream: string,
    events: readonly NewEvent<E>[],
    options?: AppendOptions,
  ) => Promise<AppendResult>;
  /** Reads one stream; throws StreamNotFoundError if it has no events. */
  readonly readStream: (
    stream: string,
    options?: ReadStreamOptions,
  ) => AsyncIterable<RecordedEvent<E>>;
  /** Reads every stream in the global order. */
  readonly readAll: (options?: ReadAllOptions) => AsyncIterable<RecordedEvent<E>>;
  /** Catches up from a checkpoint, says so, then delivers new events as they are appended. */
  readonly subscribeToAll: (options?: SubscribeOptions) => AsyncIterable<SubscriptionMessage<E>>;
  /** Waits for appends in flight, then refuses everything with StoreClosedError. */
  readonly close: () => Promise<void>;
}
