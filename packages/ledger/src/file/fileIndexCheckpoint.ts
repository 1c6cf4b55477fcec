// The file store's index kept beside its log (`<log>.index`), so that an open reads only what
// was appended after it instead of the whole log. A cache, never a record: deleted, damaged or
// out of date, the next open scans the log as before. Its shape is described once, here: the
// writer and the reader below take the parts in the same order.
import type { KeyObject } from 'node:crypto';
import {
  readF64, readHashRows, readI32, readNumber, readText, snapshotWriter, SnapshotShapeError,
  writeF64, writeHashRows, writeI32, writeNumber, writeText, type SnapshotReader,
  type SnapshotWriter,
} from '../offHeap/snapshot.ts';
import { parallelSha256 } from '../offHeap/parallelSha256.ts';
import { readSnapshotFile, sha256InTurns, writeSnapshotFile } from '../offHeap/snapshotFile.ts';
import type { I32Column } from '../offHeap/columns.ts';
import type { HashRows } from '../offHeap/hashRows.ts';
import { keyOf } from '../offHeap/keyHash.ts';
import type { StoredIndex } from './fileIndex.ts';
import { signatureValid, signHash } from './signingKeys.ts';

/** What the index checkpoint holds: the index as of an append's end, and that end. */
export interface IndexCheckpoint {
  readonly index: StoredIndex;
  /** Two words a line: the line digests (see `lineDigests`). */
  readonly digestWords: I32Column;
  /** Bytes of complete appends it covers, and their lines. */
  readonly endOffset: number;
  readonly lines: number;
  /** Hash and byte offset of the last line it covers (genesis and undefined if none). */
  readonly lastHash: string;
  readonly lastLineOffset: number | undefined;
  /** Line number (from 1) ending the last append written unsigned, or 0 if none was. */
  readonly lastUnsignedLine: number;
}

/** An index checkpoint read back, or why none can be used. */
export type CheckpointRead =
  | { readonly found: true; readonly checkpoint: IndexCheckpoint }
  | { readonly found: false; readonly reason: string };

const format = 'usha file index 1';
// Keys of a fixed text: a checkpoint whose keys another key function made is of no use.
const probe = 'loan-00000000-0000-4000-8000-000000000000';

/** The checkpoint file of a log. */
export const checkpointFileOf = (log: string): string => `${log}.index`;

const copyRows = (t: HashRows): HashRows => ({ slots: t.slots.slice(), count: t.count });
const copyI32 = (c: I32Column): I32Column =>
  ({ data: c.data.slice(0, c.length), length: c.length });

/**
 * The checkpoint's parts, all but the signature (`writeIndexCheckpoint` adds it). With `copy`,
 * what appends change in place (the hash tables, each stream's length and last line) is copied,
 * so that appends may go on while it is written; the rest only grows past the rows taken here,
 * and is written from where it is.
 */
export const checkpointWriter = (
  c: IndexCheckpoint, o: { readonly copy: boolean },
): SnapshotWriter => {
  const w = snapshotWriter();
  const { index } = c;
  writeText(w, format);
  const k = keyOf(probe);
  writeNumber(w, k[0] ?? 0);
  writeNumber(w, k[1] ?? 0);
  writeNumber(w, c.endOffset);
  writeNumber(w, c.lines);
  writeText(w, c.lastHash);
  writeNumber(w, c.lastUnsignedLine);
  writeF64(w, index.lines);
  writeI32(w, index.previousInStream);
  writeHashRows(w, o.copy ? copyRows(index.streamKeys) : index.streamKeys);
  writeI32(w, o.copy ? copyI32(index.streamLength) : index.streamLength);
  writeI32(w, o.copy ? copyI32(index.streamLast) : index.streamLast);
  writeHashRows(w, o.copy ? copyRows(index.ids) : index.ids);
  writeI32(w, c.digestWords);
  writeNumber(w, index.collided.size);
  for (const [name, s] of index.collided) {
    writeText(w, JSON.stringify(name)); // escaped: a storable name may hold a lone surrogate
    writeNumber(w, s);
  }
  return w;
};

/**
 * Writes the checkpoint atomically (the old one or the new one survives a crash), after its
 * last part: the writer's signature of the SHA-256 of all the parts before it, with which an
 * open that holds the public key knows the digests are the ones the writer verified or wrote.
 * Without a key the place is left empty and nothing is hashed for it (the file's own SHA-256,
 * taken as it is written, is what catches a damaged checkpoint); with one, the parts are hashed
 * a few MiB at a time, the event loop let run between, as the file's SHA-256 is.
 */
export const writeSealedSnapshot = async (
  file: string, w: SnapshotWriter, sign?: (digestHex: string) => string | undefined,
): Promise<void> => {
  const signature = sign === undefined ? ''
    : sign((await sha256InTurns(w.parts)).toString('hex')) ?? '';
  const signed = { parts: [...w.parts], bytes: w.bytes }; // `w` itself left as it was given
  writeText(signed, signature);
  await writeSnapshotFile(file, signed);
};

/** Parts a reader will not use, and why (another version, another format). */
export interface SetAside {
  readonly setAside: string;
}

/**
 * A sealed snapshot read back, and what the check said of its seal (undefined: no check); or
 * why not, found in the file (missing, damaged: readSnapshotFile's reasons) or in its parts.
 */
export type SealedRead<T> =
  | { readonly found: true; readonly value: T; readonly signed: boolean | undefined }
  | { readonly found: false; readonly reason: string; readonly in: 'file' | 'parts' };

