// The one place where the port's events meet the client's event types.
import { canonicalJson, position } from '@usha/ledger';
import type { Position } from '@usha/ledger';
import type {
  ClientAppendRecord, ClientEventData, ClientPosition, ClientRecordedEvent,
} from './eventStoreClient.ts';
import { dataJsonOf, eventContentKey, metadataJsonOf } from './ledgerInternals.ts';
import type { PreparedEvent, RecordedFields } from './ledgerInternals.ts';

const encoder = new TextEncoder();
const decoder = new TextDecoder();

/** The client's event for a checked event: its id is the caller's, so retries deduplicate. */
export const toEventData = (e: PreparedEvent): ClientEventData => ({
  id: e.eventId,
  type: e.type,
  contentType: 'application/json',
  // The client JSON.stringifies `data` itself, so it gets the parsed canonical text; its type
  // allows only objects, arrays and strings, though any JSON value serialises the same way.
  data: JSON.parse(dataJsonOf(e)) as Record<string, unknown>,
  // A plain Uint8Array (not a Buffer: the client checks the constructor) is sent as it is.
  metadata: encoder.encode(metadataJsonOf(e)),
});

/**
 * The one property an atomic append (AppendRecords) keeps an event's metadata JSON under: the
 * server takes metadata there as a flat object of strings only, and shows a read that object
 * as metadata JSON, beside any `$` keys of its own.
 */
export const metadataProperty = 'usha-metadata';

/** The record of a checked event for AppendRecords: the same id, type, data and metadata. */
export const toAppendRecord = (streamName: string, e: PreparedEvent): ClientAppendRecord => ({
  streamName,
  record: {
    id: e.eventId,
    type: e.type,
    contentType: 'application/json',
    data: JSON.parse(dataJsonOf(e)) as Record<string, unknown>,
    metadata: { [metadataProperty]: metadataJsonOf(e) },
  },
});

// The metadata an atomic append wrote, from what a read shows of its properties: the object
// holds our property as text and otherwise only the server's own (`$`) keys.
const unwrapped = (value: unknown): unknown => {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return value;
  const inner: unknown = Reflect.get(value, metadataProperty);
  if (typeof inner !== 'string') return value;
  if (!Object.keys(value).every((k) => k === metadataProperty || k.startsWith('$'))) return value;
  try {
    return JSON.parse(inner);
  } catch {
    return value;
  }
};

const parseBytes = (value: unknown): unknown => {
  if (!(value instanceof Uint8Array)) return value;
  try {
    return JSON.parse(decoder.decode(value));
  } catch {
    return value;
  }
};

/** Type, data and metadata of a recorded event, JSON parsed whatever its content type. */
export const storedFormOf = (e: ClientRecordedEvent) => ({
  type: e.type,
  data: parseBytes(e.data),
  metadata: unwrapped(parseBytes(e.metadata)),
});

/** The port's position of a client position. */
export const toPosition = (p: ClientPosition): Position => position(p.commit, p.prepare);

/** The store's fields of a recorded event (its position: commit and prepare both kept). */
export const recordedFieldsOf = (e: ClientRecordedEvent, stream = e.streamId): RecordedFields => ({
  eventId: e.id,
  stream,
  revision: e.revision,
  position: e.position === undefined ? position(0n) : toPosition(e.position),
  recordedAt: e.created,
});

const canonical = (value: unknown): string => {
  const c = canonicalJson(value);
  return c._tag === 'Right' ? c.right.text : JSON.stringify(String(value));
};

/** The content key of a recorded event, comparable with that of a prepared one. */
export const contentKeyOf = (e: ClientRecordedEvent): string => {
  const stored = storedFormOf(e);
  return eventContentKey(stored.type, canonical(stored.data), canonical(stored.metadata));
};
