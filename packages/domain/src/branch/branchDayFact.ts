import * as E from 'fp-ts/lib/Either.js';
import type { BusinessDate } from '../dates/businessDate.ts';
import type { MoneyString } from '../shared/codecs.ts';
import type { BranchId } from '../shared/ids.ts';
import type { Rejection } from '../shared/rejection.ts';
import type { TillPurpose } from './events.ts';
import type { TillId } from './tillId.ts';

/** A member's till movement as the branch's stream holds it, named by its account step's id. */
export interface TillMoveFact {
  readonly tillId: TillId;
  readonly purpose: TillPurpose;
  readonly amount: MoneyString;
}

/**
 * What a member's account command needs from her branch's stream (`branch-<id>`): the last
 * day the branch closed, or null while it closed none. Read when the command is handled, for
 * her branch on the command's date; the caller never sends it.
 */
export interface BranchDayFact {
  readonly branchId: BranchId;
  readonly closedThrough: BusinessDate | null;
  /**
   * The branch's stream holds this command's own till movement (the first step of a member's
   * cash at a till, named by the command's id, not released): the cash was taken while the
   * day was open and is in the till's count, so the account's side completes it.
   */
  readonly tillMoved: boolean;
  /**
   * That movement itself, when `tillMoved`: an admission naming a till is refused unless the
   * till took her fee (`tillTookFee`). Absent in facts built before it was read.
   */
  readonly tillMove?: TillMoveFact;
}

/**
 * A member's account command as its decider takes it: with her branch's day beside it.
 * Optional in the type so a decider can be exercised alone (none: no day is checked); the
 * Ledger fills it for every share, deposit and loan command about a member it knows, and for
 * her admission, transfer, exit and the reversal of her fee (their branches' days).
 */
export interface WithBranchDay {
  readonly branchDay?: BranchDayFact;
}

/**
 * Right when `on` falls after the branch's last closed day: a closed day's books take no new
 * entry. A correction is dated on an open day (its own `on`), so a reversal of an event of a
 * closed day passes; the account's side of a till movement stored before the close passes.
 * @example inOpenBranchDay('2025-06-02',
 *   { branchId: 'SONAGACHI', closedThrough: '2025-06-02', tillMoved: false })
 *   // Left({ type: 'branch_day_closed', branchId: 'SONAGACHI', closedThrough: '2025-06-02',
 *   //   on: '2025-06-02' })
 */
export const inOpenBranchDay = (
  on: BusinessDate, day: BranchDayFact | undefined,
): E.Either<Rejection, true> => {
  if (day === undefined || day.tillMoved) return E.right(true);
  const through = day.closedThrough;
  return through !== null && on <= through
    ? E.left({ type: 'branch_day_closed', branchId: day.branchId, closedThrough: through, on })
    : E.right(true);
};
