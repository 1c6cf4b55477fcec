import { mix } from '@usha/projections/string-keys';
import { left, right, type Either } from 'fp-ts/lib/Either.js';
import { canonicalJson } from '../json/canonicalJson.ts';
import {
  AppendTooLargeError,
  EventIdConflictError,
  EventStoreError,
  InvalidAppendError,
  InvalidEventError,
} from './errors.ts';
import { decodesAsIs, type EventSchema, type StoredForm } from './eventSchema.ts';
import { byteSink, framedAscii, putAscii, putText } from './byteSink.ts';
import { putPlainJson } from './plainJsonBytes.ts';
import type { EventShape, NewEvent } from './port.ts';
import { isStorableStreamName, quotedStreamName } from './storableStreamName.ts';
import { thrownMessage } from './thrownName.ts';

/**
 * An event checked against its schema, its data and metadata written as canonical JSON in
 * UTF-8, in a buffer the events of one append share, laid out as a log line holds them:
 * `,"data":<data>,"eventId":"<id>","metadata":<metadata>` (the file store copies that run of
 * bytes into its line whole). Data is bytes [dataStart, dataEnd) of `bytes`, metadata
 * [metadataStart, metadataEnd); a store that keeps text reads them with `dataJsonOf` and
 * `metadataJsonOf`.
 */
export interface PreparedEvent {
  readonly eventId: string;
  readonly type: string;
  readonly bytes: Buffer;
  readonly dataStart: number;
  readonly dataEnd: number;
  readonly metadataStart: number;
  readonly metadataEnd: number;
}

/** The canonical JSON text of a prepared event's data. */
export const dataJsonOf = (e: PreparedEvent): string =>
  e.bytes.toString('utf8', e.dataStart, e.dataEnd);

/** The canonical JSON text of a prepared event's metadata. */
export const metadataJsonOf = (e: PreparedEvent): string =>
  e.bytes.toString('utf8', e.metadataStart, e.metadataEnd);

/** What comes before the data in a prepared event's bytes. */
export const dataKey = ',"data":';
/** What comes between the data and the event id (an id is a plain lowercase UUID). */
export const eventIdKey = ',"eventId":"';
/** What comes between the event id and the metadata. */
export const metadataKey = '","metadata":';

/** One append, checked: every event valid, the whole within the size limit. */
export interface PreparedAppend {
  readonly stream: string;
  readonly events: readonly PreparedEvent[];
  /** UTF-8 bytes of all data and metadata JSON: what `maxAppendBytes` limits. */
  readonly sizeBytes: number;
  /**
   * Each event's id as the file index keys it (`keyOf` of keyHash.ts), two words an event, in
   * order: made in the pass that checks the ids, so that no id is hashed twice.
   */
  readonly idKeys?: Int32Array;
}

const typePattern = /^[A-Za-z][A-Za-z0-9_.-]{0,99}$/;

/** True if `type` is a name a store writes as an event's type. */
export const isEventTypeName = (type: string): boolean => typePattern.test(type);
let lastTypeChecked = ''; // a type name that matched typePattern (the empty one never does)

// Whether character code c may stand at place i of a lowercase UUID: a hyphen at 8, 13, 18
// and 23, a digit or a-f elsewhere. The one rule of an event id's form, for both checks below.
const uuidCharAt = (i: number, c: number): boolean =>
  (i === 8 || i === 13 || i === 18 || i === 23 ? c === 0x2d
    : (c >= 0x30 && c <= 0x39) || (c >= 0x61 && c <= 0x66));

/**
 * True for a lowercase UUID (`/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/`),
 * the only form of event id the stores accept. A loop, not that regex: every line read runs it.
 */
export const isEventId = (id: unknown): id is string => {
  if (typeof id !== 'string' || id.length !== 36) return false;
  for (let i = 0; i < 36; i++) if (!uuidCharAt(i, id.charCodeAt(i))) return false;
  return true;
};

interface Context {
  readonly stream: string;
  readonly revision: bigint | undefined;
}

const invalid = (at: Context, type: string, field: string, detail: string): EventStoreError =>
  new InvalidEventError(at.stream, at.revision, type, field, detail);

// Where the `index`-th event of an append would go, for an error to name: made only then.
interface Where {
  readonly stream: string;
  readonly nextRevision: bigint | undefined;
}
const contextOf = ({ stream, nextRevision }: Where, index: number): Context =>
  ({ stream, revision: nextRevision === undefined ? undefined : nextRevision + BigInt(index) });

