import { f64Column, i32Column, pushF64, pushI32 } from '../../offHeap/columns.ts';
import { addRow, findRow, hashRows } from '../../offHeap/hashRows.ts';
import { keyOf as key64, type KeyOf } from '../../offHeap/keyHash.ts';
import {
  SnapshotShapeError, type SnapshotReader, type SnapshotWriter,
} from '../../offHeap/snapshot.ts';
import {
  addString, nextString, stringArena, stringAt, stringIs,
} from '../../offHeap/stringArena.ts';
import {
  arena, changedI32, grownF64, grownI32, hashTable, readParts, requireRows, writeParts,
  type Snapshots,
} from '../ledger/indexParts.ts';
import type { StreamEvent } from '../log/ledgerEvent.ts';
import { hashAt, hashWords, pushHashWords } from './commandHashWords.ts';
import { idPattern, isIdOf, patternsAtMost, patternSpan } from './commandIdPattern.ts';
import {
  findInterned, intern, internedAt, internedIs, internedStrings, memoIntern,
  type InternedStrings,
} from './internedStrings.ts';

/** Where a stored command's events are, and the hash of its request. */
export interface CommandRef {
  readonly commandId: string;
  readonly commandType: string;
  readonly commandHash: string;
  readonly stream: string;
  readonly firstRevision: bigint;
  readonly count: number;
}

/** What the command index reads of an event (a StreamEvent is one). */
export type CommandEvent = Pick<StreamEvent, 'stream' | 'revision'> & {
  readonly type?: string;
  readonly metadata: {
    readonly commandId: string; readonly commandType: string; readonly commandHash: string;
  };
};

/** The commands stored in the log, by id: how a retry is recognised. */
export interface CommandIndex {
  readonly get: (commandId: string) => CommandRef | undefined;
  /** Takes note of a stored event (idempotent: an event seen twice counts once). */
  readonly observe: (e: CommandEvent) => void;
  readonly size: () => number;
}

/**
 * The index of stored commands, built from the log: by the scan when the Ledger opens, then from
 * every stream the Ledger reads and every append it makes. Kept off the JS heap, so that a log
 * of a million commands opens in a small heap: commands by a 64-bit key of the id in a hash
 * table (a hit is confirmed against the id itself: exact, and synchronous), per command its id
 * (as its pattern's number and its numbers, commandIdPattern.ts, or else as UTF-8 in an arena),
 * its request hash as 16 bytes, the numbers of its stream and its type (each name kept once: a
 * stream has many commands, a type very many), its first revision and its count in columns.
 * About 78 bytes a command at a million (27 of them the hash table), none of them on the heap;
 * it was 135 when every command kept its id, type, hash and stream as text.
 */
export const commandIndex = (keyOf: KeyOf = key64): CommandIndex & Snapshots => {
  const streams = internedStrings();
  const types = internedStrings();
  const patterns = internedStrings();
  return indexOver(keyOf, {
    keys: hashRows(), ids: stringArena(), id: f64Column(), firstRevision: f64Column(),
    count: i32Column(), stream: i32Column(), kind: i32Column(), hash: i32Column(),
    streamKeys: streams.keys, streamStrings: streams.strings, streamAt: streams.at,
    typeKeys: types.keys, typeStrings: types.strings, typeAt: types.at,
    patternKeys: patterns.keys, patternStrings: patterns.strings, patternAt: patterns.at,
  });
};

// The parts, in the order a checkpoint holds them. Per command: its `id` (its pattern's number
// times 2^40 plus its numbers, or where its text starts in `ids`; a hash not of the Ledger's
// form follows that text), its first revision, its count, its stream's number, its kind (its
// type's number times 4, plus `patterned`, plus `hashAsText`) and its hash's 4 words. Then the
// streams, the types and the id patterns, each kept once.
const shape = {
  keys: hashTable, ids: arena, id: grownF64, firstRevision: grownF64, count: changedI32,
  stream: grownI32, kind: grownI32, hash: grownI32,
  streamKeys: hashTable, streamStrings: arena, streamAt: grownF64,
  typeKeys: hashTable, typeStrings: arena, typeAt: grownF64,
  patternKeys: hashTable, patternStrings: arena, patternAt: grownF64,
};
const hashAsText = 1;
const memoAtMost = 256;
const patterned = 2;
type Parts = { -readonly [K in keyof typeof shape]: ReturnType<(typeof shape)[K]['read']> };

const requireKeys = (what: string, keys: number, rows: number): void => {
  if (keys !== rows) throw new SnapshotShapeError(`${keys} ${what} keys for ${rows} ${what}s`);
};

/**
 * The index a checkpoint holds (written by its `snapshot`), read back as it was: its parts are
 * views on the checkpoint's bytes, so reading it copies nothing. SnapshotShapeError if the
 * parts do not fit together.
 */
export const restoreCommandIndex = (
  r: SnapshotReader, keyOf: KeyOf = key64,
): CommandIndex & Snapshots => {
  const parts = readParts(shape, r);
  const { id, firstRevision, count, stream, kind, hash } = parts;
  const rows = id.length;
  requireRows(rows, { firstRevision, count, stream, kind });
  if (hash.length !== hashWords * rows) {
    throw new SnapshotShapeError(`column hash has ${hash.length} words, not ${hashWords * rows}`);
  }
  requireKeys('command', parts.keys.count, rows);
  requireKeys('stream', parts.streamKeys.count, parts.streamAt.length);
  requireKeys('type', parts.typeKeys.count, parts.typeAt.length);
  requireKeys('pattern', parts.patternKeys.count, parts.patternAt.length);
  return indexOver(keyOf, parts);
};

