import type { Slot } from './slot.ts';

/** A member's record as the directory writes it; the storage numbers the versions. */
export type SlotWrite = Omit<Slot, 'seq'>;

/** Where the directory keeps its records: a file of fixed-size slots, or memory for tests. */
export interface DirectoryStorage {
  /** 32 zero bytes sealed by the master key the records are wrapped with. */
  readonly check: () => Buffer;
  /** Her current record, if the directory holds one. */
  readonly current: (memberId: string) => Slot | undefined;
  /** The current record of every member, in the order they were first written. */
  readonly all: () => readonly Slot[];
  /** Stores a new version of her record durably; a forgotten one overwrites every version. */
  readonly write: (slot: SlotWrite) => Promise<void>;
  /** Replaces every record and the check value in one atomic step (a master-key rotation). */
  readonly rewrite: (slots: readonly SlotWrite[], check: Buffer) => Promise<void>;
}

/** Records in memory: for tests. */
export const memoryStorage = (check: Buffer): DirectoryStorage => {
  let slots = new Map<string, Slot>();
  let checkValue = check;
  return {
    check: () => checkValue,
    current: (memberId) => slots.get(memberId),
    all: () => [...slots.values()],
    write: (s) => {
      slots.set(s.memberId, { ...s, seq: (slots.get(s.memberId)?.seq ?? 0n) + 1n });
      return Promise.resolve();
    },
    rewrite: (all, c) => {
      slots = new Map(all.map((s) => [s.memberId, { ...s, seq: 1n }]));
      checkValue = c;
      return Promise.resolve();
    },
  };
};
