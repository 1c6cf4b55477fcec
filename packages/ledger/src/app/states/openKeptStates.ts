// A Ledger's kept states at open and close: where they are (a signed checkpoint's side), read
// when the Ledger opens, written by its checkpoint writer.
import { inTurn } from '../ledger/indexCheckpointWriter.ts';
import type { CheckpointPlace } from '../ledger/openIndexes.ts';
import {
  defaultKeptStateMinEvents, keptStatesFileOf, readKeptStates, writeKeptStates,
  type HeldState, type KeptState, type StatesPlace,
} from './keptStates.ts';
import { stateFingerprint } from './stateFingerprint.ts';

/**
 * The states a Ledger restored when it opened (within `stateCacheEntries`), and the records
 * dropped; or why none were.
 */
export type RestoredStates =
  | { readonly restored: number; readonly dropped: number }
  | { readonly restored: 0; readonly reason: string };

/**
 * Where states are kept: beside a checkpoint the store seals with a key; none for a store with
 * no key to check a signature with (an unsigned file store's seal checks nothing), with
 * `stateBytes` 0, or for a Ledger that holds no states (`stateCacheEntries` 0).
 */
export const keptStatesPlace = (
  place: CheckpointPlace | undefined, stateCacheEntries: number,
): StatesPlace | undefined =>
  place?.seal === undefined || place.seal.check('00', '') === undefined || place.stateBytes === 0
    || stateCacheEntries === 0 ? undefined
    : { file: keptStatesFileOf(place.file), seal: place.seal, maxBytes: place.stateBytes,
      maxStates: stateCacheEntries, minEvents: defaultKeptStateMinEvents };

/** Why a Ledger keeps no states. */
export const noStatesKept =
  'no states kept: the store has no key, or stateBytes or stateCacheEntries is 0';

/** The states to restore, their fingerprint (for writing them again), and what to report. */
export interface KeptStatesOpened {
  readonly states: readonly KeptState[];
  readonly fingerprint: string | undefined;
  readonly opened: RestoredStates;
}

/** Reads the states kept at `place` that this code and these products folded. */
export const openKeptStates = async (
  place: StatesPlace | undefined, products: unknown,
): Promise<KeptStatesOpened> => {
  if (place === undefined) {
    return { states: [], fingerprint: undefined, opened: { restored: 0,
      reason: noStatesKept } };
  }
  const fingerprint = await stateFingerprint(products);
  if (fingerprint === undefined) {
    return { states: [], fingerprint, opened: { restored: 0,
      reason: 'no states kept: the code that folds them could not be read' } };
  }
  let read;
  try {
    read = await readKeptStates(place, fingerprint);
  } catch (e) {
    const why = e instanceof Error ? e.message : String(e);
    return { states: [], fingerprint, opened: { restored: 0, reason: `unread: ${why}` } };
  }
  return read.found
    ? { states: read.states, fingerprint,
      opened: { restored: read.states.length, dropped: read.dropped } }
    : { states: [], fingerprint, opened: { restored: 0, reason: read.reason } };
};

/** Writes the states held, in turn with any other write of the file in this process. */
export const keptStatesWriter = (
  place: StatesPlace, fingerprint: string, held: () => HeldState[],
): () => Promise<void> => () => inTurn(place.file, async () => {
  await writeKeptStates(place, fingerprint, held());
});
