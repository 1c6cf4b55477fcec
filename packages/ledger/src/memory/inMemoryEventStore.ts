import { catchUpSubscription } from '../eventStore/catchUpSubscription.ts';
import { changeSignal } from '../eventStore/changeSignal.ts';
import { recordedDecoder } from '../eventStore/decodeRecorded.ts';
import { detectRetry, type StoredRef } from '../eventStore/detectRetry.ts';
import {
  InvalidAppendError, InvalidReadError, StoreClosedError, StreamNotFoundError,
} from '../eventStore/errors.ts';
import { takeReadAllOptions, takeStreamRead } from '../eventStore/readOptions.ts';
import type { EventSchema } from '../eventStore/eventSchema.ts';
import { checkExpectedRevision } from '../eventStore/expectedRevision.ts';
import { checkConditions, takeAppendOptions } from '../eventStore/appendConditions.ts';
import type {
  EventShape,
  EventStore,
  ReadAllOptions,
  ReadStreamOptions,
  RecordedEvent,
} from '../eventStore/port.ts';
import { position, type Position } from '../eventStore/position.ts';
import { clampRevision } from '../eventStore/clampRevision.ts';
import {
  dataJsonOf, eventContentKey, metadataJsonOf, prepareAppend,
} from '../eventStore/prepareAppend.ts';
import { memoryStoreOptions } from './memoryStoreOptions.ts';

export interface InMemoryEventStoreOptions<E extends EventShape> {
  readonly schema: EventSchema<E>;
  /** Largest append, in UTF-8 bytes of data and metadata JSON. Default 1 MiB. */
  readonly maxAppendBytes?: number;
  /** The clock for `recordedAt`; defaults to the system clock. */
  readonly now?: () => Date;
}

// A stored event. Its revision, position (bytes stored before it) and time are kept as
// numbers and made a bigint, a Position and a Date when it is read: a row holds no object but
// its strings, which is what a collector has to copy and mark for every event kept.
interface Row {
  readonly stream: string;
  readonly revision: number;
  readonly at: number;
  readonly eventId: string;
  readonly type: string;
  readonly dataJson: string;
  readonly metadataJson: string;
  readonly recordedAtMs: number;
}

const positionOf = (row: Row): Position => position(BigInt(row.at));

// comparePosition(positionOf(row), p), without making the position: a number and a bigint
// compare exactly with < and >.
const compareAt = (row: Row, p: Position): number => {
  if (row.at < p.commit) return -1;
  if (row.at > p.commit) return 1;
  return row.at < p.prepare ? -1 : row.at > p.prepare ? 1 : 0;
};

const defaultMaxAppendBytes = 1024 * 1024;

/**
 * An event store in memory, for tests: it keeps events as JSON text and decodes on every read,
 * exactly as the file store does, so the two behave alike. Positions are the running total of
 * bytes stored (increasing, not consecutive).
 */
