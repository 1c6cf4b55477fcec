// Appending through EventStoreDB with the port's guarantees. Every append the server sees
// carries an explicit expected revision (or no_stream), pinned from the adapter's view of the
// stream: then a retry after a lost answer is deduplicated by the server, and two writers
// racing for one revision cannot both win. The view is a cache (see streamCache.ts); it is
// read back from the server only when the server says the stream moved, when the cache says
// the caller's expectation is wrong (to be sure), or after an append whose answer was lost.
import { isClientError } from './eventStoreClient.ts';
import type { ClientConsistencyCheck, EventStoreClient } from './eventStoreClient.ts';
import {
  AppendTooLargeError, ConditionFailedError, InvalidAppendError, isStorableStreamName,
  WrongExpectedVersionError,
} from '@usha/ledger';
import type {
  AppendCondition, AppendResult, EventSchema, EventShape, ExpectedRevision, NewEvent,
} from '@usha/ledger';
import {
  metadataProperty, toAppendRecord, toEventData, toPosition,
} from './clientEvents.ts';
import { EventStoreDbError, StoreUnavailableError } from './errors.ts';
import { isUnavailable, mapError } from './mapError.ts';
import {
  checkConditions, checkExpectedRevision, dataJsonOf, detectRetry,
  eventContentKey, metadataJsonOf, prepareAppend,
} from './ledgerInternals.ts';
import { conditionRevisions } from './conditionRevisions.ts';
import type { PreparedAppend, PreparedEvent } from './ledgerInternals.ts';
import type { StreamCache, StreamState } from './streamCache.ts';

/** What an append needs from the store around it. */
export interface AppendContext<E extends EventShape> {
  readonly client: EventStoreClient;
  readonly schema: EventSchema<E>;
  readonly cache: StreamCache;
  readonly maxAppendBytes: number;
  /** How many times the server may say "the stream moved" before the append gives up. */
  readonly maxAttempts: number;
  /** A port stream name as the server knows it (for the condition streams). */
  readonly toServer: (stream: string) => string;
  /**
   * `'atomic'`: an append with conditions is sent as one AppendRecords whose consistency
   * checks are its own stream's revision and each condition's, checked by the server as it
   * commits; `'checked-before'`: the conditions are read just before a classic append.
   */
  readonly conditions: 'checked-before' | 'atomic';
}

/** One append as the port asks for it; `label` is the target's port name. */
export interface AppendRequest<E extends EventShape> {
  readonly events: readonly NewEvent<E>[];
  readonly expected: ExpectedRevision;
  readonly label: string;
  /** As `takeAppendOptions` took them: checked, and copied from the caller's. */
  readonly conditions?: readonly AppendCondition[] | undefined;
}

// Refuses the append if a condition stream is not where the caller read it, as the server
// has it now: a check before the append, not with it (EventStoreDB has no multi-stream
// condition), so a write landing in between goes unseen.
const checkBefore = async <E extends EventShape>(ctx: AppendContext<E>, label: string,
  conditions: readonly AppendCondition[] | undefined): Promise<void> => {
  if (conditions === undefined || conditions.length === 0) return;
  const now = await conditionRevisions(ctx.client, conditions, ctx.toServer);
  const failed = checkConditions(label, conditions, (s) => now.get(s));
  if (failed !== undefined) throw failed;
};

/** Sends one append pinned to `state`; undefined when the server says the stream moved. */
const send = async <E extends EventShape>(ctx: AppendContext<E>, stream: string,
  label: string, prepared: PreparedAppend, state: StreamState):
  Promise<AppendResult | undefined> => {
  const pinned = state.current ?? 'no_stream';
  let r;
  try {
    r = await ctx.client.appendToStream(stream, prepared.events.map(toEventData),
      { expectedRevision: pinned, streamState: pinned });
  } catch (e) {
    if (isClientError(e, 'wrong-expected-version')) return undefined;
    // The append may have landed without our hearing of it: look before the next one.
    if (isUnavailable(e)) ctx.cache.markStale(stream);
    throw mapError(e, { stream: label, sizeBytes: prepared.sizeBytes });
  }
  // A client built with throwOnAppendFailure=false answers instead of throwing, and on its
  // BatchAppend path reports a wrong next revision (6.2.1): trust only `success`.
  if (!r.success) return undefined;
  const first = (state.current ?? -1n) + 1n;
  const position = r.position === undefined ? undefined : toPosition(r.position);
  ctx.cache.recordAppend(stream, first, prepared.events.map((e) => ({
    eventId: e.eventId, contentKey: eventContentKey(e.type, dataJsonOf(e), metadataJsonOf(e)),
  })), position);
  if (position !== undefined) return { nextExpectedRevision: r.nextExpectedRevision, position };
  // Older servers answer a deduplicated append without a position: look it up.
  const last = prepared.events[prepared.events.length - 1]?.eventId ?? '';
  await ctx.cache.resolvePositions(stream, [last]);
  const ref = (await ctx.cache.refresh(stream)).lookup(last);
  return { nextExpectedRevision: r.nextExpectedRevision,
    position: ref?.position ?? { commit: -1n, prepare: -1n } };
};

