import {
  evolveBranchCash, initialBranchCashState, isCashIn, minorOf, tillCashMinor,
  type BranchCashState, type BranchEvent, type TillId,
} from '@usha/domain';

/** One till's day: its cash at the start, what moved, the count, and its cash at the end. */
export interface TillDay {
  readonly tillId: TillId;
  readonly openingMinor: bigint;
  readonly fromVaultMinor: bigint;
  readonly receivedMinor: bigint;
  readonly paidMinor: bigint;
  readonly toVaultMinor: bigint;
  /** The book at the last count, the cash counted, and counted less book (none: null). */
  readonly count: { readonly bookMinor: bigint; readonly countedMinor: bigint;
    readonly differenceMinor: bigint } | null;
  readonly closingMinor: bigint;
}

/** A branch's cash on one day, by till and for the vault. */
export interface DayCash {
  readonly branchId: string;
  readonly on: string;
  readonly tills: ReadonlyArray<TillDay>;
  readonly vault: { readonly openingMinor: bigint; readonly closingMinor: bigint;
    readonly takenOverMinor: bigint; readonly fromBranchesMinor: bigint;
    readonly toBranchesMinor: bigint };
  readonly closed: boolean;
}

type Mutable<T> = { -readonly [K in keyof T]: T[K] };

const tillDay = (s: BranchCashState, tillId: TillId): Mutable<TillDay> => ({
  tillId, openingMinor: tillCashMinor(s, tillId), fromVaultMinor: 0n,
  receivedMinor: 0n, paidMinor: 0n, toVaultMinor: 0n, count: null, closingMinor: 0n,
});

/**
 * A branch's cash on `on`, folded from its stream's events (every event, in order): the state
 * before the day gives each till's and the vault's opening cash; the day's events the rest.
 */
export const dayCash = (
  branchId: string, on: string, events: ReadonlyArray<BranchEvent>,
): DayCash => {
  let s = initialBranchCashState;
  const before = events.filter((e) => e.data.on < on);
  for (const e of before) s = evolveBranchCash(s, e);
  const opening = s;
  const tills = new Map<TillId, Mutable<TillDay>>();
  for (const id of opening.tills.keys()) tills.set(id, tillDay(opening, id));
  const till = (id: TillId) => {
    const held = tills.get(id) ?? tillDay(opening, id);
    tills.set(id, held);
    return held;
  };
  let takenOver = 0n;
  let fromBranches = 0n;
  let toBranches = 0n;
  let closed = false;
  for (const e of events.filter((x) => x.data.on === on)) {
    s = evolveBranchCash(s, e);
    switch (e.type) {
      case 'BranchCashTransferred': {
        const a = minorOf(e.data.amount);
        if (e.data.fromTill !== null) till(e.data.fromTill).toVaultMinor += a;
        if (e.data.toTill !== null) till(e.data.toTill).fromVaultMinor += a;
        break;
      }
      case 'TillCashMoved': case 'TillCashReleased': {
        const t = till(e.data.tillId);
        const a = minorOf(e.data.amount) * (e.type === 'TillCashReleased' ? -1n : 1n);
        if (isCashIn(e.data.purpose)) t.receivedMinor += a;
        else t.paidMinor += a;
        break;
      }
      case 'TillCashCounted':
        till(e.data.tillId).count = { bookMinor: minorOf(e.data.book),
          countedMinor: minorOf(e.data.counted), differenceMinor: minorOf(e.data.difference) };
        break;
      case 'CashReceivedFromBranch': fromBranches += minorOf(e.data.amount); break;
      case 'CashSentToBranch': toBranches += minorOf(e.data.amount); break;
      case 'BranchDayClosed': closed = true; break;
      case 'VaultCashTakenOver': takenOver += minorOf(e.data.amount); break;
    }
  }
  for (const t of tills.values()) t.closingMinor = tillCashMinor(s, t.tillId);
  const byId = [...tills.values()].sort((a, b) => (a.tillId < b.tillId ? -1 : 1));
  return { branchId, on, closed, tills: byId, vault: { openingMinor: opening.vaultMinor,
    closingMinor: s.vaultMinor, takenOverMinor: takenOver, fromBranchesMinor: fromBranches,
    toBranchesMinor: toBranches } };
};
