import {
  readNumber, writeNumber, type SnapshotReader, type SnapshotWriter,
} from '../../offHeap/snapshot.ts';

/** What the staff register reads of an event (a LedgerEvent is one). */
export interface StaffRegisterEvent { readonly type: string }

/** Whether the log holds a staff register yet, learnt from the events the Ledger reads. */
export interface StaffRegister {
  /** True once any member of staff has been appointed: from then on every command is checked. */
  readonly exists: () => boolean;
  readonly observe: (e: StaffRegisterEvent) => void;
}

/**
 * The register's one bit: has anyone been appointed? It only ever turns on (revoking the
 * last member of staff leaves a register with nobody in post, not a society being set up).
 * Each member's appointment is read from her own stream when she acts, never from here.
 */
export const staffRegister = (
  fromCheckpoint = false,
): StaffRegister & { readonly snapshot: (w: SnapshotWriter) => void } => {
  let appointed = fromCheckpoint;
  return {
    exists: () => appointed,
    observe: (e) => { if (e.type === 'StaffAppointed') appointed = true; },
    snapshot: (w) => writeNumber(w, appointed ? 1 : 0),
  };
};

/** The register a checkpoint holds (its one bit). */
export const restoreStaffRegister = (r: SnapshotReader): ReturnType<typeof staffRegister> =>
  staffRegister(readNumber(r) === 1);