const indexOver = (keyOf: KeyOf, parts: Parts): CommandIndex & Snapshots => {
  const { keys, ids, id, firstRevision, count, stream, kind, hash } = parts;
  const streams: InternedStrings =
    { keys: parts.streamKeys, strings: parts.streamStrings, at: parts.streamAt };
  const types: InternedStrings =
    { keys: parts.typeKeys, strings: parts.typeStrings, at: parts.typeAt };
  const patterns: InternedStrings =
    { keys: parts.patternKeys, strings: parts.patternStrings, at: parts.patternAt };
  // Types and patterns are few: most commands find theirs without a key hash.
  const internType = memoIntern(types, keyOf, memoAtMost);
  const internPattern = memoIntern(patterns, keyOf, patternsAtMost);
  // The code of a new command's id if it is kept by its pattern, else -1. New patterns are
  // kept up to `patternsAtMost`, so that a code stays below 2^52.
  const codeOf = (commandId: string): number => {
    const p = idPattern(commandId);
    if (p === undefined) return -1;
    if (patterns.at.length >= patternsAtMost && findInterned(patterns, keyOf, p.pattern) < 0) {
      return -1;
    }
    return internPattern(p.pattern) * patternSpan + p.numbers;
  };
  // Patterns as text, taken from `patterns` when first needed: at most `patternsAtMost`.
  const patternTexts: string[] = [];
  const patternText = (n: number): string => (patternTexts[n] ??= internedAt(patterns, n));
  const isRow = (row: number, commandId: string): boolean => {
    const at = id.data[row] ?? 0;
    if (((kind.data[row] ?? 0) & patterned) === 0) return stringIs(ids, at, commandId);
    return isIdOf(commandId, patternText(Math.floor(at / patternSpan)), at % patternSpan);
  };
  // The id being looked up, for `isProbed`: one confirming function, not a closure a look-up.
  let probing = '';
  const isProbed = (row: number): boolean => isRow(row, probing);
  const rowAt = (commandId: string, k: Int32Array): number => {
    probing = commandId;
    return findRow(keys, k, isProbed);
  };
  const rowOf = (commandId: string): number => rowAt(commandId, keyOf(commandId));
  // The observed id's key, copied out of `keyOf`'s array (interning the stream reuses it), so
  // that a new command is added under the key its look-up computed: the id is hashed once.
  const idKey = new Int32Array(2);
  const add = (e: CommandEvent): void => {
    const m = e.metadata;
    const asWords = pushHashWords(hash, m.commandHash);
    // A hash kept as text follows the id's text, so such a command's id is kept as text too.
    const code = asWords ? codeOf(m.commandId) : -1;
    const at = code >= 0 ? code : addString(ids, m.commandId);
    if (!asWords) addString(ids, m.commandHash);
    pushF64(firstRevision, Number(e.revision));
    pushI32(count, 1);
    pushI32(stream, intern(streams, keyOf, e.stream));
    pushI32(kind, internType(m.commandType) * 4 + (code >= 0 ? patterned : 0)
      + (asWords ? 0 : hashAsText));
    // Last, so that a row is found only once every column holds it.
    addRow(keys, idKey, pushF64(id, at));
  };
  const observe = (e: CommandEvent): void => {
    // An opening's note on the member's stream carries the opening's command record; the
    // command's events, whose outcome a retry is answered with, are in the account's stream.
    // So does a first configuration's or appointment's note (SetUpNoted); a claim on a process
    // is no command's.
    if (e.type === 'AccountOpeningNoted' || e.type === 'SetUpNoted'
      || e.type === 'ProcessClaimed') return;
    const k = keyOf(e.metadata.commandId);
    idKey[0] = k[0] ?? 0;
    idKey[1] = k[1] ?? 0;
    const row = rowAt(e.metadata.commandId, idKey);
    if (row < 0) return add(e);
    const next = (firstRevision.data[row] ?? 0) + (count.data[row] ?? 0);
    if (Number(e.revision) === next && internedIs(streams, stream.data[row] ?? 0, e.stream)) {
      count.data[row] = (count.data[row] ?? 0) + 1;
    }
  };
  const get = (commandId: string): CommandRef | undefined => {
    const row = rowOf(commandId);
    if (row < 0) return undefined;
    const k = kind.data[row] ?? 0;
    return {
      commandId, commandType: internedAt(types, k >> 2),
      commandHash: (k & hashAsText) === 0
        ? hashAt(hash, row) : stringAt(ids, nextString(ids, id.data[row] ?? 0)),
      stream: internedAt(streams, stream.data[row] ?? 0),
      firstRevision: BigInt(firstRevision.data[row] ?? 0), count: count.data[row] ?? 0,
    };
  };
  return {
    get, observe, size: () => id.length,
    snapshot: (w: SnapshotWriter) => writeParts(shape, w, parts),
  };
};
