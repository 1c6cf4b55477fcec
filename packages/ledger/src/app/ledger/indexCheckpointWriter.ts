// When a Ledger writes its index checkpoint: every so many observed events (in the background,
// between commands), when it closes after enough of them, and right after an open that read
// half that many. The snapshot is taken in one synchronous step, so no event is half in it;
// the file is then written while commands go on (indexParts.ts says why the snapshot does not
// change under them).
import { resolve } from 'node:path';
import { StoreClosedError } from '../../eventStore/errors.ts';
import { comparePosition } from '../../eventStore/position.ts';
import {
  indexSnapshot, writeIndexCheckpoint, type LedgerIndexes, type SeenUpTo,
} from './indexCheckpoint.ts';
import type { CheckpointPlace } from './openIndexes.ts';

/** A checkpoint the Ledger could not write when it closed. */
export class IndexCheckpointWriteError extends Error {
  override readonly name = 'IndexCheckpointWriteError';
  constructor(readonly file: string, cause: unknown) {
    super(`the Ledger's index checkpoint ${file} could not be written `
      + `(${cause instanceof Error ? cause.message : String(cause)}); the log is intact, and `
      + 'the next open reads it whole. Pass `indexCheckpoint: false` to keep none', { cause });
  }
}

/** Writes a Ledger's checkpoint when due. */
export interface IndexCheckpointWriter {
  /**
   * Counts an event shown to the indexes: one read from the log in order, or one of this
   * Ledger's appends (read back later: counted once as read); when enough have been, a write is
   * started.
   */
  readonly observed: (how: 'read' | 'appended') => void;
  /**
   * From now on writes are started when due (not while the open reads the log); one is started
   * now if the open read half of `onCloseAfterEvents` or more.
   */
  readonly arm: () => void;
  /** Resolves when the write in the background, if any, has ended (its error kept, not thrown). */
  readonly settled: () => Promise<void>;
  /**
   * Reads the log to its end, then writes a checkpoint of it unless the last one holds it or
   * fewer than `onCloseAfterEvents` events are after it (the next open reads those).
   */
  readonly close: () => Promise<void>;
}

// The file by its resolved path: `a/x` and `./a/x` are one file.
const writing = new Map<string, Promise<unknown>>();
/**
 * One write at a time per file, whichever Ledger of this process starts it: two writes of the
 * same file would share its temporary name.
 */
export const inTurn = (given: string, write: () => Promise<void>): Promise<void> => {
  const file = resolve(given);
  const turn = (writing.get(file) ?? Promise.resolve()).catch(() => undefined).then(write);
  writing.set(file, turn);
  void turn.catch(() => undefined).finally(() => {
    if (writing.get(file) === turn) writing.delete(file);
  });
  return turn;
};

/** The writer of the checkpoint at `place` (none written for a store opened read-only). */
export const indexCheckpointWriter = (o: {
  readonly place: CheckpointPlace;
  readonly readOnly: boolean;
  readonly indexes: LedgerIndexes;
  /** The event the checkpoint the Ledger opened from had read up to, if it opened from one. */
  readonly restored: SeenUpTo | undefined;
  readonly seen: () => SeenUpTo | undefined;
  readonly catchUp: () => Promise<void>;
  /**
   * Writes the folded states kept beside the checkpoint (keptStates.ts), if any: after each
   * checkpoint, and at every close (they cost little, and a restart's first commands need
   * them). A cache: a write that fails leaves the last one, or none.
   */
  readonly keepStates?: () => Promise<void>;
}): IndexCheckpointWriter => {
  let since = 0; // events observed (read or appended) since the last snapshot: when one is due
  let after = 0; // events read in log order after the checkpoint on disk: what an open reads
  let kept = o.restored; // what the checkpoint on disk has read up to
  let due = o.place.everyEvents; // after a failed write, as many events more before another
  let armed = false;
  let background: Promise<void> | undefined;
  // Own appends are observed as they are stored, ahead of the position read up to; reading on
  // to the end moves that position past them (they are seen again: changing nothing).
  let storeClosed = false;
  const readToEnd = async (): Promise<void> => {
    try {
      await o.catchUp();
    } catch (e) {
      if (!(e instanceof StoreClosedError)) throw e; // else: kept as read so far
      storeClosed = true;
    }
  };
  let closed = false;
  // Not once the store is closed (another process may hold the log's writer lock by then), nor
  // by a second close: the file is the writer's, written while it holds the log.
  const statesWritten = async (): Promise<void> => {
    if (storeClosed) return;
    await o.keepStates?.().catch(() => undefined);
  };
  const write = async (): Promise<void> => {
    await readToEnd();
    // Nothing is written for a store already closed: the checkpoint is the writer's, as the
    // states are, and another process may hold the log by now (its own checkpoint beside it).
    if (storeClosed) return;
    const seen = o.seen();
    if (seen === undefined) return; // an empty log: nothing to keep
    // The indexes are those of the log up to `seen`: the checkpoint holds them already.
    if (kept !== undefined && comparePosition(kept.position, seen.position) === 0) {
      since = 0;
      return;
    }
    const taken = since;
    const read = after;
    const snapshot = indexSnapshot(o.indexes, seen);
    since -= taken;
    try {
      await inTurn(o.place.file,
        () => writeIndexCheckpoint(o.place.file, snapshot, o.place.seal?.sign));
    } catch (e) {
      since += taken; // nothing was kept: the events still count towards the next write
      throw e;
    }
    after -= read;
    kept = seen;
    await statesWritten();
  };
  // An open that read half the close's bound after the checkpoint writes one beside the first
  // commands, so that a close seldom has to (with 0 every close writes, so no open needs to).
  const { onCloseAfterEvents } = o.place;
  const openBound = onCloseAfterEvents > 0 ? onCloseAfterEvents / 2 : Number.POSITIVE_INFINITY;
  const start = (early = false) => {
    if (o.readOnly || !armed || background !== undefined || (since < due && !early)) return;
    // Started on the next turn: the event just observed may be one of a batch still being shown.
    background = new Promise<void>((resolve) => setImmediate(resolve)).then(write)
      .then(() => { due = o.place.everyEvents; })
      // A cache: a later write (at the latest the close's) tries again.
      .catch(() => { due = since + o.place.everyEvents; })
      .finally(() => { background = undefined; start(); });
  };
  return {
    observed: (how) => {
      since += 1;
      if (how === 'read') after += 1;
      start();
    },
    arm: () => { armed = true; start(after > 0 && after >= openBound); },
    settled: async () => { await background; },
    close: async () => {
      await background;
      if (o.readOnly || closed) return; // a close that failed is tried again by the next
      try {
        await readToEnd(); // this Ledger's own appends read back: `after` is then exact
        if (after < o.place.onCloseAfterEvents) {
          await statesWritten();
        } else {
          const before = kept;
          await write();
          if (kept === before) await statesWritten(); // the checkpoint held the log already
        }
        closed = true;
      } catch (e) {
        throw new IndexCheckpointWriteError(o.place.file, e);
      }
    },
  };
};
