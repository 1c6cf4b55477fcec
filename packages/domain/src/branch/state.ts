import type { BusinessDate } from '../dates/businessDate.ts';
import { minorOf } from '../shared/codecs.ts';
import type { BranchId } from '../shared/ids.ts';
import {
  emptyPersistentMap, mapGet, mapSet, type PersistentMap,
} from '../shared/persistentMap.ts';
import type { TillId } from './tillId.ts';
import type { BranchEvent, TillPurpose } from './events.ts';

/** A till's cash, and whether it moved since it was last counted (the day cannot close then). */
export interface TillPosition {
  readonly cashMinor: bigint;
  readonly uncounted: boolean;
}

/** A member's till movement, by the id of its account step. */
export interface TillMove {
  readonly tillId: TillId;
  readonly purpose: TillPurpose;
  readonly amountMinor: bigint;
  /** The account step's stream (`TillCashMoved`): where her release is checked against. */
  readonly accountStream: string;
  readonly released: boolean;
}

/**
 * A branch's cash: its vault, its tills, and its days. `moves` holds the movements of the days
 * not yet closed only: a day's close lets them go, as nothing dated in a closed day is taken
 * after it, so a branch's state is a day's movements, not its history (a movement per
 * member's cash at a counter, about 20,000 a year at a branch of 400 members). A movement of a
 * closed day that a later command names (its release, its account step run again after a
 * crash) is read from the branch's stream with that command: `ReleaseTillFacts.move`,
 * `BranchDayFact.tillMove`. Transfers received are kept for good (a receipt names its send,
 * on any later day); both are persistent maps, so a fold costs the same per event however long
 * the stream is.
 */
export interface BranchCashState {
  readonly branchId: BranchId | null;
  readonly vaultMinor: bigint;
  readonly tills: ReadonlyMap<TillId, TillPosition>;
  readonly moves: PersistentMap<TillMove>;
  readonly received: PersistentMap<true>;
  readonly lastOn: BusinessDate | null;
  readonly closedThrough: BusinessDate | null;
}

/** Before any cash event: no vault cash, no till, no day closed. */
export const initialBranchCashState: BranchCashState = {
  branchId: null, vaultMinor: 0n, tills: new Map(), moves: emptyPersistentMap(),
  received: emptyPersistentMap(),
  lastOn: null, closedThrough: null,
};

/** Whether cash of this purpose comes into the till (else it goes out). */
export const isCashIn = (p: TillPurpose): boolean =>
  p === 'deposit' || p === 'repayment' || p === 'fee';

/** The cash a till holds (zero for a till never used). */
export const tillCashMinor = (s: BranchCashState, tillId: TillId): bigint =>
  s.tills.get(tillId)?.cashMinor ?? 0n;

const withTill = (
  s: BranchCashState, tillId: TillId, deltaMinor: bigint, uncounted: boolean,
): ReadonlyMap<TillId, TillPosition> => {
  const tills = new Map(s.tills);
  const held = s.tills.get(tillId);
  tills.set(tillId, { cashMinor: (held?.cashMinor ?? 0n) + deltaMinor,
    uncounted: uncounted || (held?.uncounted ?? false) });
  return tills;
};

// Cash into a till marks it uncounted; cash back to the vault does not (the vault is counted
// with the branch's books, and a till emptied after its count needs no second count).
const transferred = (
  s: BranchCashState, from: TillId | null, to: TillId | null, minor: bigint,
): BranchCashState => {
  const afterFrom = from === null ? { ...s, vaultMinor: s.vaultMinor - minor }
    : { ...s, tills: withTill(s, from, -minor, false) };
  return to === null ? { ...afterFrom, vaultMinor: afterFrom.vaultMinor + minor }
    : { ...afterFrom, tills: withTill(afterFrom, to, minor, true) };
};

const moved = (s: BranchCashState, stepId: string, m: TillMove): BranchCashState => {
  const moves = mapSet(s.moves, stepId, m);
  const sign = isCashIn(m.purpose) === m.released ? -1n : 1n;
  return { ...s, moves, tills: withTill(s, m.tillId, sign * m.amountMinor, true) };
};

/** Applies one branch cash event. */
export const evolveBranchCash = (s0: BranchCashState, e: BranchEvent): BranchCashState => {
  const s = { ...s0, branchId: e.data.branchId, lastOn: e.data.on };
  switch (e.type) {
    case 'VaultCashTakenOver': case 'CashReceivedFromBranch': {
      const received = e.type === 'CashReceivedFromBranch'
        ? mapSet(s.received, e.data.transferId, true) : s.received;
      return { ...s, received, vaultMinor: s.vaultMinor + minorOf(e.data.amount) };
    }
    case 'CashSentToBranch': return { ...s, vaultMinor: s.vaultMinor - minorOf(e.data.amount) };
    case 'BranchCashTransferred':
      return transferred(s, e.data.fromTill, e.data.toTill, minorOf(e.data.amount));
    case 'TillCashMoved': case 'TillCashReleased': {
      // A release of a closed day's movement: its account stream is not held, nor needed
      // (the movement kept now only says that it is released).
      const accountStream = e.type === 'TillCashMoved' ? e.data.accountStream
        : mapGet(s.moves, e.data.stepId)?.accountStream ?? '';
      return moved(s, e.data.stepId, { tillId: e.data.tillId, purpose: e.data.purpose,
        amountMinor: minorOf(e.data.amount), accountStream,
        released: e.type === 'TillCashReleased' });
    }
    case 'TillCashCounted': {
      const tills = new Map(s.tills);
      tills.set(e.data.tillId, { cashMinor: minorOf(e.data.counted), uncounted: false });
      return { ...s, tills };
    }
    // No command dated in a closed day is taken after it: its movements are let go.
    case 'BranchDayClosed':
      return { ...s, closedThrough: e.data.on, moves: emptyPersistentMap() };
  }
};
