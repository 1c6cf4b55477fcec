import { open } from 'node:fs/promises';
import { InvalidEventError, StoreCorruptError } from '../eventStore/errors.ts';
import type { EventSchema } from '../eventStore/eventSchema.ts';
import type { EventShape, EventStore, NewEvent } from '../eventStore/port.ts';
import { decodeEnvelope, type LineEnvelope } from './lineEnvelope.ts';
import { readLineChunks } from './lineReader.ts';
import { scanLog } from './scanLog.ts';

/** What an import appended. */
export interface ImportResult {
  readonly events: number;
  readonly appends: number;
}

/**
 * Appends every event of a log file to any store, in the log's order and with its batches,
 * ids and revisions: each append expects exactly the revision the log had before it, so an
 * import into a store that already holds other events of those streams stops with
 * WrongExpectedVersionError. The whole file is verified first; a damaged or torn one is refused.
 */
export const importEventLog = async <E extends EventShape>(options: {
  readonly file: string;
  readonly store: EventStore<E>;
  readonly schema: EventSchema<E>;
}): Promise<ImportResult> => {
  const { file, store, schema } = options;
  const handle = await open(file, 'r');
  try {
    const scan = await scanLog(handle, file);
    if (scan.tornTail !== undefined) {
      const t = scan.tornTail;
      throw new StoreCorruptError({ file, line: t.line, offset: t.offset }, `torn: ${t.reason}`);
    }
    let batch: NewEvent<E>[] = [];
    let first: LineEnvelope | undefined;
    let events = 0;
    let appends = 0;
    for await (const chunk of readLineChunks(handle, 0, scan.endOffset)) {
      for (let i = 0; i < chunk.lines; i++) {
        const start = chunk.bounds[i] ?? 0;
        const text = chunk.buffer.toString('utf8', start, (chunk.bounds[i + 1] ?? 0) - 1);
        const parsed = decodeEnvelope(JSON.parse(text));
        if (parsed._tag === 'Left') {
          throw new Error(`line at byte ${chunk.offset + start}: ${parsed.left}`);
        }
        const e = parsed.right;
        const decoded = schema.decode(e);
        if (decoded._tag === 'Left') {
          const { field, message } = decoded.left;
          throw new InvalidEventError(e.stream, e.revision, e.type, field, message);
        }
        first ??= e;
        batch.push({ ...decoded.right, eventId: e.eventId });
        if (e.batchIndex + 1 < e.batchSize) continue;
        const expectedRevision = first.revision === 0n ? 'no_stream' : first.revision - 1n;
        await store.appendToStream(e.stream, batch, { expectedRevision });
        events += batch.length;
        appends++;
        batch = [];
        first = undefined;
      }
    }
    return { events, appends };
  } finally {
    await handle.close();
  }
};
