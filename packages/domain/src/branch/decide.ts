import { mapGet, mapHas } from '../shared/persistentMap.ts';
import * as E from 'fp-ts/lib/Either.js';
import { minorOf, moneyString, signedMoneyString } from '../shared/codecs.ts';
import type { Decider, WithFacts } from '../shared/decider.ts';
import { notBefore } from '../shared/guards.ts';
import type { BranchId } from '../shared/ids.ts';
import type { Rejection } from '../shared/rejection.ts';
import type { BusinessDate } from '../dates/businessDate.ts';
import { inOpenPeriod, type WithPeriod } from '../periodFact.ts';
import type { BranchCommand, MoveTillCash, TransferBranchCash } from './commands.ts';
import type { BranchEvent } from './events.ts';
import type { BranchFacts } from './facts.ts';
import {
  evolveBranchCash, initialBranchCashState, isCashIn, tillCashMinor, type BranchCashState,
} from './state.ts';

type Result = E.Either<Rejection, ReadonlyArray<BranchEvent>>;

/**
 * What the branch refuses a command for before it looks at any movement or cash, checked in
 * this order: another branch's stream, a closed day, a date before the stream's last; undefined
 * when none holds. The Ledger reads a closed day's movement back only for a command this passes.
 * @example branchDayRefusal({ branchId: 'SONAGACHI', on: '2025-06-02' },
 *   initialBranchCashState) // undefined
 */
export const branchDayRefusal = (
  c: { readonly branchId: BranchId; readonly on: BusinessDate }, s: BranchCashState,
): Rejection | undefined => {
  if (s.branchId !== null && s.branchId !== c.branchId) {
    return { type: 'wrong_aggregate', aggregate: 'branch', expected: s.branchId,
      got: c.branchId };
  }
  if (s.closedThrough !== null && c.on <= s.closedThrough) {
    return { type: 'branch_day_closed', branchId: c.branchId, closedThrough: s.closedThrough,
      on: c.on };
  }
  if (s.lastOn === null) return undefined;
  const d = notBefore(c.on, s.lastOn);
  return E.isLeft(d) ? d.left : undefined;
};

const short = (
  branchId: string, place: string, availableMinor: bigint, requested: string,
): Rejection => ({ type: 'cash_short', branchId, place,
  available: signedMoneyString(availableMinor), requested });

const transfer = (c: TransferBranchCash['data'], s: BranchCashState): Result => {
  if (c.fromTill === c.toTill) {
    return E.left({ type: 'same_cash_place', branchId: c.branchId, place: c.fromTill ?? 'vault' });
  }
  const available = c.fromTill === null ? s.vaultMinor : tillCashMinor(s, c.fromTill);
  if (available < minorOf(c.amount)) {
    return E.left(short(c.branchId, c.fromTill ?? 'vault', available, c.amount));
  }
  return E.right([{ type: 'BranchCashTransferred', data: { branchId: c.branchId, on: c.on,
    fromTill: c.fromTill, toTill: c.toTill, amount: c.amount } }]);
};

// A step named twice is refused among the open days' movements (the ones the state holds).
// A step of a closed day cannot come again: `cashAtTill` sends its till step dated with its
// request, refused `branch_day_closed` first, and no one else sends one (process_step).
const move = (c: MoveTillCash['data'], s: BranchCashState): Result => {
  if (mapHas(s.moves, c.stepId)) {
    return E.left({ type: 'already_exists', aggregate: 'branch', id: c.stepId });
  }
  const available = tillCashMinor(s, c.tillId);
  if (!isCashIn(c.purpose) && available < minorOf(c.amount)) {
    return E.left(short(c.branchId, c.tillId, available, c.amount));
  }
  return E.right([{ type: 'TillCashMoved', data: { branchId: c.branchId, tillId: c.tillId,
    on: c.on, purpose: c.purpose, amount: c.amount, accountStream: c.accountStream,
    stepId: c.stepId } }]);
};

/** A branch's command as its decider takes it: ReleaseTillCash with its account step. */
export type DecidableBranchCommand = WithFacts<BranchCommand, BranchFacts>;

