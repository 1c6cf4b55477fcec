import { randomBytes } from 'node:crypto';
import { open, rename, unlink } from 'node:fs/promises';
import { types } from 'node:util';
import {
  asFileAccess, onFile, openRegularFile, readFlags, refuseAllButFileAt,
} from '../durable/fileAccess.ts';
import { canonicalJson } from '../json/canonicalJson.ts';
import { InvalidEventError, StoreCorruptError } from '../eventStore/errors.ts';
import type { EventSchema } from '../eventStore/eventSchema.ts';
import type { EventShape, EventStore, RecordedEvent } from '../eventStore/port.ts';
import { isEventId, isEventTypeName } from '../eventStore/prepareAppend.ts';
import { thrownName } from '../eventStore/thrownName.ts';
import { isStorableStreamName } from '../eventStore/storableStreamName.ts';
import { isStorableMs } from '../eventStore/storedInstant.ts';
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
  const source = await openRegularFile(store.file, readFlags);
  const target = await onFile(temporary, () => open(temporary, 'wx+'))
    .catch(async (e: unknown) => {
      await source.close().catch(() => undefined); // the name there is not this export's
      throw e;
    });
  try {
    const buffer = Buffer.allocUnsafe(1 << 20);
    // Each side's errors name its own file: the log read, the copy written.
    for (let at = 0; at < bytes;) {
      const n = Math.min(buffer.length, bytes - at);
      const { bytesRead } = await onFile(store.file, () => source.read(buffer, 0, n, at));
      if (bytesRead === 0) break;
      await onFile(temporary, () => target.write(buffer, 0, bytesRead, at));
      at += bytesRead;
    }
    await onFile(temporary, () => target.sync());
    const scan = await onFile(temporary, () => scanLog(target, temporary));
    if (scan.endOffset !== bytes || scan.lastHash !== lastHash) {
      throw new StoreCorruptError({ file: store.file, line: scan.lines, offset: scan.endOffset },
        'the log no longer ends at the hash the store verified (changed since opened?)');
    }
    return { events: scan.lines, lastHash };
  } catch (e) {
    await target.close().catch(() => undefined);
    await unlink(temporary).catch(() => undefined); // the copy is this export's own
    throw e;
  } finally {
    await Promise.all([source.close().catch(() => undefined),
      target.close().catch(() => undefined)]);
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
  // Beside the name, under one no other export takes (one killed left its copy: it does not
  // stand in the way of the next, and is not removed as if it were this one's).
  const temporary = `${file}.export-${process.pid}-${randomBytes(4).toString('hex')}`;
  // Nothing but a file is written over: a folder, device, pipe or link there is refused.
  await refuseAllButFileAt(file);
  if (isFileStore(store)) {
    const copied = await copyLog(store, temporary);
    await publish(temporary, file);
    return copied;
  }
  const handle = await onFile(temporary, () => open(temporary, 'wx'));
  let prev = genesisHash;
  let events = 0;
  let pending: string[] = [];
  const flush = async () => {
    await onFile(temporary, () => handle.write(pending.join('')));
    pending = [];
  };
  try {
    for await (const e of store.readAll()) {
      const place = placeOf(e);
      const stored = encoded(schema, e);
      const { line, hash } = encodeLine({
        batchIndex: 0,
        batchSize: 1,
        dataJson: stored.data.text,
        metadataJson: stored.metadata.text,
        prev,
        ...place,
        type: stored.type,
      });
      pending.push(line);
      prev = hash;
      events++;
      if (pending.length >= 1000) await flush();
    }
    await flush();
    await onFile(temporary, () => handle.sync());
  } catch (e) {
    // An unfinished export leaves nothing behind; a cleanup that fails too (the disk gone
    // read-only) does not hide why the export stopped.
    await handle.close().catch(() => undefined);
    await unlink(temporary).catch(() => undefined);
    throw e; // the store's own errors as they are; the copy's name the copy (`flush`)
  }
  await onFile(temporary, () => handle.close());
  await publish(temporary, file);
  return { events, lastHash: prev };
};

// Where an event of any store is, checked as a line must hold it: a store that yields an event a
// log cannot keep (a time beyond the year 9999, a revision not a count) is refused here, named,
// rather than written into an export that would not open.
const placeOf = <E extends EventShape>(e: RecordedEvent<E>) => {
  const { eventId, stream, revision, recordedAt } = e;
  const bad = (field: string, detail: string): never => {
    throw new InvalidEventError(typeof stream === 'string' ? stream : '(not a stream name)',
      typeof revision === 'bigint' ? revision : undefined, String(e.type), field, detail);
  };
  if (!isStorableStreamName(stream)) bad('stream', 'not a stream name a log can keep');
  if (typeof revision !== 'bigint' || revision < 0n) bad('revision', 'not a count (bigint)');
  if (!isEventId(eventId)) bad('eventId', 'not a lowercase UUID');
  const ms = types.isDate(recordedAt) ? Date.prototype.getTime.call(recordedAt) : Number.NaN;
  if (!isStorableMs(ms)) bad('recordedAt', 'not a Date of the years 0000-9999');
  return { eventId, stream, revision, recordedAt: new Date(ms).toISOString() };
};

// An event as the schema encodes it, its fields read once: an encode that throws, answers no
// object, or a type a log cannot keep is refused, named, as an append refuses it
// (prepareAppend.ts), rather than written into an export that would not open.
const encoded = <E extends EventShape>(schema: EventSchema<E>, e: RecordedEvent<E>) => {
  const bad = (field: string, detail: string): never => {
    throw new InvalidEventError(e.stream, e.revision, String(e.type), field, detail);
  };
  let stored: unknown;
  let type: unknown;
  let data: unknown;
  let metadata: unknown;
  let threw: string | undefined;
  try {
    stored = schema.encode(e);
    if (stored !== null && typeof stored === 'object') {
      type = Reflect.get(stored, 'type');
      data = Reflect.get(stored, 'data');
      metadata = Reflect.get(stored, 'metadata');
    }
  } catch (x) {
    threw = thrownName(x);
  }
  if (threw !== undefined) return bad('', `cannot be encoded (${threw})`);
  if (stored === null || typeof stored !== 'object') return bad('', 'encoded as no object');
  if (typeof type !== 'string' || !isEventTypeName(type)) {
    return bad('type', 'encoded as a type that is not a valid event type name');
  }
  return { type, data: canonicalOf(bad, 'data', data),
    metadata: canonicalOf(bad, 'metadata', metadata) };
};

// Its canonical JSON, or the event refused: a part that is no JSON, or one whose getter or
// proxy throws while it is read.
// The field is named from the event as an append names it (`data.amount`).
const canonicalOf = (bad: (field: string, detail: string) => never, part: string, v: unknown) => {
  let c: ReturnType<typeof canonicalJson> | undefined;
  let threw: string | undefined;
  try {
    c = canonicalJson(v);
  } catch (x) {
    threw = thrownName(x);
  }
  if (c === undefined) return bad(part, `could not be read (${threw ?? 'undefined'})`);
  if (c._tag === 'Right') return c.right;
  return bad(c.left.path === '' ? part : `${part}.${c.left.path}`, c.left.message);
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
    await refuseAllButFileAt(file); // again: something may have come there meanwhile
    await rename(temporary, file);
  } catch (e) {
    await unlink(temporary).catch(() => {});
    throw asFileAccess(e, file);
  }
  await onFile(file, () => syncFolder(file));
};
