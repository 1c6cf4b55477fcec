// The EventStoreDB adapter of the event-store port.
import { createRequire } from 'node:module';
import { InvalidAppendError, StoreClosedError, StoreOptionsError } from '@usha/ledger';
import type { EventSchema, EventShape, EventStore } from '@usha/ledger';
import { appendEvents } from './appendEvents.ts';
import { claimCommandId } from './commandClaims.ts';
import type { EventStoreClient } from './eventStoreClient.ts';
import type { BackoffPolicy } from './resubscribeBackoff.ts';
import {
  checkedAppendConditions, checkedCacheMaxEvents, checkedClient, checkedOnResubscribe,
  checkedResubscribe, checkedStreamPrefix,
} from './adapterOptions.ts';
import { readAllEvents, readStreamEvents } from './readEvents.ts';
import { createStreamCache } from './streamCache.ts';
import { streamNames } from './streamNames.ts';
import {
  checkedMaxAppendBytes, checkedSchema, readOptionFields, streamLocks, takeAppendOptions,
  type RefuseOption,
} from './ledgerInternals.ts';
import { subscribeAllEvents } from './subscribeAll.ts';
import type { ResubscribeInfo, SubscribeContext } from './subscribeAll.ts';

/**
 * How to reach EventStoreDB: a connection string (`esdb://`, for @eventstore/db-client), or a
 * client the caller owns: an `EventStoreDBClient` or a KurrentDB `KurrentDBClient`.
 */
export type EventStoreDbConnection =
  | {
    /** e.g. `esdb://localhost:2113?tls=false`, or `esdb+discover://...` for a cluster. */
    readonly connectionString: string;
    readonly client?: undefined;
  }
  | { readonly client: EventStoreClient; readonly connectionString?: undefined };

/** Options of the EventStoreDB store. */
export type EventStoreDbStoreOptions<E extends EventShape> = EventStoreDbConnection & {
  readonly schema: EventSchema<E>;
  /** Largest append, in UTF-8 bytes of data and metadata JSON. Default 1 MiB (the server's). */
  readonly maxAppendBytes?: number;
  /** Told before each resubscription of a dropped subscription; log it. */
  readonly onResubscribe?: (info: ResubscribeInfo) => void;
  /**
   * How a dropped subscription is retried (`defaultBackoff` for a field left out): delays a
   * whole number of milliseconds from 0 to 2^31 - 1, `maxAttempts` a whole number from 0.
   */
  readonly resubscribe?: Partial<BackoffPolicy>;
  /**
   * Prefix of every stream this store writes and reads (several ledgers in one database):
   * printable, no whitespace, no leading `$`, at most 100 characters.
   */
  readonly streamPrefix?: string;
  /**
   * Event ids remembered to recognise retries without reading streams back: a whole number
   * from 0 to 16,000,000. Default 100,000.
   */
  readonly cacheMaxEvents?: number;
  /**
   * How an append's conditions (facts read from other streams) are checked. `'checked-before'`
   * (the default, any client and server): each condition stream's revision is read just before
   * the append, which leaves a window a round trip wide. `'atomic'`: the append is sent as one
   * KurrentDB AppendRecords whose consistency checks are its own stream's revision and every
   * condition's, so the server commits it only if none moved: no window. Needs a `client` with
   * `appendRecords` (@kurrent/kurrentdb-client 1.2 or later) and KurrentDB 26.1 or later.
   */
  readonly appendConditions?: 'checked-before' | 'atomic';
};

type DbClientModule = typeof import('@eventstore/db-client');

// @eventstore/db-client is loaded only when a connection string asks for it: its generated
// protobuf classes are global to the process, and loaded beside a KurrentDB client they
// replace that client's own (its appends then fail inside the client).
// The client's parser warns on the console of an option it ignores, quoting the whole
// connection string, password and all, under the warning: only the warning's first line (its
// words, quoting the key alone) is passed on. The parse is synchronous, so the console is
// the client's only for its duration.
const clientFor = (connectionString: string): EventStoreClient => {
  const loaded: DbClientModule = createRequire(import.meta.url)('@eventstore/db-client');
  const warn = console.warn;
  const heard: string[] = [];
  console.warn = (...said: unknown[]) => { heard.push(String(said[0]).split('\n')[0] ?? ''); };
  try {
    return loaded.EventStoreDBClient.connectionString(connectionString);
  } finally {
    console.warn = warn;
    for (const line of heard) console.warn(`EventStoreDB client: ${line}`);
  }
};

/**
 * Opens the event store over EventStoreDB (KurrentDB). Revisions and positions are bigint;
 * positions keep both commit and prepare. A store built from a connection string owns its
 * client and disposes it on close; a given client is left open.
 * @example createEventStoreDbStore({ connectionString: 'esdb://localhost:2113?tls=false',
 *   schema })
 */