// An append's data and metadata are written here, then copied out at their exact size.
// prepareAppend runs to its end without awaiting, so one sink serves every append; one that
// grew for a very large append is let go rather than kept.
let sink = byteSink();
const sinkKeptBytes = 1 << 20;

// The id between data and metadata: checkShape has made sure it is a lowercase UUID (36
// ASCII characters). The two keys are stored as constants, the id's characters one by one.
const putEventId = framedAscii(eventIdKey, 36, metadataKey);

// Writes the event's bytes (see PreparedEvent) at the sink's end, pushing where its data and
// metadata start and end on `ends`; returns the stored type, or the error (the sink then as
// it was).
const prepareOne = <E extends EventShape>(
  schema: EventSchema<E>,
  event: NewEvent<E>,
  eventId: string,
  at: {
    readonly where: Where;
    readonly index: number;
    readonly ends: number[];
    /** The schema's `decodesAsIs` check, if it has one. */
    readonly asIs: ((stored: StoredForm) => boolean) | undefined;
  },
): string | EventStoreError => {
  const type = String(event.type);
  // The events of an append mostly share a type: the one checked last is not checked again.
  if (type !== lastTypeChecked && !typePattern.test(type)) {
    return invalid(contextOf(at.where, at.index), type, 'type', 'not a valid event type name');
  }
  lastTypeChecked = type;
  let stored: StoredForm;
  // The type written is the one the schema encodes, read once (the schema is the app's code:
  // a getter could answer otherwise at a second read). A line holding one the store would not
  // take (not a string, empty, a control character) would not open again.
  let storedType: unknown;
  try {
    stored = schema.encode(event);
    storedType = typeof stored === 'object' && stored !== null ? stored.type : undefined;
  } catch (e) {
    // Read without a throw of its own (a revoked proxy, a getter): thrownName.ts.
    const why = thrownMessage(e);
    return invalid(contextOf(at.where, at.index), type, '', `cannot be encoded: ${why}`);
  }
  if (typeof storedType !== 'string'
    || (storedType !== type && !typePattern.test(storedType))) {
    return invalid(contextOf(at.where, at.index), type, 'type',
      'encoded as a type that is not a valid event type name');
  }
  // Plain JSON (the usual case): its text written directly, then read back and decoded: what
  // a reader decodes is the bytes, not the value they were written from (a getter or a proxy
  // may answer differently at each read). A refusal is reported from the canonical copy, so
  // its field names are the same either way.
  const start = sink.used;
  putAscii(sink, dataKey);
  const dataStart = sink.used;
  if (putPlainJson(sink, stored.data)) {
    const dataEnd = sink.used;
    putEventId(sink, eventId);
    const metadataStart = sink.used;
    if (putPlainJson(sink, stored.metadata)) {
      const written = readBack(storedType, [dataStart, dataEnd], [metadataStart, sink.used]);
      // A schema of codecs whose output is their input says so without building the decoded
      // event.
      if (at.asIs?.(written) === true || schema.decode(written)._tag === 'Right') {
        at.ends.push(dataStart, dataEnd, metadataStart, sink.used);
        return storedType;
      }
    }
  }
  sink.used = start;
  const context = { ...contextOf(at.where, at.index), type };
  // Its fields read as they are (an encode may return a class instance or a proxy, whose
  // fields a spread would not copy), the type as read above.
  return prepareCanonical(schema,
    { type: storedType, data: stored.data, metadata: stored.metadata }, context,
    { eventId, ends: at.ends });
};

// The stored form as a reader parses it from the bytes just written at [from, to) in the sink.
const readBack = (
  type: string, data: readonly [number, number], metadata: readonly [number, number],
): StoredForm => ({
  type,
  data: JSON.parse(sink.buffer.toString('utf8', data[0], data[1])),
  metadata: JSON.parse(sink.buffer.toString('utf8', metadata[0], metadata[1])),
});

const prepareCanonical = <E extends EventShape>(
  schema: EventSchema<E>,
  stored: StoredForm,
  at: Context & { readonly type: string },
  to: { readonly eventId: string; readonly ends: number[] },
): string | EventStoreError => {
  const { type } = at;
  const data = canonicalJson(stored.data);
  if (data._tag === 'Left') return invalid(at, type, `data.${data.left.path}`, data.left.message);
  const metadata = canonicalJson(stored.metadata);
  if (metadata._tag === 'Left') {
    return invalid(at, type, `metadata.${metadata.left.path}`, metadata.left.message);
  }
  // Decode exactly what will be read back, so an event a reader would refuse is never written.
  const back = schema.decode({
    type: stored.type,
    data: data.right.value,
    metadata: metadata.right.value,
  });
  if (back._tag === 'Left') return invalid(at, type, back.left.field, back.left.message);
  putAscii(sink, dataKey);
  const dataStart = sink.used;
  putText(sink, data.right.text);
  const dataEnd = sink.used;
  putEventId(sink, to.eventId);
  const metadataStart = sink.used;
  putText(sink, metadata.right.text);
  to.ends.push(dataStart, dataEnd, metadataStart, sink.used);
  return stored.type;
};

