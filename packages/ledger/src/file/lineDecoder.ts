import { recordedDecoder } from '../eventStore/decodeRecorded.ts';
import { InvalidEventError } from '../eventStore/errors.ts';
import {
  decodesAsIs, decodesToPlainEvents, type EventSchema,
} from '../eventStore/eventSchema.ts';
import type { EventShape, RecordedEvent } from '../eventStore/port.ts';
import { position } from '../eventStore/position.ts';
import { storedInstantMs } from '../eventStore/storedInstant.ts';
import { isReadLine, type ReadLine } from './lineEnvelope.ts';
import { checkLine } from './checkedLine.ts';

/**
 * Where a read of consecutive lines is in the chain: the hash of the line it decoded last, which
 * the next line's `prev` must be (undefined before the first line, whose `prev` is not known).
 */
export interface ChainLink {
  prev: string | undefined;
}

/**
 * Decodes the line in bytes [start, end) of `buffer`, found at `offset` in the file; `ascii`
 * says the bytes are all ASCII (see `LineChunk`). With `link`, the read is of consecutive
 * lines: the line's `prev` is checked against the link, which then moves to this line.
 */
export type LineDecoder<E extends EventShape> = (
  buffer: Buffer,
  start: number,
  end: number,
  offset: number,
  ascii: boolean,
  link?: ChainLink,
) => RecordedEvent<E>;

// Every stream has a revision 0, 1, 2...: the small ones are made once (bigints are immutable,
// so sharing them is safe), which saves parsing one bigint per event read.
const cachedRevisions = 1 << 16;
const revisions: bigint[] = [];
const revisionOf = (text: string): bigint => {
  if (text.length > 5) return BigInt(text);
  const n = Number(text); // a decimal string, checked by isReadLine
  if (n >= cachedRevisions) return BigInt(n);
  return (revisions[n] ??= BigInt(n));
};

/**
 * One object for a recorded event (the fields `recordedDecoder` gives), built here: a replay
 * builds one for every event. Data and metadata as parsed when the schema says they decode to
 * themselves, else as decoded.
 */
const recordedOf = (
  line: ReadLine,
  data: unknown,
  metadata: unknown,
  at: { readonly revision: bigint; readonly offset: number; readonly recordedAtMs: number },
) => ({
  type: line.type, data, metadata, eventId: line.eventId, stream: line.stream,
  revision: at.revision, position: position(BigInt(at.offset)),
  recordedAt: new Date(at.recordedAtMs),
});

/**
 * Makes the decoder of a store's reads: it checks the line against its hash (the file may have
 * changed since the open verified it: nothing read is trusted unchecked) and, for consecutive
 * lines, the link to the line before; parses the content, checks the types of the fields it
 * uses (their formats were checked with the hash at open, see `isReadLine`), and decodes the
 * event with the schema. This is the hot path of a replay, so it allocates only what the event
 * is made of. It writes `{` over the byte before the content (74, or 211 on a signed line) to
 * hash and parse the content in place: the buffer must be the caller's own.
 */
export const lineDecoder = <E extends EventShape>(
  schema: EventSchema<E>,
  corrupt: (offset: number, reason: string) => Error,
): LineDecoder<E> => {
  const problem = { reason: '' };
  const decode = recordedDecoder(schema);
  const plain = decodesToPlainEvents(schema);
  const asIs = decodesAsIs(schema);
  // The lines of one append share one recorded time: parse it once per append, not per event.
  let lastRecordedAt = '';
  let lastRecordedMs = 0;
  return (buffer, start, end, offset, ascii, link) => {
    const checked = checkLine(buffer, start, end);
    if (typeof checked === 'string') throw corrupt(offset, checked);
    let parsed: unknown;
    try {
      parsed = JSON.parse(buffer.toString(ascii ? 'latin1' : 'utf8', checked.brace, end));
    } catch {
      throw corrupt(offset, 'not JSON');
    }
    if (!isReadLine(parsed, problem)) throw corrupt(offset, problem.reason);
    if (link !== undefined) {
      if (link.prev !== undefined && Reflect.get(parsed, 'prev') !== link.prev) {
        throw corrupt(offset, 'prev is not the hash of the line before');
      }
      link.prev = checked.hash;
    }
    if (parsed.recordedAt !== lastRecordedAt) {
      lastRecordedAt = parsed.recordedAt;
      // Checked again (a line before a checkpoint an older version wrote was checked by its
      // pattern only): once per append, about as cheap as the `Date.parse` it replaces.
      const ms = storedInstantMs(lastRecordedAt);
      if (ms === undefined) {
        lastRecordedAt = '';
        throw corrupt(offset, 'recordedAt: not an ISO instant');
      }
      lastRecordedMs = ms;
    }
    const revision = revisionOf(parsed.revision);
    // Sound as in `recordedDecoder`: the schema's codecs have just checked type, data and
    // metadata, and a plain schema's events have exactly those three fields.
    if (asIs?.(parsed) === true) {
      const at = { revision, offset, recordedAtMs: lastRecordedMs };
      return recordedOf(parsed, parsed.data, parsed.metadata, at) as RecordedEvent<E>;
    }
    if (plain) {
      const decoded = schema.decode(parsed);
      if (decoded._tag === 'Left') {
        const { field, message } = decoded.left;
        throw new InvalidEventError(parsed.stream, revision, parsed.type, field, message);
      }
      const at = { revision, offset, recordedAtMs: lastRecordedMs };
      return recordedOf(parsed, decoded.right.data, decoded.right.metadata, at) as RecordedEvent<E>;
    }
    const fields = {
      eventId: parsed.eventId,
      stream: parsed.stream,
      revision,
      position: position(BigInt(offset)),
      recordedAt: new Date(lastRecordedMs),
    };
    return decode(fields, parsed);
  };
};