export const createEventStoreDbStore = <E extends EventShape>(
  options: EventStoreDbStoreOptions<E>,
): EventStore<E> => {
  // Each field read once (a getter, a proxy), as the other stores read theirs, and checked
  // before a client is made: NaN or Infinity would lift the limit, not set it.
  const refuse: RefuseOption = (field, reason) => {
    throw new StoreOptionsError('EventStoreDB store', field, reason);
  };
  const read = readOptionFields(options, ['client', 'connectionString', 'schema',
    'maxAppendBytes', 'onResubscribe', 'resubscribe', 'streamPrefix', 'cacheMaxEvents',
    'appendConditions'], refuse);
  const schema = checkedSchema<E>(read.schema, refuse);
  const maxAppendBytes = checkedMaxAppendBytes(read.maxAppendBytes, 1_048_576, refuse);
  const given = checkedClient(read.client, refuse);
  const prefix = checkedStreamPrefix(read.streamPrefix, refuse);
  const cacheMaxEvents = checkedCacheMaxEvents(read.cacheMaxEvents, refuse);
  const backoff = checkedResubscribe(read.resubscribe, refuse);
  const onResubscribe = checkedOnResubscribe<(info: ResubscribeInfo) => void>(
    read.onResubscribe, refuse);
  const conditions = checkedAppendConditions(read.appendConditions, given, refuse);
  const owned = given === undefined;
  if (owned && typeof read.connectionString !== 'string') {
    refuse('connectionString', 'not a string, and no client given');
  }
  const client = given ?? ownClient(String(read.connectionString), refuse);
  const closing = new AbortController();
  const inFlight = new Set<Promise<unknown>>();
  let closed = false;
  const refuseIfClosed = () => {
    if (closed) throw new StoreClosedError();
  };
  const names = streamNames(prefix);
  const cache = createStreamCache(client, cacheMaxEvents);
  const ctx: SubscribeContext<E> = {
    client,
    schema,
    names,
    refuseIfClosed,
    backoff,
    onResubscribe: onResubscribe ?? (() => undefined),
    closed: closing.signal,
  };
  const locks = streamLocks();
  const appendCtx = {
    client, schema, cache,
    maxAppendBytes, maxAttempts: 3,
    toServer: names.toServer,
    conditions,
  };

  return {
    eventIdScope: 'stream',
    // EventStoreDB has no multi-stream condition: conditions are read just before the append,
    // unless KurrentDB's AppendRecords checks them in the append itself.
    appendConditions: conditions,
    claimCommandId: async (claim) => {
      refuseIfClosed();
      const p = claimCommandId(client, names, claim);
      inFlight.add(p);
      try {
        return await p;
      } finally {
        inFlight.delete(p);
      }
    },
    appendToStream: async (stream, events, o) => {
      refuseIfClosed();
      // The name checked before it is used, the options read once: only this copy is used.
      const taken = takeAppendOptions(stream, o);
      if (taken instanceof InvalidAppendError) throw taken;
      // Conditions read just before the append: holding the condition streams as well keeps
      // this store's own appends to them out of that gap (other processes' are not). Checked
      // by the server in the append (atomic), they need no hold: appends conditioned on one
      // stream (every deposit on the society's) are then not queued behind each other.
      const held = conditions === 'atomic' ? [stream]
        : [stream, ...(taken.conditions ?? []).map((c) => c.stream)];
      const p = locks.holding(held, () => appendEvents(appendCtx, names.toServer(stream), {
        events, expected: taken.expectedRevision, label: stream,
        conditions: taken.conditions }));
      inFlight.add(p);
      try {
        return await p;
      } finally {
        inFlight.delete(p);
      }
    },
    readStream: (stream, o) => readStreamEvents(ctx, stream, o),
    readAll: (o) => readAllEvents(ctx, o),
    subscribeToAll: (o) => subscribeAllEvents(ctx, o),
    close: async () => {
      if (closed) return;
      closed = true;
      await Promise.allSettled([...inFlight]);
      closing.abort();
      if (owned) await client.dispose();
    },
  };
};

// The client made from a connection string: one the client library cannot parse is refused
// as the store's option, naming the field (its own ParseError told nothing of where).
const ownClient = (connectionString: string, refuse: (field: string, reason: string) => never) => {
  try {
    return clientFor(connectionString);
  } catch (e) {
    return refuse('connectionString', `not a connection string the client reads (${
      e instanceof Error ? e.message.split('\n')[0] ?? e.name : typeof e})`);
  }
};
