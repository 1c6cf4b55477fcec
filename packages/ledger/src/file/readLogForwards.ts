import { openRegularFile, readFlags } from '../durable/fileAccess.ts';
import { recordedDecoder } from '../eventStore/decodeRecorded.ts';
import { StoreCorruptError } from '../eventStore/errors.ts';
import type { EventSchema } from '../eventStore/eventSchema.ts';
import type { EventShape, RecordedEvent } from '../eventStore/port.ts';
import { position } from '../eventStore/position.ts';
import {
  StoreOptionsError, checkedCount, checkedPath, checkedSchema, readOptionFields,
} from '../eventStore/storeOptionFields.ts';
import { checkLine } from './checkedLine.ts';
import { isRawLine, type RawLine } from './lineEnvelope.ts';
import { genesisHash, linePrefixBytes } from './lineFormat.ts';
import { readLineChunks, type LineTail } from './lineReader.ts';
import { streamRevisions } from './streamRevisions.ts';
import { zeroTailFault } from './zeroTail.ts';

/** Options of `readLogForwards`. */
export interface ReadLogForwardsOptions<E extends EventShape> {
  readonly file: string;
  readonly schema: EventSchema<E>;
  /**
   * Reads the log as it was at this length at most (its length at the first read when
   * omitted): so that a reader which scanned the file first reads no append made since.
   */
  readonly bytes?: number;
}

/**
 * Reads a log file once, from its first line to its last complete append, checking every line
 * as the file store's open does (the hash of its content, the link to the line before, the
 * fields, revisions 0, 1, 2... in each stream, whole appends of one stream each) and yielding
 * the events decoded by the schema, in order. An unfinished last append (a crash, or a writer
 * still writing) is not read, as a read-only store ignores it, nor zero-filled space set aside
 * ahead of the log (in a log that ends in zeros the first zero ends the lines); any other fault
 * (a zero byte in a log that does not end in zeros, or bytes that are not zero farther after
 * the first zero than one write call can tear) throws StoreCorruptError naming the line, before
 * any event after it is yielded.
 *
 * It keeps no index: memory is one read chunk, the events of one append, and a count per
 * stream (off the heap), whatever the length of the history. What it cannot do is what an
 * index is for: read a stream, or from a position. A replay from the start needs neither.
 * @example for await (const e of readLogForwards({ file, schema })) state = p.apply(state, e)
 */
export async function* readLogForwards<E extends EventShape>(
  options: ReadLogForwardsOptions<E>,
): AsyncGenerator<RecordedEvent<E>> {
  const o = readOptions<E>(options);
  const handle = await openRegularFile(o.file, readFlags);
  try {
    // The log as it is now (or was, at `bytes`): later appends are not read.
    const now = (await handle.stat()).size;
    const size = o.bytes === undefined ? now : Math.min(o.bytes, now);
    const revisions = streamRevisions(handle);
    const decode = recordedDecoder(o.schema);
    const problem = { reason: '' };
    const corruptAt = (line: number, offset: number, reason: string) =>
      new StoreCorruptError({ file: o.file, line, offset }, reason);
    let line = 0;
    let prev = genesisHash;
    // The append being read: its lines wait until its last line shows it is whole, and are
    // decoded only then (a store never decodes an unfinished append either).
    let batch: { readonly line: RawLine; readonly offset: number }[] = [];
    let recordedAt = { text: '', ms: 0 };
    let tail: LineTail | undefined;
    for await (const chunk of readLineChunks(handle, 0, size, (t) => (tail = t))) {
      const { buffer, bounds } = chunk;
      for (let i = 0; i < chunk.lines; i++) {
        const start = bounds[i] ?? 0;
        const end = (bounds[i + 1] ?? 0) - 1;
        const offset = chunk.offset + start;
        line++;
        const checked = checkLine(buffer, start, end);
        if (typeof checked === 'string') throw corruptAt(line, offset, checked);
        let e: unknown;
        try {
          e = JSON.parse(buffer.toString(chunk.ascii ? 'latin1' : 'utf8', checked.brace, end));
        } catch {
          throw corruptAt(line, offset, 'content is not JSON');
        }
        if (!isRawLine(e, problem)) throw corruptAt(line, offset, problem.reason);
        if (e.prev !== prev) {
          throw corruptAt(line, offset, 'prev is not the hash of the line before');
        }
        if (e.batchIndex !== batch.length) {
          throw corruptAt(line, offset, 'batchIndex out of sequence');
        }
        const first = batch[0]?.line ?? e;
        if (e.batchSize !== first.batchSize || e.stream !== first.stream) {
          throw corruptAt(line, offset, 'batchSize or stream differs within one append');
        }
        const signed = checked.brace !== start + linePrefixBytes - 1;
        if (signed && e.batchIndex !== e.batchSize - 1) {
          throw corruptAt(line, offset, 'a signature on a line that does not end its append');
        }
        const revision = Number(e.revision);
        const reading = revisions.resolve(e.stream, revision);
        if (reading !== undefined) await reading;
        if (revision !== revisions.expected()) {
          const expected = revisions.expected();
          throw corruptAt(line, offset, `revision ${e.revision}, expected ${expected}`);
        }
        revisions.advance(offset);
        prev = checked.hash;
        batch.push({ line: e, offset });
        if (batch.length < e.batchSize) continue;
        const whole = batch;
        batch = [];
        for (const b of whole) {
          // The lines of one append share one recorded time: parsed once an append.
          if (b.line.recordedAt !== recordedAt.text) {
            recordedAt = { text: b.line.recordedAt, ms: Date.parse(b.line.recordedAt) };
          }
          yield decode({ eventId: b.line.eventId, stream: b.line.stream,
            revision: BigInt(b.line.revision), position: position(BigInt(b.offset)),
            recordedAt: new Date(recordedAt.ms) }, b.line);
        }
      }
    }
    // The events before the zeros were yielded: the damage after them is found only now.
    const fault = tail === undefined ? undefined : zeroTailFault(tail);
    if (tail !== undefined && fault !== undefined) throw corruptAt(line + 1, tail.offset, fault);
  } finally {
    await handle.close();
  }
}

// The options, each read once and checked (StoreOptionsError naming the field) before the file
// is opened: a length that is not a whole number of bytes would reach a native read.
const readOptions = <E extends EventShape>(given: unknown): ReadLogForwardsOptions<E> => {
  const refuse = (field: string, reason: string): never => {
    throw new StoreOptionsError('readLogForwards', field, reason);
  };
  const o = readOptionFields(given, ['file', 'schema', 'bytes'], refuse);
  const bytes = o.bytes === undefined ? undefined
    : checkedCount('bytes', o.bytes, 0, 'bytes', refuse);
  return {
    file: checkedPath('file', o.file, refuse), schema: checkedSchema<E>(o.schema, refuse),
    ...bytes === undefined || bytes === Number.POSITIVE_INFINITY ? {} : { bytes },
  };
};
