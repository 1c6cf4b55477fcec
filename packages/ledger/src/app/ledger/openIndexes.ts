// Where a Ledger's indexes start from when it opens: its checkpoint, if there is one and it
// belongs to this log, else nothing (the whole log is then read, as before checkpoints).
import { comparePosition, positionToString } from '../../eventStore/position.ts';
import { indexSealOfStore, type IndexSeal } from '../../file/storeKeys.ts';
import type { EventStore } from '../../eventStore/port.ts';
import { defaultKeptStateBytes } from '../states/keptStates.ts';
import type { LedgerEvent } from '../log/ledgerEvent.ts';
import {
  emptyIndexes, readIndexCheckpoint, type LedgerIndexes, type SeenUpTo,
} from './indexCheckpoint.ts';
import {
  checkedCount, checkedPath, readOptionFields, type RefuseOption,
} from '../../eventStore/storeOptionFields.ts';

/** How a Ledger opened: from its checkpoint or from the log, and how many events it read. */
export interface LedgerOpened {
  readonly from: 'checkpoint' | 'log';
  /** Events read from the log to open: all of them, or those after the checkpoint's. */
  readonly eventsRead: number;
  /** Why the whole log was read (no checkpoint, or one set aside). */
  readonly reason?: string;
}

/** Where the checkpoint is written, how often; undefined for none. */
export interface CheckpointPlace {
  readonly file: string;
  readonly everyEvents: number;
  /** The least events seen after the last checkpoint for a close to write one. */
  readonly onCloseAfterEvents: number;
  /** The most bytes of folded states kept beside the checkpoint (keptStates.ts); 0: none. */
  readonly stateBytes: number;
  /**
   * The file store's seal (storeKeys.ts): the checkpoint is signed with its writer's key, and
   * one not signed by it is set aside when the store checks its log with a public key.
   */
  readonly seal?: IndexSeal;
}

/**
 * Events read or appended between checkpoints by default. On a log of 300,000 events of small
 * streams (packages/ledger/bench/indexCheckpoint.bench.ts) a checkpoint of 34 MiB takes about
 * 10 ms to snapshot and 100-200 ms to write (hashed in slices, between commands), while
 * reading 50,000 events costs an open about 1 s: what a crash can cost at most.
 */
export const defaultCheckpointEveryEvents = 50_000;

/**
 * Events seen after the last checkpoint below which a close writes none, by default: the next
 * open reads them instead (about 0.1 s for 5,000 on the machine of docs/benchmarks.md), where
 * writing the checkpoint costs in proportion to the whole history (its command index above
 * all: 273 MiB and seconds to write at a decade of the society).
 */
export const defaultCheckpointOnCloseAfterEvents = 5_000;

/** An `indexCheckpoint` option that cannot be used: the field and why. */
export class IndexCheckpointOptionError extends TypeError {
  override readonly name = 'IndexCheckpointOptionError';
  constructor(readonly field: string, readonly reason: string) {
    super(`${field}: ${reason}`);
  }
}

const refuse: RefuseOption = (field, reason) => {
  throw new IndexCheckpointOptionError(
    field === '' ? 'indexCheckpoint' : `indexCheckpoint.${field}`, reason);
};

const fileOf = (store: EventStore<LedgerEvent>): string | undefined => {
  const file: unknown = Reflect.get(store, 'file');
  return typeof file === 'string' ? file : undefined;
};

/**
 * The checkpoint a Ledger keeps: as asked, else beside a file store's log, else none. The
 * option is read once, each field checked: IndexCheckpointOptionError names the one at fault.
 */
export const checkpointPlace = (
  store: EventStore<LedgerEvent>, option: unknown, // LedgerOptions' indexCheckpoint, unchecked
): CheckpointPlace | undefined => {
  if (option === false) return undefined;
  const o = option === undefined
    ? { file: undefined, everyEvents: undefined, onCloseAfterEvents: undefined,
      stateBytes: undefined }
    : readOptionFields(option, ['file', 'everyEvents', 'onCloseAfterEvents', 'stateBytes'],
      refuse);
  const given = o.file === undefined ? undefined : checkedPath('file', o.file, refuse);
  const everyEvents = checkedCount('everyEvents', o.everyEvents, defaultCheckpointEveryEvents,
    'events', refuse);
  const onCloseAfterEvents = checkedCount('onCloseAfterEvents', o.onCloseAfterEvents,
    defaultCheckpointOnCloseAfterEvents, 'events', refuse);
  const stateBytes = checkedCount('stateBytes', o.stateBytes, defaultKeptStateBytes, 'bytes',
    refuse);
  const beside = fileOf(store);
  const file = given ?? (beside === undefined ? undefined : `${beside}.ledger-index`);
  const seal = indexSealOfStore(store);
  return file === undefined ? undefined
    : { file, everyEvents, onCloseAfterEvents, stateBytes, ...seal === undefined ? {} : { seal } };
};

/** Why the checkpoint's last event is not in this log as it was, or undefined if it is. */
const unbound = async (
  store: EventStore<LedgerEvent>, seen: SeenUpTo,
): Promise<string | undefined> => {
  const at = positionToString(seen.position);
  for await (const e of store.readAll({ from: seen.position, maxCount: 1 })) {
    if (comparePosition(e.position, seen.position) !== 0) return `the log has no event at ${at}`;
    if (e.eventId !== seen.eventId) {
      return `the event at ${at} is ${e.eventId}, not ${seen.eventId}: another log`;
    }
    return undefined;
  }
  return `the log ends before ${at}`;
};

/** The indexes to open with: restored and bound to the log, or empty with the reason. */
export const openIndexes = async (
  store: EventStore<LedgerEvent>, place: CheckpointPlace | undefined,
): Promise<{ indexes: LedgerIndexes; seen?: SeenUpTo; reason?: string }> => {
  if (place === undefined) return { indexes: emptyIndexes(), reason: 'no index checkpoint kept' };
  const read = await readIndexCheckpoint(place.file, place.seal?.check);
  if (!read.found) return { indexes: emptyIndexes(), reason: read.reason };
  const reason = await unbound(store, read.seen);
  if (reason !== undefined) return { indexes: emptyIndexes(), reason };
  return { indexes: read.indexes, seen: read.seen };
};
