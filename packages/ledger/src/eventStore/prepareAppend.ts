import { left, right, type Either } from 'fp-ts/lib/Either.js';
import { canonicalJson } from '../json/canonicalJson.ts';
import {
  AppendTooLargeError,
  EventIdConflictError,
  type EventStoreError,
  InvalidAppendError,
  InvalidEventError,
} from './errors.ts';
import type { EventSchema, StoredForm } from './eventSchema.ts';
import { plainJsonText } from './plainJsonText.ts';
import type { EventShape, NewEvent } from './port.ts';
import { isStorableStreamName } from './storableStreamName.ts';

/** An event checked against its schema and written as canonical JSON, ready to store. */
export interface PreparedEvent {
  readonly eventId: string;
  readonly type: string;
  readonly dataJson: string;
  readonly metadataJson: string;
}

/** One append, checked: every event valid, the whole within the size limit. */
export interface PreparedAppend {
  readonly stream: string;
  readonly events: readonly PreparedEvent[];
  /** UTF-8 bytes of all data and metadata JSON: what `maxAppendBytes` limits. */
  readonly sizeBytes: number;
}

const typePattern = /^[A-Za-z][A-Za-z0-9_.-]{0,99}$/;

/**
 * True for a lowercase UUID (`/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/`),
 * the only form of event id the stores accept. A loop, not that regex: every line read runs it.
 */
export const isEventId = (id: unknown): id is string => {
  if (typeof id !== 'string' || id.length !== 36) return false;
  for (let i = 0; i < 36; i++) {
    const c = id.charCodeAt(i);
    if (i === 8 || i === 13 || i === 18 || i === 23) {
      if (c !== 0x2d) return false;
    } else if (!((c >= 0x30 && c <= 0x39) || (c >= 0x61 && c <= 0x66))) {
      return false;
    }
  }
  return true;
};

interface Context {
  readonly stream: string;
  readonly revision: bigint | undefined;
}

const invalid = (at: Context, type: string, field: string, detail: string) =>
  left(new InvalidEventError(at.stream, at.revision, type, field, detail));

// Where the `index`-th event of an append would go, for an error to name: made only then.
interface Where {
  readonly stream: string;
  readonly nextRevision: bigint | undefined;
}
const contextOf = ({ stream, nextRevision }: Where, index: number): Context =>
  ({ stream, revision: nextRevision === undefined ? undefined : nextRevision + BigInt(index) });

const prepareOne = <E extends EventShape>(
  schema: EventSchema<E>,
  event: NewEvent<E>,
  where: Where,
  index: number,
): Either<EventStoreError, PreparedEvent> => {
  const type = String(event.type);
  if (!typePattern.test(type)) {
    return invalid(contextOf(where, index), type, 'type', 'not a valid event type name');
  }
  let stored;
  try {
    stored = schema.encode(event);
  } catch (e) {
    const why = e instanceof Error ? e.message : String(e);
    return invalid(contextOf(where, index), type, '', `cannot be encoded: ${why}`);
  }
  // Plain JSON (the usual case): its text written directly, and the value itself decoded in
  // place of the copy canonicalJson would make (it parses back deep-equal). A refusal is
  // reported from the canonical copy, so its field names are the same either way.
  const dataText = plainJsonText(stored.data);
  const metadataText = plainJsonText(stored.metadata);
  if (dataText !== undefined && metadataText !== undefined) {
    // The stored form itself: a schema reads its `type`, `data` and `metadata`.
    const checked = schema.decode(stored);
    if (checked._tag === 'Right') {
      return right({ eventId: event.eventId, type: stored.type, dataJson: dataText,
        metadataJson: metadataText });
    }
  }
  return prepareCanonical(schema, event.eventId, stored, { ...contextOf(where, index), type });
};

const prepareCanonical = <E extends EventShape>(
  schema: EventSchema<E>,
  eventId: string,
  stored: StoredForm,
  at: Context & { readonly type: string },
): Either<EventStoreError, PreparedEvent> => {
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
  return right({
    eventId,
    type: stored.type,
    dataJson: data.right.text,
    metadataJson: metadata.right.text,
  });
};

const checkShape = <E extends EventShape>(
  stream: string,
  events: readonly NewEvent<E>[],
): EventStoreError | undefined => {
  if (!isStorableStreamName(stream)) return new InvalidAppendError(stream, 'bad stream name');
  if (events.length === 0) return new InvalidAppendError(stream, 'an append needs an event');
  // One event (the usual append) cannot repeat an id: no set is made for it.
  const seen = events.length > 1 ? new Set<string>() : undefined;
  for (let i = 0; i < events.length; i++) {
    const id: unknown = events[i]?.eventId; // a JavaScript caller may pass a sparse array
    if (!isEventId(id)) return new InvalidAppendError(stream, `bad event id ${String(id)}`);
    if (seen?.has(id) === true) {
      return new EventIdConflictError(stream, id, 'appears twice in one append');
    }
    seen?.add(id);
  }
  return undefined;
};

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
  const shape = checkShape(stream, events);
  if (shape !== undefined) return left(shape);
  const prepared: PreparedEvent[] = [];
  let sizeBytes = 0;
  const where: Where = { stream, nextRevision: limits.nextRevision };
  for (let i = 0; i < events.length; i++) {
    const event = events[i];
    if (event === undefined) continue; // a hole: checkShape has refused it already
    const one = prepareOne(schema, event, where, i);
    if (one._tag === 'Left') return one;
    sizeBytes += Buffer.byteLength(one.right.dataJson) + Buffer.byteLength(one.right.metadataJson);
    prepared.push(one.right);
  }
  if (sizeBytes > limits.maxAppendBytes) {
    return left(new AppendTooLargeError(stream, sizeBytes, limits.maxAppendBytes));
  }
  return right({ stream, events: prepared, sizeBytes });
};

/** The canonical text of what makes two events "the same content": type, data, metadata. */
export const eventContentKey = (type: string, dataJson: string, metadataJson: string): string =>
  `{"data":${dataJson},"metadata":${metadataJson},"type":${JSON.stringify(type)}}`;
