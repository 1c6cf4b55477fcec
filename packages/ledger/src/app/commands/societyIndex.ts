import { SocietyId } from '@usha/domain';
import {
  readText, SnapshotShapeError, writeText, type SnapshotReader, type SnapshotWriter,
} from '../../offHeap/snapshot.ts';
import type { Snapshots } from '../ledger/indexParts.ts';

/** What the society index reads of an event (a LedgerEvent is one). */
export type SocietyIndexEvent =
  | { readonly type: 'SocietyConfigured'; readonly data: { readonly societyId: SocietyId } }
  | { readonly type: string };

/** The society a log keeps the books of, found from the log. */
export interface SocietyIndex {
  /** The society's id, or undefined while none is configured. */
  readonly id: () => SocietyId | undefined;
  readonly observe: (e: SocietyIndexEvent) => void;
}

const isConfigured = (e: SocietyIndexEvent): e is Extract<SocietyIndexEvent,
  { type: 'SocietyConfigured' }> => e.type === 'SocietyConfigured';

/**
 * The society of the log: the first one configured. A log keeps one society's books (its
 * members, accounts and loans carry no society id); a second society configured in the same
 * log does not move the closed period of the first's books.
 */
export const societyIndex = (configured?: SocietyId): SocietyIndex & Snapshots => {
  let id = configured;
  return {
    id: () => id,
    observe: (e) => { if (id === undefined && isConfigured(e)) id = e.data.societyId; },
    snapshot: (w: SnapshotWriter) => writeText(w, id ?? ''),
  };
};

/** The index a checkpoint holds (its id, or '' for none); SnapshotShapeError if garbled. */
export const restoreSocietyIndex = (r: SnapshotReader): SocietyIndex & Snapshots => {
  const text = readText(r);
  if (text === '') return societyIndex();
  if (!SocietyId.is(text)) throw new SnapshotShapeError(`a society id ${JSON.stringify(text)}`);
  return societyIndex(text);
};