const fewEvents = 8;
const seenBefore = (ids: readonly string[], i: number, id: string) => {
  for (let j = 0; j < i; j++) if (ids[j] === id) return true;
  return false;
};

// More ids are looked up in an open-addressing table of (index + 1)s, by the first word of the
// id's key, reused from append to append: no Set, no entry allocated an id. A key that
// matches is confirmed by comparing the ids themselves.
let slots = new Int32Array(256);
// `isEventId` and the id's 64-bit key (`keyOf` of keyHash.ts, the file index's key) in one
// pass over its characters: the key goes to `keys[2 * i]` and `keys[2 * i + 1]`; false if the
// id is not a lowercase UUID.
const checkIdKey = (id: unknown, keys: Int32Array, i: number): id is string => {
  if (typeof id !== 'string' || id.length !== 36) return false;
  let a = 0x811c9dc5;
  let b = 0x9747b28c ^ 36;
  for (let j = 0; j < 36; j++) {
    const c = id.charCodeAt(j);
    if (!uuidCharAt(j, c)) return false;
    a = Math.imul(a ^ c, 0x01000193);
    b = Math.imul(b + c, 0x2f0f2b1d) ^ (b >>> 15);
  }
  keys[2 * i] = mix(a);
  keys[2 * i + 1] = mix(b);
  return true;
};
// Prepares the table for `n` ids: at most half full.
const clearSlots = (n: number): void => {
  if (slots.length < 2 * n || slots.length > Math.max(256, 8 * n)) {
    slots = new Int32Array(Math.max(256, 2 ** Math.ceil(Math.log2(2 * n))));
  } else {
    slots.fill(0);
  }
};
// True if `id` (the i-th, of hash `hash`) is among ids[0, i); else it is added to the table.
const seenInSlots = (ids: readonly string[], i: number, id: string, hash: number): boolean => {
  const mask = slots.length - 1;
  for (let at = hash & mask; ; at = (at + 1) & mask) {
    const held = slots[at] ?? 0;
    if (held === 0) {
      slots[at] = i + 1;
      return false;
    }
    if (ids[held - 1] === id) return true;
  }
};

// Takes each event and its id once (a getter or a proxy could answer another value at a
// second read: only what was checked is ever written) and the id's key, or why the append is
// refused: at the first event that is not one or whose id is not a lowercase UUID, before
// anything is sized by a length the caller may have made up. No event weighs less than two
// bytes (its data and metadata as JSON), so a count beyond half the limit is too large.
const checkShape = <E extends EventShape>(
  stream: string,
  events: readonly NewEvent<E>[],
  maxAppendBytes: number,
): EventStoreError
  | { readonly taken: NewEvent<E>[]; readonly ids: string[]; readonly keys: Int32Array } => {
  if (!isStorableStreamName(stream)) {
    return new InvalidAppendError(quotedStreamName(stream), 'bad stream name');
  }
  const n = events.length;
  if (!Number.isSafeInteger(n) || n < 0) return new InvalidAppendError(stream, 'not a list');
  if (n === 0) return new InvalidAppendError(stream, 'an append needs an event');
  if (2 * n > maxAppendBytes) {
    return new AppendTooLargeError(stream, 2 * n, maxAppendBytes, true);
  }
  const taken: NewEvent<E>[] = [];
  const ids: string[] = [];
  // Grown as events are taken: a length the caller made up sizes nothing.
  let keys = new Int32Array(2 * Math.min(n, 64));
  // Caller code may run here (getters), even another append: the shared table waits.
  for (let i = 0; i < n; i++) {
    if (2 * i === keys.length) {
      const more = new Int32Array(2 * Math.min(n, 2 * i));
      more.set(keys);
      keys = more;
    }
    const event = events[i];
    const id: unknown = typeof event === 'object' && event !== null ? event.eventId : undefined;
    if (event === undefined || !checkIdKey(id, keys, i)) {
      return new InvalidAppendError(stream, `bad event id ${String(id)}`);
    }
    taken.push(event);
    ids.push(id);
  }
  // A few events (the usual append) are compared pairwise: no table is filled for them.
  const few = n <= fewEvents;
  if (!few) clearSlots(n);
  for (let i = 0; i < n; i++) {
    const id = ids[i] ?? '';
    if (few ? seenBefore(ids, i, id) : seenInSlots(ids, i, id, keys[2 * i] ?? 0)) {
      return new EventIdConflictError(stream, id, 'appears twice in one append');
    }
  }
  return { taken, ids, keys };
};

