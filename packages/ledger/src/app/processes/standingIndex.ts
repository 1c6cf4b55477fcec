import type { InstructionId } from '@usha/domain';
import type { Position } from '../../eventStore/position.ts';
import type { EventStore } from '../../eventStore/port.ts';
import type { LedgerEvent } from '../log/ledgerEvent.ts';
import { readsFrom } from '../ledger/catchUp.ts';

/** Every standing instruction the log holds, in the order they were given. */
export interface StandingIndex {
  /** Reads what the store gained since the last call, then lists every instruction's id. */
  readonly instructions: () => Promise<ReadonlyArray<InstructionId>>;
}

const indexes = new WeakMap<EventStore<LedgerEvent>, StandingIndex>();

const build = (store: EventStore<LedgerEvent>): StandingIndex => {
  const ids: InstructionId[] = [];
  let last: Position | undefined;
  const catchUp = readsFrom(store, () => last, (e) => {
    last = e.position;
    if (e.type === 'StandingInstructionGiven') ids.push(e.data.instructionId);
  });
  return { instructions: async () => { await catchUp(); return [...ids]; } };
};

/**
 * The index of a store's instructions, one per store: the first run reads the whole log, each
 * later run only what was stored since (by this Ledger or any other), so a daily run does not
 * read the log again. An instruction's id costs a few dozen bytes.
 */
export const standingIndexOf = (store: EventStore<LedgerEvent>): StandingIndex => {
  const held = indexes.get(store);
  if (held !== undefined) return held;
  const made = build(store);
  indexes.set(store, made);
  return made;
};
