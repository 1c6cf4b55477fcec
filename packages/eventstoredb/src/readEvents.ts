// Reads of one stream and of $all, decoded with the schema. EventStoreDB reads $all backwards
// from a position exclusively, the port inclusively: the event at the position is fetched
// first. System events ($-streams, $-types) are skipped, so `maxCount` counts only ours.
import type {
  ClientPosition, ClientRead, ClientRecordedEvent, EventStoreClient,
} from './eventStoreClient.ts';
import { comparePosition, InvalidReadError } from '@usha/ledger';
import type {
  EventSchema, EventShape, Position, ReadAllOptions, ReadStreamOptions, RecordedEvent,
} from '@usha/ledger';
import { recordedFieldsOf, storedFormOf, toPosition } from './clientEvents.ts';
import {
  decodeRecorded, takeReadAllOptions, takeStreamRead,
} from './ledgerInternals.ts';
import { mapError } from './mapError.ts';
import type { StreamNames } from './streamNames.ts';

/** What reads need from the store around them. */
export interface ReadContext<E extends EventShape> {
  readonly client: EventStoreClient;
  readonly schema: EventSchema<E>;
  readonly names: StreamNames;
  readonly refuseIfClosed: () => void;
}

/** Decodes one recorded event of ours. */
export const decodeEvent = <E extends EventShape>(ctx: ReadContext<E>,
  e: ClientRecordedEvent): RecordedEvent<E> =>
  decodeRecorded(ctx.schema, recordedFieldsOf(e, ctx.names.fromServer(e.streamId)),
    storedFormOf(e));

/** Iterates a client read, cancelling the call if the consumer stops early. */
async function* events(read: ClientRead, context: { stream?: string }) {
  const reading = { ...context, reading: true };
  let finished = false;
  try {
    for await (const resolved of read) {
      if (resolved.event !== undefined) yield resolved.event;
    }
    finished = true;
  } catch (e) {
    finished = true;
    throw mapError(e, reading);
  } finally {
    // Leaving the loop above has already closed an iterator (a KurrentDB read); a
    // cancellable read (@eventstore/db-client's) also has its call cancelled.
    if (!finished) await read.cancel?.();
  }
}

/** Reads one stream (the port's readStream). */
export async function* readStreamEvents<E extends EventShape>(ctx: ReadContext<E>,
  stream: string, options?: ReadStreamOptions): AsyncGenerator<RecordedEvent<E>> {
  ctx.refuseIfClosed();
  const o = takeStreamRead(stream, options); // read once: only this copy is used
  if (o === undefined) return;
  if (o.maxCount <= 0) return;
  const backwards = o.direction === 'backwards';
  const from = o.fromRevision ?? (backwards ? 'end' : 'start');
  const read = ctx.client.readStream(ctx.names.toServer(stream), {
    direction: backwards ? 'backwards' : 'forwards',
    fromRevision: from,
    ...(o.maxCount === Number.POSITIVE_INFINITY ? {} : { maxCount: o.maxCount }),
  });
  for await (const e of events(read, { stream })) {
    ctx.refuseIfClosed();
    yield decodeEvent(ctx, e);
  }
}

const pageFloor = 64;

/** Reads $all (the port's readAll). */
export async function* readAllEvents<E extends EventShape>(ctx: ReadContext<E>,
  options?: ReadAllOptions): AsyncGenerator<RecordedEvent<E>> {
  ctx.refuseIfClosed();
  const o = takeReadAllOptions(options); // read once: only this copy is used
  if (o instanceof InvalidReadError) throw o;
  const backwards = o.direction === 'backwards';
  let left = o.maxCount;
  if (left <= 0) return;
  let from: ClientPosition | 'start' | 'end' = o.from ?? (backwards ? 'end' : 'start');
  if (backwards && from === 'start') return;
  if (backwards && typeof from === 'object') {
    // The event at the position itself, which a backwards read from it would leave out.
    const at: Position = from;
    const first = ctx.client.readAll({ fromPosition: at, direction: 'forwards', maxCount: 1 });
    for await (const e of events(first, {})) {
      const p = e.position === undefined ? undefined : toPosition(e.position);
      if (p !== undefined && comparePosition(p, at) === 0 && ctx.names.isOurs(e)) {
        left -= 1;
        yield decodeEvent(ctx, e);
      }
    }
  }
  // Pages only when counting: a read of everything is one call, skipping nothing it needs.
  let skipAt: Position | undefined;
  while (left > 0) {
    const pageSize = left === Infinity ? undefined : Math.max(left, pageFloor);
    const read = ctx.client.readAll({
      fromPosition: from,
      direction: backwards ? 'backwards' : 'forwards',
      ...(pageSize === undefined ? {} : { maxCount: pageSize }),
    });
    let seen = 0;
    for await (const e of events(read, {})) {
      seen += 1;
      ctx.refuseIfClosed();
      const p = e.position === undefined ? undefined : toPosition(e.position);
      if (p !== undefined) from = p;
      if (skipAt !== undefined && p !== undefined && comparePosition(p, skipAt) === 0) continue;
      if (!ctx.names.isOurs(e)) continue;
      left -= 1;
      yield decodeEvent(ctx, e);
      if (left <= 0) return;
    }
    if (pageSize === undefined || seen < pageSize) return;
    // Forwards from a position includes it: the next page must not repeat the last event.
    skipAt = backwards ? undefined : typeof from === 'object' ? from : undefined;
  }
}