export const inMemoryEventStore = <E extends EventShape>(
  given: InMemoryEventStoreOptions<E>,
): EventStore<E> => {
  // Read once and checked (memoryStoreOptions.ts): MemoryStoreOptionsError names a bad field.
  const options = memoryStoreOptions(given);
  const { schema } = options;
  const maxAppendBytes = options.maxAppendBytes ?? defaultMaxAppendBytes;
  const { now } = options;
  const nowMs = now === undefined ? Date.now : () => now().getTime();
  const rows: Row[] = [];
  const streams = new Map<string, number[]>();
  // Row index by event id, over every stream: an id is unique in the whole store.
  const ids = new Map<string, number>();
  const changes = changeSignal();
  let bytes = 0; // a number: exact up to 2^53 bytes
  let closed = false;

  const refuseIfClosed = () => {
    if (closed) throw new StoreClosedError();
  };
  const decodeOne = recordedDecoder(schema);
  // The row's own JSON text stays out of the event, as it does in the file store.
  const fieldsOf = (row: Row) => ({
    eventId: row.eventId,
    stream: row.stream,
    revision: BigInt(row.revision),
    position: positionOf(row),
    recordedAt: new Date(row.recordedAtMs),
  });
  const decode = (row: Row): RecordedEvent<E> =>
    decodeOne(fieldsOf(row), {
      type: row.type,
      data: JSON.parse(row.dataJson),
      metadata: JSON.parse(row.metadataJson),
    });
  const currentRevision = (stream: string): bigint | undefined => {
    const indexes = streams.get(stream);
    return indexes === undefined ? undefined : BigInt(indexes.length - 1);
  };
  const lookup =
    (stream: string) =>
    (eventId: string): StoredRef | undefined => {
      const i = ids.get(eventId);
      const row = i === undefined ? undefined : rows[i];
      if (row === undefined) return undefined;
      const key = eventContentKey(row.type, row.dataJson, row.metadataJson);
      return {
        ...(row.stream === stream ? {} : { stream: row.stream }),
        revision: BigInt(row.revision), position: positionOf(row), contentKey: () => key,
      };
    };

  const appendToStream: EventStore<E>['appendToStream'] = async (stream, events, opts) => {
    refuseIfClosed();
    // The name checked before it is looked up, the options read once: only this copy is used.
    const taken = takeAppendOptions(stream, opts);
    if (taken instanceof InvalidAppendError) throw taken;
    const { conditions } = taken;
    const current = currentRevision(stream);
    const next = current === undefined ? 0n : current + 1n;
    const prepared = prepareAppend(schema, stream, events, { maxAppendBytes, nextRevision: next });
    if (prepared._tag === 'Left') throw prepared.left;
    // Everything from here on is synchronous, so no other append can interleave. An append
    // none of whose ids is stored is new (what detectRetry would say), without an await.
    let known = false;
    for (const e of prepared.right.events) known ||= ids.has(e.eventId);
    const retry = known ? await detectRetry(stream, prepared.right.events, lookup(stream)) : 'new';
    if (retry !== 'new') {
      if (retry instanceof Error) throw retry;
      return retry;
    }
    refuseIfClosed();
    const wrong = checkExpectedRevision(stream, taken.expectedRevision, currentRevision(stream));
    if (wrong !== undefined) throw wrong;
    // Checked in the same synchronous step as the write: nothing can come between.
    const moved = checkConditions(stream, conditions, currentRevision);
    if (moved !== undefined) throw moved;
    let indexes = streams.get(stream);
    if (indexes === undefined) streams.set(stream, indexes = []);
    const recordedAtMs = nowMs();
    let last: Row | undefined;
    for (const e of prepared.right.events) {
      const dataJson = dataJsonOf(e);
      const metadataJson = metadataJsonOf(e);
      // A literal, not a spread of `e`: this runs for every event appended.
      last = {
        eventId: e.eventId,
        type: e.type,
        dataJson,
        metadataJson,
        stream,
        revision: indexes.length,
        at: bytes,
        recordedAtMs,
      };
      bytes += dataJson.length + metadataJson.length + 64;
      ids.set(e.eventId, rows.length);
      indexes.push(rows.length);
      rows.push(last);
    }
    changes.notify();
    if (last === undefined) throw new Error('unreachable: prepared append has no events');
    return { nextExpectedRevision: BigInt(last.revision), position: positionOf(last) };
  };

  async function* readStream(stream: string, options?: ReadStreamOptions) {
    refuseIfClosed();
    const o = takeStreamRead(stream, options); // read once: only this copy is used
    if (o === undefined) return;
    const indexes = streams.get(stream);
    if (indexes === undefined) {
      if (o.notFoundAsEmpty) return;
      throw new StreamNotFoundError(stream);
    }
    const backwards = o.direction === 'backwards';
    const last = indexes.length - 1;
    const from = o.fromRevision ?? (backwards ? 'end' : 'start');
    // Backwards from past the end starts at the end, as EventStoreDB does.
    const start =
      from === 'start' ? 0 : from === 'end' ? last : clampRevision(from, last, backwards);
    let left = o.maxCount;
    for (let r = start; r >= 0 && r <= last && left > 0; r += backwards ? -1 : 1, left--) {
      const row = rows[indexes[r] ?? -1];
      if (row === undefined) return;
      refuseIfClosed();
      yield decode(row);
    }
  }

  const firstIndexFrom = (from: Position, backwards: boolean, end: number): number => {
    // Binary search: the first row at or after `from` (forwards), or the last at or before it.
    let lo = 0;
    let hi = end;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      const row = rows[mid];
      if (row !== undefined && compareAt(row, from) < (backwards ? 1 : 0))
        lo = mid + 1;
      else hi = mid;
    }
    return backwards ? lo - 1 : lo;
  };

  async function* readAll(options?: ReadAllOptions) {
    refuseIfClosed();
    const o = takeReadAllOptions(options); // read once: only this copy is used
    if (o instanceof InvalidReadError) throw o;
    const backwards = o.direction === 'backwards';
    const end = rows.length; // a read sees the events stored when it began
    const from = o.from ?? (backwards ? 'end' : 'start');
    const start =
      from === 'start' ? 0 : from === 'end' ? end - 1 : firstIndexFrom(from, backwards, end);
    let left = o.maxCount;
    for (let i = start; i >= 0 && i < end && left > 0; i += backwards ? -1 : 1, left--) {
      const row = rows[i];
      if (row === undefined) return;
      refuseIfClosed();
      yield decode(row);
    }
  }

  return {
    eventIdScope: 'store',
    appendConditions: 'atomic',
    appendToStream,
    readStream,
    readAll,
    subscribeToAll: (o = {}) => catchUpSubscription(readAll, changes, o),
    close: async () => {
      closed = true;
      changes.close();
    },
  };
};
