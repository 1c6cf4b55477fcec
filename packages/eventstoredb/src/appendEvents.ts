// Appending through EventStoreDB with the port's guarantees. Every append the server sees
// carries an explicit expected revision (or no_stream), pinned from a fresh look at the stream:
// then a retry after a lost answer is deduplicated by the server, and two writers racing for
// the same revision cannot both win. The port's `any` and `stream_exists` are checked here.
import { WrongExpectedVersionError as ClientWrongExpectedVersion } from '@eventstore/db-client';
import type { EventStoreDBClient } from '@eventstore/db-client';
import { isStorableStreamName, WrongExpectedVersionError } from '@usha/ledger';
import type { AppendResult, EventSchema, EventShape, ExpectedRevision, NewEvent }
  from '@usha/ledger';
import { toEventData, toPosition } from './clientEvents.ts';
import { mapError } from './mapError.ts';
import { checkExpectedRevision, detectRetry, eventContentKey, prepareAppend }
  from './ledgerInternals.ts';
import type { StreamCache } from './streamCache.ts';

/** What an append needs from the store around it. */
export interface AppendContext<E extends EventShape> {
  readonly client: EventStoreDBClient;
  readonly schema: EventSchema<E>;
  readonly cache: StreamCache;
  readonly maxAppendBytes: number;
  /** How many times to re-pin the revision when another writer got in between. */
  readonly maxAttempts: number;
}

const isWrongExpectedVersion = (e: unknown) => e instanceof ClientWrongExpectedVersion;

/** Appends events to one stream (its physical name) with the port's semantics. */
export const appendEvents = async <E extends EventShape>(ctx: AppendContext<E>,
  stream: string, events: readonly NewEvent<E>[], expected: ExpectedRevision,
  label: string = stream): Promise<AppendResult> => {
  const check = (nextRevision: bigint | undefined) => {
    const p = prepareAppend(ctx.schema, label, events,
      { maxAppendBytes: ctx.maxAppendBytes, nextRevision });
    if (p._tag === 'Left') throw p.left;
    return p.right;
  };
  // A malformed append is refused before the server is asked anything.
  if (!isStorableStreamName(label) || events.length === 0) check(undefined);
  for (let attempt = 1; ; attempt++) {
    const state = await ctx.cache.refresh(stream).catch((e: unknown) => {
      throw mapError(e, { stream: label });
    });
    const prepared = check(state.current === undefined ? 0n : state.current + 1n);
    await ctx.cache.resolvePositions(stream, prepared.events.map((e) => e.eventId));
    const retry = await detectRetry(label, prepared.events, state.lookup);
    if (retry instanceof Error) throw retry;
    if (retry !== 'new') return retry;
    const wrong = checkExpectedRevision(label, expected, state.current);
    if (wrong !== undefined) throw wrong;
    const pinned = state.current ?? 'no_stream';
    try {
      const r = await ctx.client.appendToStream(stream, prepared.events.map(toEventData),
        { expectedRevision: pinned });
      // A client built with throwOnAppendFailure=false answers instead of throwing, and its
      // BatchAppend path then reports a wrong revision (6.2.1): trust only `success`.
      if (!r.success) throw new ClientWrongExpectedVersion(undefined, {
        streamName: stream, expected: pinned, current: r.nextExpectedRevision });
      const first = (state.current ?? -1n) + 1n;
      const position = r.position === undefined ? undefined : toPosition(r.position);
      ctx.cache.recordAppend(stream, first, prepared.events.map((e) => ({
        eventId: e.eventId, contentKey: eventContentKey(e.type, e.dataJson, e.metadataJson),
      })), position);
      if (position === undefined) {
        // Older servers answer a deduplicated append without a position: look it up.
        const last = prepared.events[prepared.events.length - 1]?.eventId ?? '';
        await ctx.cache.resolvePositions(stream, [last]);
        const ref = (await ctx.cache.refresh(stream)).lookup(last);
        return { nextExpectedRevision: r.nextExpectedRevision,
          position: ref?.position ?? { commit: -1n, prepare: -1n } };
      }
      return { nextExpectedRevision: r.nextExpectedRevision, position };
    } catch (e) {
      if (!isWrongExpectedVersion(e)) throw mapError(e, { stream: label,
        sizeBytes: prepared.sizeBytes });
      // Someone appended between our look and our append. Look again: it may have been this
      // very append (a concurrent retry), or the caller's expectation may now be wrong.
      if (attempt >= ctx.maxAttempts) {
        const after = await ctx.cache.refresh(stream);
        throw new WrongExpectedVersionError(label, expected, after.current ?? 'no_stream');
      }
    }
  }
};
