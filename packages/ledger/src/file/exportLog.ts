import { open, rename, unlink } from 'node:fs/promises';
import { canonicalJson } from '../json/canonicalJson.ts';
import { InvalidEventError, StoreCorruptError } from '../eventStore/errors.ts';
import type { EventSchema } from '../eventStore/eventSchema.ts';
import type { EventShape, EventStore } from '../eventStore/port.ts';
import type { FileEventStore } from './fileEventStore.ts';
import { encodeLine, genesisHash } from './lineFormat.ts';
import { scanLog } from './scanLog.ts';
import { syncFolder } from '../durable/syncFolder.ts';
import {
  StoreOptionsError, checkedPath, checkedSchema, readOptionFields,
} from '../eventStore/storeOptionFields.ts';

/** What an export wrote. */
export interface ExportResult {
  readonly events: number;
  readonly lastHash: string;
}

const isFileStore = <E extends EventShape>(s: EventStore<E>): s is FileEventStore<E> =>
  'appendedBytes' in s && typeof s.appendedBytes === 'function';

// A file store's log is copied as it is, byte for byte (signatures and batches kept), up to
// what the store has verified or written; the copy is verified whole and must end at the hash
// the store knows, so bytes changed since the store read them are refused, not exported.
const copyLog = async <E extends EventShape>(
  store: FileEventStore<E>,
  temporary: string,
): Promise<ExportResult> => {
  const [bytes, lastHash] = [store.appendedBytes(), store.lastHash()];
  const source = await open(store.file, 'r');
  const target = await open(temporary, 'wx+');
  try {
    const buffer = Buffer.allocUnsafe(1 << 20);
    for (let at = 0; at < bytes;) {
      const { bytesRead } = await source.read(buffer, 0, Math.min(buffer.length, bytes - at), at);
      if (bytesRead === 0) break;
      await target.write(buffer, 0, bytesRead, at);
      at += bytesRead;
    }
    await target.sync();
    const scan = await scanLog(target, temporary);
    if (scan.endOffset !== bytes || scan.lastHash !== lastHash) {
      throw new StoreCorruptError({ file: store.file, line: scan.lines, offset: scan.endOffset },
        'the log no longer ends at the hash the store verified (changed since opened?)');
    }
    return { events: scan.lines, lastHash };
  } finally {
    await Promise.all([source.close(), target.close()]);
  }
};

/**
 * Writes every event of any store, in its global order, as a hash-chained log in the file
 * store's format, keeping ids, streams, revisions and recorded times. From a file store, its
 * log's bytes are copied as they are: the same lines, batches and signatures. From any other
 * store, each event is written as its own append (batch of one, unsigned): a store's reads do
 * not say which events were appended together. The file appears complete or not at all
 * (written beside it, synced, then renamed).
 */
export const exportEventLog = async <E extends EventShape>(options: {
  readonly store: EventStore<E>;
  readonly schema: EventSchema<E>;
  readonly file: string;
}): Promise<ExportResult> => {
  const fields = readOptionFields(options, ['file', 'store', 'schema'], refuse);
  const file = checkedPath('file', fields.file, refuse);
  const store = checkedStore<E>(fields.store);
  const schema = checkedSchema<E>(fields.schema, refuse);
  const temporary = `${file}.export-${process.pid}`;
  if (isFileStore(store)) {
    const copied = await copyLog(store, temporary).catch(async (e: unknown) => {
      await unlink(temporary).catch(() => {});
      throw e;
    });
    await publish(temporary, file);
    return copied;
  }
  const handle = await open(temporary, 'wx');
  let prev = genesisHash;
  let events = 0;
  let pending: string[] = [];
  const flush = async () => {
    await handle.write(pending.join(''));
    pending = [];
  };
  try {
    for await (const e of store.readAll()) {
      const stored = schema.encode(e);
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
  await publish(temporary, file);
  return { events, lastHash: prev };
};

const refuse = (field: string, reason: string): never => {
  throw new StoreOptionsError('exportEventLog', field, reason);
};

// Any object whose `readAll` is a function: a store of the port.
const checkedStore = <E extends EventShape>(v: unknown): EventStore<E> => {
  let readAll: unknown;
  try {
    readAll = v !== null && typeof v === 'object' ? Reflect.get(v, 'readAll') : undefined;
  } catch {
    return refuse('store', 'could not be read');
  }
  return typeof readAll === 'function' ? v as EventStore<E>
    : refuse('store', 'not an event store (no readAll)');
};

// The export appears under its name only complete and synced; a rename refused (the name is a
// folder, say) leaves nothing behind.
const publish = async (temporary: string, file: string): Promise<void> => {
  try {
    await rename(temporary, file);
  } catch (e) {
    await unlink(temporary).catch(() => {});
    throw e;
  }
  await syncFolder(file);
};
