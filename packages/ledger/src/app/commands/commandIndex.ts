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
  arena, changedI32, grownF64, hashTable, readParts, requireRows, writeParts,
  type Snapshots,
} from '../ledger/indexParts.ts';
import type { StreamEvent } from '../log/ledgerEvent.ts';

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
 * table, and per command its id, type, request hash and stream as UTF-8 in an arena (a hit is
 * confirmed against the id itself: exact, and synchronous), its first revision and its count
 * in columns. About 150 bytes a command (120 MiB for a million), none of them on the heap.
 */
export const commandIndex = (keyOf: KeyOf = key64): CommandIndex & Snapshots =>
  indexOver(keyOf, {
    keys: hashRows(), strings: stringArena(), at: f64Column(), firstRevision: f64Column(),
    count: i32Column(),
  });

// The parts, in the order a checkpoint holds them: per command its id, type, request hash and
// stream in the arena (`at` is where the id starts), its first revision and its count.
const shape = {
  keys: hashTable, strings: arena, at: grownF64, firstRevision: grownF64, count: changedI32,
};
type Parts = { -readonly [K in keyof typeof shape]: ReturnType<(typeof shape)[K]['read']> };

/**
 * The index a checkpoint holds (written by its `snapshot`), read back as it was: its parts are
 * views on the checkpoint's bytes, so reading it copies nothing. SnapshotShapeError if the
 * parts do not fit together.
 */
export const restoreCommandIndex = (
  r: SnapshotReader, keyOf: KeyOf = key64,
): CommandIndex & Snapshots => {
  const parts = readParts(shape, r);
  const { at, firstRevision, count } = parts;
  requireRows(at.length, { firstRevision, count });
  if (parts.keys.count !== at.length) {
    throw new SnapshotShapeError(`${parts.keys.count} command keys for ${at.length} commands`);
  }
  return indexOver(keyOf, parts);
};

const indexOver = (keyOf: KeyOf, parts: Parts): CommandIndex & Snapshots => {
  const { keys, strings, at, firstRevision, count } = parts;
  const rowOf = (commandId: string): number =>
    findRow(keys, keyOf(commandId), (row) => stringIs(strings, at.data[row] ?? 0, commandId));
  const streamIs = (row: number, stream: string): boolean => {
    const type = nextString(strings, at.data[row] ?? 0);
    return stringIs(strings, nextString(strings, nextString(strings, type)), stream);
  };
  const observe = (e: CommandEvent): void => {
    // An opening's note on the member's stream carries the opening's command record; the
    // command's events, whose outcome a retry is answered with, are in the account's stream.
    // So does a first configuration's or appointment's note (SetUpNoted); a claim on a process
    // is no command's.
    if (e.type === 'AccountOpeningNoted' || e.type === 'SetUpNoted'
      || e.type === 'ProcessClaimed') return;
    const m = e.metadata;
    const row = rowOf(m.commandId);
    if (row < 0) {
      const start = addString(strings, m.commandId);
      addString(strings, m.commandType);
      addString(strings, m.commandHash);
      addString(strings, e.stream);
      const added = pushF64(at, start);
      pushF64(firstRevision, Number(e.revision));
      pushI32(count, 1);
      addRow(keys, keyOf(m.commandId), added);
      return;
    }
    const next = (firstRevision.data[row] ?? 0) + (count.data[row] ?? 0);
    if (Number(e.revision) === next && streamIs(row, e.stream)) {
      count.data[row] = (count.data[row] ?? 0) + 1;
    }
  };
  const get = (commandId: string): CommandRef | undefined => {
    const row = rowOf(commandId);
    if (row < 0) return undefined;
    const typeAt = nextString(strings, at.data[row] ?? 0);
    const hashAt = nextString(strings, typeAt);
    return {
      commandId, commandType: stringAt(strings, typeAt), commandHash: stringAt(strings, hashAt),
      stream: stringAt(strings, nextString(strings, hashAt)),
      firstRevision: BigInt(firstRevision.data[row] ?? 0), count: count.data[row] ?? 0,
    };
  };
  return {
    get, observe, size: () => at.length,
    snapshot: (w: SnapshotWriter) => writeParts(shape, w, parts),
  };
};
