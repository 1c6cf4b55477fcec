// The Ledger's indexes kept in one file, so that an open reads only what the log gained since
// the event they had read up to. A cache, never a record: one that
// is missing, damaged, of another version or of another log is set aside with the reason, and
// the indexes are built from the whole log as before.
import type { KeyObject } from 'node:crypto';
import * as E from 'fp-ts/lib/Either.js';
import { positionFromString, positionToString, type Position } from '../../eventStore/position.ts';
import { keyOf } from '../../offHeap/keyHash.ts';
import {
  readNumber, readText, SnapshotShapeError, snapshotWriter, writeNumber, writeText,
  type SnapshotReader, type SnapshotWriter,
} from '../../offHeap/snapshot.ts';
import {
  readSealedSnapshot, writeSealedSnapshot, type SetAside,
} from '../../file/fileIndexCheckpoint.ts';
import {
  restoreStaffRegister, staffRegister,
} from '../authorisation/staffRegister.ts';
import { commandIndex, restoreCommandIndex } from '../commands/commandIndex.ts';
import { memberIndex, restoreMemberIndex } from '../commands/memberIndex.ts';
import { restoreSocietyIndex, societyIndex } from '../commands/societyIndex.ts';
import { processIndex, restoreProcessIndex } from '../processes/processIndex.ts';

/**
 * The layout this code writes and reads. Raise it whenever an index's parts, what an index
 * takes from an event, or the key hash change: an older checkpoint is then set aside.
 */
export const indexCheckpointVersion = 3; // 3: the writer's signature after the indexes

/** The indexes a Ledger builds from the log. */
export interface LedgerIndexes {
  readonly commands: ReturnType<typeof commandIndex>;
  readonly members: ReturnType<typeof memberIndex>;
  readonly processes: ReturnType<typeof processIndex>;
  readonly society: ReturnType<typeof societyIndex>;
  readonly staff: ReturnType<typeof staffRegister>;
}

/** The last event read in log order: every event up to it is in the indexes. */
export interface SeenUpTo {
  readonly position: Position;
  readonly eventId: string;
}

/** Empty indexes, for a Ledger that reads the whole log. */
export const emptyIndexes = (): LedgerIndexes => ({
  commands: commandIndex(), members: memberIndex(), processes: processIndex(),
  society: societyIndex(), staff: staffRegister(),
});

// The key of a fixed text: a checkpoint whose hash tables were filled with another hash
// (a change of keyHash.ts without a new version) is set aside rather than misread.
const probe = (): [number, number] => {
  const k = keyOf('usha-ledger-index');
  return [k[0] ?? 0, k[1] ?? 0];
};

/**
 * The indexes and the event they have read up to, as a snapshot taken now: the indexes may
 * change while it is written (see indexParts.ts).
 */
export const indexSnapshot = (indexes: LedgerIndexes, seen: SeenUpTo): SnapshotWriter => {
  const w = snapshotWriter();
  writeNumber(w, indexCheckpointVersion);
  for (const half of probe()) writeNumber(w, half);
  writeText(w, positionToString(seen.position));
  writeText(w, seen.eventId);
  indexes.commands.snapshot(w);
  indexes.members.snapshot(w);
  indexes.processes.snapshot(w);
  indexes.society.snapshot(w);
  indexes.staff.snapshot(w);
  return w;
};

/** A checkpoint read back, or why it is set aside. */
export type IndexCheckpointRead =
  | { readonly found: true; readonly indexes: LedgerIndexes; readonly seen: SeenUpTo }
  | { readonly found: false; readonly reason: string };

type Restored = { readonly indexes: LedgerIndexes; readonly seen: SeenUpTo };

const restore = (r: SnapshotReader): Restored | SetAside => {
  const version = readNumber(r);
  if (version !== indexCheckpointVersion) {
    return { setAside: `version ${version}; this Ledger reads version `
      + `${indexCheckpointVersion}` };
  }
  const [a, b] = probe();
  if (readNumber(r) !== a || readNumber(r) !== b) {
    return { setAside: 'its keys were made by another hash' };
  }
  const at = positionFromString(readText(r));
  if (E.isLeft(at)) throw new SnapshotShapeError(at.left);
  const eventId = readText(r);
  const indexes: LedgerIndexes = {
    commands: restoreCommandIndex(r), members: restoreMemberIndex(r),
    processes: restoreProcessIndex(r), society: restoreSocietyIndex(r),
    staff: restoreStaffRegister(r),
  };
  return { indexes, seen: { position: at.right, eventId } };
};

/**
 * Reads the checkpoint in `file`: its indexes and the event they have read up to. With the
 * log's public key (a file store opened with `verifyKey`), a checkpoint the log's writer did
 * not sign is set aside: the file decides what a retried command is answered and which steps of
 * a process are run, so one edited on disk, its own SHA-256 made again, must not be used where
 * the log itself could not be edited so.
 */
export const readIndexCheckpoint = async (
  file: string, check?: (digestHex: string, signature: string) => boolean | undefined,
): Promise<IndexCheckpointRead> => {
  const read = await readSealedSnapshot(file, restore, check);
  if (!read.found) {
    if (read.in === 'parts') return { found: false, reason: read.reason };
    return { found: false, reason: read.reason === 'no snapshot'
      ? `no checkpoint at ${file}` : `${file}: ${read.reason}` };
  }
  if (read.signed === false) return { found: false, reason: 'not signed by the log\'s writer' };
  return { found: true, indexes: read.value.indexes, seen: read.value.seen };
};

/**
 * Writes the checkpoint (atomically: the old one or the new one survives a crash), its last
 * part the store's seal of the SHA-256 of the parts before it (`sign`), or nothing without
 * one: the file store's own checkpoint is written the same way.
 */
export const writeIndexCheckpoint = writeSealedSnapshot;