// What a consistency violation reports, by the index of its check: where the server found the
// stream (undefined: no stream, or deleted or tombstoned, which the port reads as none).
const violationsOf = (e: unknown): Map<number, bigint | undefined> => {
  const found = new Map<number, bigint | undefined>();
  const violations: unknown = typeof e === 'object' && e !== null
    ? Reflect.get(e, 'violations') : undefined;
  if (!Array.isArray(violations)) return found;
  for (const v of violations as unknown[]) {
    if (typeof v !== 'object' || v === null) continue;
    const index: unknown = Reflect.get(v, 'checkIndex');
    const actual: unknown = Reflect.get(v, 'actualState');
    if (typeof index !== 'number') continue;
    found.set(index, typeof actual === 'bigint' && actual >= 0n ? actual : undefined);
  }
  return found;
};

/**
 * Sends one append through AppendRecords, its own stream pinned to `state` and each condition
 * checked by the server in the same commit: undefined when its own stream moved; a condition
 * stream moved is ConditionFailedError, naming where the server found it.
 */
const sendChecked = async <E extends EventShape>(ctx: AppendContext<E>, stream: string,
  label: string, prepared: PreparedAppend, state: StreamState,
  conditions: readonly AppendCondition[]): Promise<AppendResult | undefined> => {
  const pinned = state.current ?? 'no_stream';
  const checks: ClientConsistencyCheck[] = [
    { type: 'stream_state', streamName: stream, expectedState: pinned },
    ...conditions.map((c): ClientConsistencyCheck => ({ type: 'stream_state',
      streamName: ctx.toServer(c.stream), expectedState: c.revision }))];
  // The server counts the metadata as the adapter wraps it (its quotes escaped): over the
  // limit so counted, refused here, typed, as the classic path is refused by the size it sends.
  const records = prepared.events.map((e) => toAppendRecord(stream, e));
  const sizeBytes = prepared.events.reduce((n, e, i) => n + Buffer.byteLength(dataJsonOf(e))
    + Buffer.byteLength(JSON.stringify(records[i]?.record.metadata)), 0);
  if (sizeBytes > ctx.maxAppendBytes) {
    throw new AppendTooLargeError(label, sizeBytes, ctx.maxAppendBytes);
  }
  const appendRecords = ctx.client.appendRecords;
  if (appendRecords === undefined) {
    throw new EventStoreDbError('unsupported', 'the client has no appendRecords');
  }
  let r;
  try {
    r = await appendRecords.call(ctx.client, records, checks);
  } catch (e) {
    if (isClientError(e, 'append-consistency-violation')) {
      // Check 0 is the append's own stream, pinned: it moved, so look again (a retry of this
      // very append is then recognised). Check i is condition i - 1.
      const violated = violationsOf(e);
      if (violated.size === 0 || violated.has(0)) return undefined;
      for (const [index, actual] of [...violated].sort(([x], [y]) => x - y)) {
        const c = conditions[index - 1];
        if (c !== undefined) {
          throw new ConditionFailedError(label, c.stream, c.revision, actual ?? 'no_stream');
        }
      }
      return undefined;
    }
    if (isClientError(e, 'wrong-expected-version')) return undefined;
    if (isUnavailable(e)) ctx.cache.markStale(stream);
    // The client refuses it itself when the server does not list it: a server before
    // KurrentDB 26.1 has none.
    if (isClientError(e, 'unsupported')) {
      throw new EventStoreDbError('unimplemented', "the server takes no AppendRecords: "
        + "appendConditions 'atomic' needs KurrentDB 26.1 or later", e);
    }
    throw mapError(e, { stream: label, sizeBytes });
  }
  const first = (state.current ?? -1n) + 1n;
  const next = r.responses.find((x) => x.streamName === stream)?.revision
    ?? first + BigInt(prepared.events.length) - 1n;
  // The answer gives the commit position alone, not the prepare position that orders events
  // of one commit: the last event's is read back (one event, at the revision it was given).
  let position;
  try {
    for await (const resolved of ctx.client.readStream(stream,
      { direction: 'forwards', fromRevision: next, maxCount: 1 })) {
      position = resolved.event?.position ?? position;
    }
  } catch (e) {
    position = undefined;
    if (!isUnavailable(e)) throw storedWithoutPosition(ctx, stream, label, e);
  }
  if (position === undefined) throw storedWithoutPosition(ctx, stream, label, undefined);
  const at = toPosition(position);
  ctx.cache.recordAppend(stream, first, prepared.events.map((e) => ({
    eventId: e.eventId, contentKey: eventContentKey(e.type, dataJsonOf(e), metadataJsonOf(e)),
  })), at);
  return { nextExpectedRevision: next, position: at };
};

