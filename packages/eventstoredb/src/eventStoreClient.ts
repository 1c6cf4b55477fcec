// What the adapter uses of a gRPC client, described here rather than imported, so that both
// `EventStoreDBClient` (@eventstore/db-client 6.2.1) and `KurrentDBClient`
// (@kurrent/kurrentdb-client 1.x, its successor over the same protocol) satisfy it as they are.
// Only types are described: a value imported from either package would load its generated
// protobuf classes, which are global to the process and would replace the other's.

/** A position in $all, as both clients give it. */
export interface ClientPosition {
  readonly commit: bigint;
  readonly prepare: bigint;
}

/** A recorded event, as both clients give it (data parsed if JSON, bytes otherwise). */
export interface ClientRecordedEvent {
  readonly streamId: string;
  readonly id: string;
  readonly revision: bigint;
  readonly type: string;
  readonly data: unknown;
  readonly metadata: unknown;
  readonly created: Date;
  readonly position?: ClientPosition | undefined;
}

/** An item of a read or a subscription; `event` is absent for an unresolved link. */
export interface ClientResolvedEvent {
  readonly event?: ClientRecordedEvent | undefined;
}

/** An event to append: our JSON, with metadata as bytes the client sends unchanged. */
export interface ClientEventData {
  readonly id: string;
  readonly type: string;
  readonly contentType: 'application/json';
  readonly data: Record<string, unknown>;
  /** Absent: none (a command claim carries none). */
  readonly metadata: Uint8Array | undefined;
}

/** The expected state of a stream for an append (the same values in both clients). */
export type ClientStreamState = 'any' | 'no_stream' | 'stream_exists' | bigint;

/**
 * An append's options. The expected state is named `expectedRevision` by @eventstore/db-client
 * and `streamState` by @kurrent/kurrentdb-client; each ignores the other's name, so the
 * adapter always gives both.
 */
export interface ClientAppendOptions {
  readonly expectedRevision: ClientStreamState;
  readonly streamState: ClientStreamState;
}

/** The answer to an append. */
export interface ClientAppendResult {
  readonly success: boolean;
  readonly nextExpectedRevision: bigint;
  readonly position?: ClientPosition | undefined;
}

/** Where a read starts: the clients' `START` and `END` are these very strings. */
export type ClientFrom<P> = 'start' | 'end' | P;

/** A read in progress. @eventstore/db-client's can be cancelled; KurrentDB's is an iterator. */
export type ClientRead = AsyncIterable<ClientResolvedEvent> & {
  readonly cancel?: () => Promise<void>;
};

/** A live $all subscription: a Readable of resolved events in both clients. */
export interface ClientSubscription {
  on(event: 'confirmation' | 'caughtUp', listener: () => void): unknown;
  on(event: 'data', listener: (resolved: ClientResolvedEvent) => void): unknown;
  on(event: 'error' | 'close', listener: (error?: unknown) => void): unknown;
  pause(): unknown;
  resume(): unknown;
  isPaused(): boolean;
  readonly readableLength: number;
  readonly destroyed: boolean;
  unsubscribe(): Promise<void>;
  destroy(): unknown;
}

/**
 * A record of an atomic multi-stream append (KurrentDB's AppendRecords, client 1.2 and later):
 * its metadata is a flat object of strings, which the server keeps as the record's properties
 * and shows to a read as metadata JSON.
 */
export interface ClientAppendRecord {
  readonly streamName: string;
  readonly record: {
    readonly id: string;
    readonly type: string;
    readonly contentType: 'application/json';
    readonly data: Record<string, unknown>;
    readonly metadata: Readonly<Record<string, string>>;
  };
}

/** A check of one stream's state that an AppendRecords commits on, or refuses. */
export interface ClientConsistencyCheck {
  /** The KurrentDB client's `STREAM_STATE`. */
  readonly type: 'stream_state';
  readonly streamName: string;
  readonly expectedState: ClientStreamState;
}

/** The answer to an AppendRecords: each stream's revision and the commit position. */
export interface ClientAppendRecordsResult {
  readonly position: bigint;
  readonly responses: readonly { readonly streamName: string; readonly revision: bigint }[];
}

/** What the adapter calls on a client (method syntax: each client's overloads fit it). */
export interface EventStoreClient {
  /**
   * KurrentDB's atomic append with consistency checks on any stream (the KurrentDB client
   * 1.2 and later, against KurrentDB 26.1 and later); absent in @eventstore/db-client. Used
   * only by a store made with `appendConditions: 'atomic'`.
   */
  appendRecords?(records: ClientAppendRecord[], checks?: ClientConsistencyCheck[]):
    Promise<ClientAppendRecordsResult>;
  appendToStream(stream: string, events: ClientEventData[], options: ClientAppendOptions):
    Promise<ClientAppendResult>;
  readStream(stream: string, options?: {
    readonly direction?: 'forwards' | 'backwards';
    readonly fromRevision?: ClientFrom<bigint>;
    readonly maxCount?: number | bigint;
  }): ClientRead;
  readAll(options?: {
    readonly direction?: 'forwards' | 'backwards';
    readonly fromPosition?: ClientFrom<ClientPosition>;
    readonly maxCount?: number | bigint;
  }): ClientRead;
  subscribeToAll(options?: { readonly fromPosition?: ClientFrom<ClientPosition> }):
    ClientSubscription;
  dispose(): Promise<void>;
}

/** The clients' error `type` values the adapter acts on. */
export type ClientErrorType = 'stream-not-found' | 'wrong-expected-version'
  | 'append-consistency-violation' | 'unsupported';

/** Whether a client error is of `type`: by its field, as classes differ between the clients. */
export const isClientError = (e: unknown, type: ClientErrorType): boolean =>
  typeof e === 'object' && e !== null && Reflect.get(e, 'type') === type;