const decideOpen = (c: DecidableBranchCommand, s: BranchCashState): Result => {
  const { branchId, on } = c.data;
  switch (c.type) {
    case 'TakeOverVaultCash':
      return E.right([{ type: 'VaultCashTakenOver', data: { branchId, on,
        amount: c.data.amount } }]);
    case 'TransferBranchCash': return transfer(c.data, s);
    case 'SendCashToBranch': {
      if (c.data.toBranchId === branchId) {
        return E.left({ type: 'same_cash_place', branchId, place: 'vault' });
      }
      if (s.vaultMinor < minorOf(c.data.amount)) {
        return E.left(short(branchId, 'vault', s.vaultMinor, c.data.amount));
      }
      return E.right([{ type: 'CashSentToBranch', data: { branchId, on,
        toBranchId: c.data.toBranchId, transferId: c.data.commandId, amount: c.data.amount } }]);
    }
    case 'ReceiveCashFromBranch': {
      if (c.data.fromBranchId === branchId) {
        return E.left({ type: 'same_cash_place', branchId, place: 'vault' });
      }
      if (mapHas(s.received, c.data.transferId)) {
        return E.left({ type: 'already_exists', aggregate: 'branch', id: c.data.transferId });
      }
      return E.right([{ type: 'CashReceivedFromBranch', data: { branchId, on,
        fromBranchId: c.data.fromBranchId, transferId: c.data.transferId,
        amount: c.data.amount } }]);
    }
    case 'MoveTillCash': return move(c.data, s);
    case 'ReleaseTillCash': {
      // A closed day's movement is no longer held: the Ledger reads it from the stream.
      const m = mapGet(s.moves, c.data.stepId) ?? c.facts.move;
      if (m === undefined) return E.left({ type: 'event_not_found', eventId: c.data.stepId });
      if (m.released) return E.left({ type: 'already_reversed', eventId: c.data.stepId });
      // Her money is in her account: only a step refused, or corrected, gives its cash back.
      if (c.facts.accountStep === 'stands') {
        return E.left({ type: 'step_stands', branchId, stepId: c.data.stepId,
          stream: m.accountStream });
      }
      const available = tillCashMinor(s, m.tillId);
      // Undoing cash that came in takes it out again: the till cannot go below zero for it.
      if (isCashIn(m.purpose) && available < m.amountMinor) {
        return E.left(short(branchId, m.tillId, available, moneyString(m.amountMinor)));
      }
      return E.right([{ type: 'TillCashReleased', data: { branchId, on, tillId: m.tillId,
        purpose: m.purpose, amount: moneyString(m.amountMinor), stepId: c.data.stepId } }]);
    }
    case 'CountTillCash': {
      const book = tillCashMinor(s, c.data.tillId);
      return E.right([{ type: 'TillCashCounted', data: { branchId, on, tillId: c.data.tillId,
        book: moneyString(book), counted: c.data.counted,
        difference: signedMoneyString(minorOf(c.data.counted) - book) } }]);
    }
    case 'CloseBranchDay': {
      const uncounted = [...s.tills].find(([, p]) => p.uncounted);
      if (uncounted !== undefined) {
        return E.left({ type: 'till_not_counted', branchId, tillId: uncounted[0],
          book: signedMoneyString(uncounted[1].cashMinor) });
      }
      const tills = [...s.tills].map(([tillId, p]) => ({ tillId,
        cash: moneyString(p.cashMinor) }));
      return E.right([{ type: 'BranchDayClosed', data: { branchId, on,
        vault: moneyString(s.vaultMinor), tills } }]);
    }
  }
};

/**
 * The branch cash decider: one stream per branch holds its vault, its tills and its days, so
 * every cash movement at a branch is decided in order on one stream's revision, and a till
 * never goes below zero whatever number of counters or Ledgers send at once.
 */
export const createBranchCashDecider = (): Decider<DecidableBranchCommand & WithPeriod,
  BranchEvent, BranchCashState> => ({
  initialState: initialBranchCashState,
  evolve: evolveBranchCash,
  decide: (command, state) => {
    // A closed year's books take no new entry: a till's count (its shortage or excess is
    // income or expense), cash between branches or into a till, dated in it, is refused as
    // any member's command is. Closing a day posts nothing, and is not refused.
    if (command.type !== 'CloseBranchDay') {
      const period = inOpenPeriod(command.data.on, command.period);
      if (E.isLeft(period)) return period;
    }
    const closed = branchDayRefusal(command.data, state);
    return closed === undefined ? decideOpen(command, state) : E.left(closed);
  },
});
