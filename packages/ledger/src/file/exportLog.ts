import { open, rename, unlink } from 'node:fs/promises';
import { dirname } from 'node:path';
import { canonicalJson } from '../json/canonicalJson.ts';
import { InvalidEventError } from '../eventStore/errors.ts';
import type { EventSchema } from '../eventStore/eventSchema.ts';
import type { EventShape, EventStore } from '../eventStore/port.ts';
import { encodeLine, genesisHash } from './lineFormat.ts';

/** What an export wrote. */
export interface ExportResult {
  readonly events: number;
  readonly lastHash: string;
}

/**
 * Writes every event of any store, in its global order, as a hash-chained log in the file
 * store's format, keeping ids, streams, revisions and recorded times. Each event is written as
 * its own append (batch of one): a store's reads do not say which events were appended together.
 * The file appears complete or not at all (written beside it, synced, then renamed).
 */
export const exportEventLog = async <E extends EventShape>(options: {
  readonly store: EventStore<E>;
  readonly schema: EventSchema<E>;
  readonly file: string;
}): Promise<ExportResult> => {
  const temporary = `${options.file}.export-${process.pid}`;
  const handle = await open(temporary, 'wx');
  let prev = genesisHash;
  let events = 0;
  let pending: string[] = [];
  const flush = async () => {
    await handle.write(pending.join(''));
    pending = [];
  };
  try {
    for await (const e of options.store.readAll()) {
      const stored = options.schema.encode(e);
      const data = canonicalJson(stored.data);
      const metadata = canonicalJson(stored.metadata);
      if (data._tag === 'Left' || metadata._tag === 'Left') {
        const why =
          data._tag === 'Left' ? data.left : metadata._tag === 'Left' ? metadata.left : undefined;
        throw new InvalidEventError(
          e.stream,
          e.revision,
          e.type,
          why?.path ?? '',
          why?.message ?? '',
        );
      }
      const { line, hash } = encodeLine({
        batchIndex: 0,
        batchSize: 1,
        dataJson: data.right.text,
        eventId: e.eventId,
        metadataJson: metadata.right.text,
        prev,
        recordedAt: e.recordedAt.toISOString(),
        revision: e.revision,
        stream: e.stream,
        type: stored.type,
      });
      pending.push(line);
      prev = hash;
      events++;
      if (pending.length >= 1000) await flush();
    }
    await flush();
    await handle.sync();
  } catch (e) {
    await handle.close();
    await unlink(temporary); // an unfinished export leaves nothing behind
    throw e;
  }
  await handle.close();
  await rename(temporary, options.file);
  const dir = await open(dirname(options.file), 'r');
  await dir.sync().finally(() => dir.close());
  return { events, lastHash: prev };
};