// The append was stored but its position could not be read back: the answer is unknown to
// the caller as if it had been lost, and a retry of the same append returns its result.
const storedWithoutPosition = <E extends EventShape>(ctx: AppendContext<E>, stream: string,
  label: string, cause: unknown): StoreUnavailableError => {
  ctx.cache.markStale(stream);
  return new StoreUnavailableError(`the append to ${label} was stored, but its position could `
    + 'not be read back; retry it with the same events for its result', cause);
};

// Metadata holding the property an atomic append keeps metadata under would be read back as
// the metadata it wraps: refused in either mode, so a read never takes one for the other.
const wrapsReserved = (e: PreparedEvent): boolean => {
  const json = metadataJsonOf(e);
  if (!json.includes(`"${metadataProperty}"`)) return false;
  const parsed: unknown = JSON.parse(json);
  return typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed)
    && Object.hasOwn(parsed, metadataProperty);
};

// The list's length, 0 when it has none to give (not a list, or one whose reading throws).
const lengthOf = (events: unknown): number => {
  try {
    const n: unknown = typeof events === 'object' && events !== null
      ? Reflect.get(events, 'length') : undefined;
    return typeof n === 'number' ? n : 0;
  } catch {
    return 0;
  }
};

/** Appends events to one stream (its server name) with the port's semantics. */
export const appendEvents = async <E extends EventShape>(ctx: AppendContext<E>,
  stream: string, request: AppendRequest<E>): Promise<AppendResult> => {
  const { events, expected, label, conditions } = request;
  const check = (nextRevision: bigint | undefined) => {
    const p = prepareAppend(ctx.schema, label, events,
      { maxAppendBytes: ctx.maxAppendBytes, nextRevision });
    if (p._tag === 'Left') throw p.left;
    return p.right;
  };
  // A malformed append is refused before the server is asked anything (a list that cannot
  // even say its length among them: prepareAppend refuses it, typed).
  if (!isStorableStreamName(label) || lengthOf(events) === 0) check(undefined);
  let moved = 0;
  for (let refreshed = false; ; refreshed = true) {
    const cached = refreshed ? undefined : ctx.cache.peek(stream);
    const state = cached ?? await ctx.cache.refresh(stream).catch((e: unknown) => {
      throw mapError(e, { stream: label });
    });
    const fresh = cached === undefined;
    const prepared = check(state.current === undefined ? 0n : state.current + 1n);
    if (prepared.events.some(wrapsReserved)) {
      throw new InvalidAppendError(label,
        `metadata may not hold the key "${metadataProperty}" (the adapter's own)`);
    }
    await ctx.cache.resolvePositions(stream, prepared.events.map((e) => e.eventId));
    // What the view knows is true, so a retry or a conflict found in it is final.
    const retry = await detectRetry(label, prepared.events, state.lookup);
    if (retry instanceof Error) throw retry;
    if (retry !== 'new') return retry;
    const wrong = checkExpectedRevision(label, expected, state.current);
    if (wrong !== undefined) {
      if (fresh) throw wrong;
      continue;
    }
    const atomic = ctx.conditions === 'atomic' && conditions !== undefined
      && conditions.length > 0;
    if (!atomic) await checkBefore(ctx, label, conditions);
    const result = atomic
      ? await sendChecked(ctx, stream, label, prepared, state, conditions)
      : await send(ctx, stream, label, prepared, state);
    if (result !== undefined) return result;
    // The stream moved between our look and our append: perhaps this very append (a
    // concurrent retry), perhaps another writer. Look again, a bounded number of times.
    if (++moved >= ctx.maxAttempts) {
      const after = await ctx.cache.refresh(stream);
      // Writers kept getting in first; for `any` too, say where the stream now stands.
      throw new WrongExpectedVersionError(label, expected, after.current ?? 'no_stream');
    }
  }
};
