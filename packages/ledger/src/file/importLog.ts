import { openRegularFile, readFlags } from '../durable/fileAccess.ts';
import { InvalidEventError, StoreCorruptError } from '../eventStore/errors.ts';
import type { EventSchema } from '../eventStore/eventSchema.ts';
import {
  checkedPath, checkedSchema, readOptionFields, StoreOptionsError,
} from '../eventStore/storeOptionFields.ts';
import type { EventShape, EventStore, NewEvent } from '../eventStore/port.ts';
import { checkLine } from './checkedLine.ts';
import { decodeEnvelope, type LineEnvelope } from './lineEnvelope.ts';
import { genesisHash } from './lineFormat.ts';
import { readLineChunks } from './lineReader.ts';
import { scanLog, type ScannedLine } from './scanLog.ts';
import { signatureTally } from './signatureTally.ts';
import { loadPublicKey, type KeyInput } from './signingKeys.ts';

/** What an import appended. */
export interface ImportResult {
  readonly events: number;
  readonly appends: number;
}

/**
 * Appends every event of a log file to any store, in the log's order and with its batches,
 * ids and revisions: each append expects exactly the revision the log had before it, so an
 * import into a store that already holds other events of those streams stops with
 * WrongExpectedVersionError. The whole file is verified first, every event decoded by the
 * schema; a damaged or torn one is refused, one holding an event the schema refuses too
 * (InvalidEventError), and with `publicKey` one with an append not signed by that key. Each line is checked against
 * its hash and link again as it is imported, so a file changed in between is refused there.
 */
export const importEventLog = async <E extends EventShape>(options: {
  readonly file: string;
  readonly store: EventStore<E>;
  readonly schema: EventSchema<E>;
  /** The writer's public key: every append in the file must be signed by it. */
  readonly publicKey?: KeyInput;
}): Promise<ImportResult> => {
  const { file, store, schema, publicKey } = importOptions<E>(options);
  const key = publicKey === undefined ? undefined : await loadPublicKey(publicKey);
  const tally = signatureTally(key);
  const handle = await openRegularFile(file, readFlags);
  const corrupt = (offset: number, reason: string) =>
    new StoreCorruptError({ file, line: 0, offset }, `${reason} (changed since verified?)`);
  try {
    // Every event decoded by the schema while the file is verified, before anything is
    // appended: a line the schema refuses stops the import with the target store untouched.
    const decodes = (line: ScannedLine) => {
      const c = line.content;
      if (c === undefined) return;
      const decoded = schema.decode(c);
      if (decoded._tag === 'Left') {
        const { field, message } = decoded.left;
        throw new InvalidEventError(c.stream, BigInt(line.revision), c.type, field, message);
      }
    };
    const scan = await scanLog(handle, file, decodes, undefined, tally.onAppend);
    if (scan.tornTail !== undefined) {
      const t = scan.tornTail;
      throw new StoreCorruptError({ file, line: t.line, offset: t.offset }, `torn: ${t.reason}`);
    }
    const s = tally.report();
    if (s.firstFault !== undefined) {
      const { line, offset } = s.firstFault;
      throw new StoreCorruptError({ file, line, offset }, 'append not signed by the key');
    }
    let prev = genesisHash;
    let batch: NewEvent<E>[] = [];
    let first: LineEnvelope | undefined;
    let events = 0;
    let appends = 0;
    for await (const chunk of readLineChunks(handle, 0, scan.endOffset)) {
      for (let i = 0; i < chunk.lines; i++) {
        const start = chunk.bounds[i] ?? 0;
        const end = (chunk.bounds[i + 1] ?? 0) - 1;
        const checked = checkLine(chunk.buffer, start, end);
        if (typeof checked === 'string') throw corrupt(chunk.offset + start, checked);
        const content = chunk.buffer.toString('utf8', checked.brace, end);
        let json: unknown;
        try {
          json = JSON.parse(content);
        } catch {
          throw corrupt(chunk.offset + start, 'not JSON');
        }
        const parsed = decodeEnvelope(json);
        if (parsed._tag === 'Left') throw corrupt(chunk.offset + start, parsed.left);
        const e = parsed.right;
        if (e.prev !== prev) throw corrupt(chunk.offset + start, 'prev is not the line before');
        prev = checked.hash;
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
    if (prev !== scan.lastHash) throw corrupt(scan.endOffset, 'the log ends at another hash');
    return { events, appends };
  } finally {
    await handle.close();
  }
};

const refuse = (field: string, reason: string): never => {
  throw new StoreOptionsError('importEventLog', field, reason);
};

// Each field read once and checked: the file a path, the store one that appends, the schema
// one that decodes; the key is checked where it is loaded (SigningKeyError).
const importOptions = <E extends EventShape>(given: unknown) => {
  const o = readOptionFields(given, ['file', 'store', 'schema', 'publicKey'], refuse);
  const file = checkedPath('file', o.file, refuse);
  let append: unknown;
  try {
    append = o.store !== null && typeof o.store === 'object'
      ? Reflect.get(o.store, 'appendToStream') : undefined;
  } catch {
    return refuse('store', 'could not be read');
  }
  if (typeof append !== 'function') refuse('store', 'not an event store (no appendToStream)');
  const store = o.store as EventStore<E>; // an object with an appendToStream method
  const schema = checkedSchema<E>(o.schema, refuse);
  return { file, store, schema, publicKey: o.publicKey as KeyInput | undefined };
};
