import type { LedgerRejection } from './outcome.ts';

/** A rejection remembered by command id, with the request hash it answered. */
export interface RememberedRejection {
  readonly commandHash: string;
  readonly rejection: LedgerRejection;
}

/** Rejections remembered in memory, the most recent `capacity` of them. */
export interface RejectionMemo {
  readonly get: (commandId: string) => RememberedRejection | undefined;
  readonly remember: (commandId: string, r: RememberedRejection) => void;
  readonly forget: (commandId: string) => void;
}

/**
 * A rejection stores nothing in the log, so a retry of a refused command is decided again, on
 * every Ledger over the store alike (safe: it never had an effect). The memo only lets the
 * Ledger that refused it say so (`duplicate`) when the same request meets the same refusal;
 * after a restart, or once `capacity` newer rejections have pushed it out, it cannot.
 */
export const rejectionMemo = (capacity = 10_000): RejectionMemo => {
  const memo = new Map<string, RememberedRejection>();
  const remember = (id: string, r: RememberedRejection) => {
    memo.delete(id);
    memo.set(id, r);
    if (memo.size > capacity) {
      const oldest = memo.keys().next();
      if (oldest.done !== true) memo.delete(oldest.value);
    }
  };
  return { get: (id) => memo.get(id), remember, forget: (id) => { memo.delete(id); } };
};
