import { recordedDecoder } from '../eventStore/decodeRecorded.ts';
import { InvalidEventError } from '../eventStore/errors.ts';
import {
  decodesAsIs, decodesToPlainEvents, type EventSchema,
} from '../eventStore/eventSchema.ts';
import type { EventShape, RecordedEvent } from '../eventStore/port.ts';
import { position } from '../eventStore/position.ts';
import { isReadLine, type ReadLine } from './lineEnvelope.ts';
import { hasHexHash, hasLineFrame, linePrefixBytes } from './lineFormat.ts';

/**
 * Decodes the line in bytes [start, end) of `buffer`, found at `offset` in the file; `ascii`
 * says the bytes are all ASCII (see `LineChunk`).
 */
export type LineDecoder<E extends EventShape> = (
  buffer: Buffer,
  start: number,
  end: number,
  offset: number,
  ascii: boolean,
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
 * Makes the decoder of a store's reads: it checks the line's frame, parses the line from its
 * content on (reads need no hash: the chain was verified at open, and `verify` checks it again),
 * checks the types of the fields it uses (their formats were checked at open, see
 * `isReadLine`), and decodes the event with the schema. This is the hot path of a replay, so
 * it allocates only what the event is made of. It writes `{` over byte 74 of the line (to parse
 * the content in place): the buffer must be the caller's own.
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
  return (buffer, start, end, offset, ascii) => {
    if (!hasLineFrame(buffer, start, end) || !hasHexHash(buffer, start)) {
      throw corrupt(offset, 'does not start with {"hash":"<64 hex>",');
    }
    const contentStart = start + linePrefixBytes - 1;
    buffer[contentStart] = 0x7b; // `{`: the content, `"hash":"<hex>",` left out
    let parsed: unknown;
    try {
      parsed = JSON.parse(buffer.toString(ascii ? 'latin1' : 'utf8', contentStart, end));
    } catch {
      throw corrupt(offset, 'not JSON');
    }
    if (!isReadLine(parsed, problem)) throw corrupt(offset, problem.reason);
    if (parsed.recordedAt !== lastRecordedAt) {
      lastRecordedAt = parsed.recordedAt;
      lastRecordedMs = Date.parse(lastRecordedAt);
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