// True while an append is being prepared: caller code it runs (an encode, a getter) may
// prepare another, which then gets a sink of its own rather than writing over this one's.
let preparing = false;

/**
 * Checks an append before anything is written: stream name, event ids, each event against
 * the schema, and the total size. `nextRevision` is only used to name the revision in errors.
 */
export const prepareAppend = <E extends EventShape>(
  schema: EventSchema<E>,
  stream: string,
  events: readonly NewEvent<E>[],
  limits: { readonly maxAppendBytes: number; readonly nextRevision: bigint | undefined },
): Either<EventStoreError, PreparedAppend> => {
  if (!preparing) {
    preparing = true;
    try {
      return refusedIfThrown(stream, () => prepareAppendOnce(schema, stream, events, limits));
    } finally {
      preparing = false;
    }
  }
  const outer = sink;
  sink = byteSink();
  try {
    return refusedIfThrown(stream, () => prepareAppendOnce(schema, stream, events, limits));
  } finally {
    sink = outer;
  }
};

// What the caller handed over runs as it is read (getters, proxy traps, a `toString`, a
// structure deep enough to exhaust the stack): whatever it throws refuses the append, typed,
// before anything is written (the sink is set back at the next append's start).
const refusedIfThrown = (
  stream: unknown, prepare: () => Either<EventStoreError, PreparedAppend>,
): Either<EventStoreError, PreparedAppend> => {
  try {
    return prepare();
  } catch (e) {
    if (e instanceof EventStoreError) return left(e);
    let why: string = typeof e;
    try {
      if (e instanceof Error) why = String(e.name);
    } catch { /* a name that throws too: its type says enough */ }
    return left(new InvalidAppendError(quotedStreamName(stream),
      `the events could not be read (${why})`));
  }
};

const prepareAppendOnce = <E extends EventShape>(
  schema: EventSchema<E>,
  stream: string,
  events: readonly NewEvent<E>[],
  limits: { readonly maxAppendBytes: number; readonly nextRevision: bigint | undefined },
): Either<EventStoreError, PreparedAppend> => {
  const shape = checkShape(stream, events, limits.maxAppendBytes);
  if (shape instanceof EventStoreError) return left(shape);
  const { taken, ids, keys } = shape;
  if (sink.buffer.length > sinkKeptBytes) sink = byteSink();
  sink.used = 0;
  const types: string[] = [];
  const ends: number[] = []; // where data and metadata start and end, event after event
  const where = { stream, nextRevision: limits.nextRevision };
  const at = { where, index: 0, ends, asIs: decodesAsIs(schema) };
  for (let i = 0; i < taken.length; i++) {
    const event = taken[i];
    if (event === undefined) continue; // never: checkShape took an event at each place
    at.index = i;
    const one = prepareOne(schema, event, ids[i] ?? '', at);
    if (typeof one !== 'string') return left(one);
    types.push(one);
  }
  let sizeBytes = 0;
  for (let i = 0; i < ends.length; i += 2) sizeBytes += (ends[i + 1] ?? 0) - (ends[i] ?? 0);
  if (sizeBytes > limits.maxAppendBytes) {
    return left(new AppendTooLargeError(stream, sizeBytes, limits.maxAppendBytes));
  }
  const bytes = Buffer.allocUnsafe(sink.used);
  sink.buffer.copy(bytes, 0, 0, sink.used);
  const prepared: PreparedEvent[] = [];
  for (let i = 0; i < types.length; i++) {
    prepared.push({
      eventId: ids[i] ?? '', type: types[i] ?? '', bytes, dataStart: ends[4 * i] ?? 0,
      dataEnd: ends[4 * i + 1] ?? 0, metadataStart: ends[4 * i + 2] ?? 0,
      metadataEnd: ends[4 * i + 3] ?? 0,
    });
  }
  return right({ stream, events: prepared, sizeBytes, idKeys: keys });
};

/** The canonical text of what makes two events "the same content": type, data, metadata. */
export const eventContentKey = (type: string, dataJson: string, metadataJson: string): string =>
  `{"data":${dataJson},"metadata":${metadataJson},"type":${JSON.stringify(type)}}`;