/**
 * Reads a snapshot `writeSealedSnapshot` wrote: `parts` reads what comes before the seal (or
 * says why it sets them aside), then the seal is read and, with `check`, given the SHA-256 of
 * the parts' bytes (hashed as they are read). The file's SHA-256 is checked as
 * readSnapshotFile does; parts out of shape are a reason (`garbled: ...`), never a throw. The
 * reasons of readSnapshotFile come back as they are (`no snapshot` for a missing file).
 */
export const readSealedSnapshot = async <T>(
  file: string, parts: (r: SnapshotReader) => T | SetAside,
  check?: (digestHex: string, signature: string) => boolean | undefined,
): Promise<SealedRead<T>> => {
  type Parsed = SealedRead<T> | Promise<SealedRead<T>>;
  const read = await readSnapshotFile(file, (r): Parsed => {
    const sha = check === undefined ? undefined : parallelSha256();
    if (sha !== undefined) r.taps.add(sha);
    try {
      const value = parts(r);
      if (typeof value === 'object' && value !== null && 'setAside' in value) {
        return { found: false, reason: value.setAside, in: 'parts' };
      }
      if (sha !== undefined) r.taps.delete(sha);
      const signature = readText(r);
      if (r.at !== r.end) {
        throw new SnapshotShapeError(`${r.end - r.at} bytes after the signature`);
      }
      if (sha === undefined || check === undefined) {
        return { found: true, value, signed: undefined };
      }
      return sha.digest().then((digest) =>
        ({ found: true, value, signed: check(digest.toString('hex'), signature) }));
    } catch (e) {
      if (!(e instanceof SnapshotShapeError)) throw e;
      return { found: false, reason: `garbled: ${e.message}`, in: 'parts' };
    }
  });
  return read.found ? read.value : { ...read, in: 'file' };
};

/** The file store's checkpoint, signed with the writer's key (its digest as it is). */
export const writeIndexCheckpoint = (
  file: string, w: SnapshotWriter, signingKey?: KeyObject,
): Promise<void> => writeSealedSnapshot(file, w,
  signingKey === undefined ? undefined : (hex) => signHash(signingKey, hex));

const shapeFault = (c: IndexCheckpoint, streams: number): string | undefined => {
  const { index: x, lines } = c;
  if (!Number.isSafeInteger(lines) || lines < 0 || !Number.isSafeInteger(c.endOffset)) {
    return `${lines} lines, ending at ${c.endOffset}`;
  }
  if (x.lines.length !== lines || x.previousInStream.length !== lines || x.ids.count !== lines
    || c.digestWords.length !== 2 * lines) return 'columns of other lengths than its lines';
  if (x.streamLast.length !== streams || x.streamKeys.count + x.collided.size !== streams) {
    return 'stream columns of other lengths';
  }
  if ((lines === 0) !== (c.endOffset === 0) || !/^[0-9a-f]{64}$/.test(c.lastHash)) {
    return 'an end that is no append\'s';
  }
  return undefined;
};

// A collided stream name as written (`JSON.stringify`), or undefined for anything else.
const nameOf = (text: string): string | undefined => {
  try {
    const name: unknown = JSON.parse(text);
    return typeof name === 'string' ? name : undefined;
  } catch {
    return undefined;
  }
};

const readParts = (r: SnapshotReader): IndexCheckpoint | string => {
  if (readText(r) !== format) return 'not a file index checkpoint of this format';
  const k = keyOf(probe);
  if (readNumber(r) !== k[0] || readNumber(r) !== k[1]) return 'keys made by another function';
  const endOffset = readNumber(r);
  const lines = readNumber(r);
  const lastHash = readText(r);
  const lastUnsignedLine = readNumber(r);
  const linesColumn = readF64(r);
  const previousInStream = readI32(r);
  const streamKeys = readHashRows(r);
  const streamLength = readI32(r);
  const streamLast = readI32(r);
  const ids = readHashRows(r);
  const digestWords = readI32(r);
  const collided = new Map<string, number>();
  const count = readNumber(r);
  for (let i = 0; i < count; i++) {
    const name = nameOf(readText(r));
    if (name === undefined) return 'a collided stream name that is not a string';
    collided.set(name, readNumber(r));
  }
  const index = {
    lines: linesColumn, previousInStream, streamKeys, streamLength, streamLast, collided, ids,
  };
  const lastLineOffset = lines === 0 ? undefined : linesColumn.data[lines - 1];
  const c = { index, digestWords, endOffset, lines, lastHash, lastLineOffset, lastUnsignedLine };
  return shapeFault(c, streamLength.length) ?? c;
};

/**
 * Reads the checkpoint of a log: its SHA-256 and shape checked and, with the writer's public
 * key, its signature (a checkpoint the key did not sign is not used). Never throws for what is
 * in the file: a reason comes back instead.
 */
export const readIndexCheckpoint = async (
  file: string, verifyKey?: KeyObject,
): Promise<CheckpointRead> => {
  const check = verifyKey === undefined ? undefined : (hex: string, signature: string) =>
    /^[0-9a-f]{128}$/.test(signature) && signatureValid(verifyKey, hex, signature);
  const read = await readSealedSnapshot<IndexCheckpoint>(file, (r) => {
    const parts = readParts(r);
    return typeof parts === 'string' ? { setAside: parts } : parts;
  }, check);
  if (!read.found) return { found: false, reason: read.reason };
  if (read.signed === false) return { found: false, reason: 'not signed by the writer\'s key' };
  return { found: true, checkpoint: read.value };
};
