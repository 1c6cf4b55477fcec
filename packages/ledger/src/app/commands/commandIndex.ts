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

/** The commands stored in the log, by id: how a retry is recognised. */
export interface CommandIndex {
  readonly get: (commandId: string) => CommandRef | undefined;
  /** Takes note of a stored event (idempotent: an event seen twice counts once). */
  readonly observe: (e: StreamEvent) => void;
  readonly size: () => number;
}

/**
 * The index of stored commands, built from the log: by the scan when the Ledger opens, then from
 * every stream the Ledger reads and every append it makes. Kept in memory (about 150 bytes a
 * command).
 */
export const commandIndex = (): CommandIndex => {
  const refs = new Map<string, CommandRef>();
  const observe = (e: StreamEvent): void => {
    const m = e.metadata;
    const ref = refs.get(m.commandId);
    if (ref === undefined) {
      refs.set(m.commandId, {
        commandId: m.commandId, commandType: m.commandType, commandHash: m.commandHash,
        stream: e.stream, firstRevision: e.revision, count: 1,
      });
      return;
    }
    const next = ref.firstRevision + BigInt(ref.count);
    if (ref.stream === e.stream && e.revision === next) {
      refs.set(m.commandId, { ...ref, count: ref.count + 1 });
    }
  };
  return { get: (id) => refs.get(id), observe, size: () => refs.size };
};
