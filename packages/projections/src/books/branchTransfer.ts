// A member transferred to another branch takes her accounts and loans with her, as a
// co-operative bank transfers an account: the old branch gives up her deposits, shares and
// loans at their balances that day, the new branch takes them on, and the inter-branch account
// balances both. The old branch's history stays as it was (its figures to the day before the
// transfer are unchanged); from the transfer on, her business is the new branch's. The cash
// she paid in or was paid stays in the books of the branch whose till it passed through.
import type { MemberTransferred } from '@usha/domain';
import type { ResolvedEvent } from '../core/projectedEvent.ts';
import { carriedRoles } from './branchBooks.ts';
import { postLine } from './postLine.ts';
import type { BooksState, MemberBooks, MemberTransfer } from './state.ts';

/** The entry of a member's transfer: her accounts' balances moved to her new branch. */
export const transferLines = (
  s: BooksState, e: ResolvedEvent & { readonly data: MemberTransferred['data'] },
  member: MemberBooks,
): void => {
  const from = member.branchId;
  const to = e.data.to;
  if (from === to) return;
  const on = e.metadata.effectiveOn;
  moveCarried(s, e, { from, to, on }, member.held);
  member.branchId = to;
  member.transfers.push({ on, from, to });
};

/**
 * Carries an entry's amounts on her carried roles (`amounts`, by slot), posted at the branch she
 * was at on its date, along each transfer of hers dated after it, on that transfer's date: as
 * the transfer would have moved them had the entry been recorded before it. Her books on any
 * date are then those of the events dated on or before it, whatever order they were recorded
 * in; the cash of the entry stays at the branch whose till it passed through.
 */
export const carryAlong = (
  s: BooksState, e: ResolvedEvent, member: MemberBooks, amounts: ReadonlyArray<bigint>,
): void => {
  const dated = e.metadata.effectiveOn;
  for (const t of member.transfers) if (t.on > dated) moveCarried(s, e, t, amounts);
};

// Amounts on her carried roles (by slot) moved from one branch to another on a day: the old
// branch gives them up, the new one takes them on, and the inter-branch account balances both.
const moveCarried = (
  s: BooksState, e: ResolvedEvent, t: MemberTransfer, amounts: ReadonlyArray<bigint>,
): void => {
  let moved = 0n;
  amounts.forEach((amount, k) => {
    const role = carriedRoles[k];
    if (amount === 0n || role === undefined) return;
    const i = s.chart.roleIndex[role];
    postLine(s, e, { branchId: t.from, i, amount: -amount, on: t.on });
    postLine(s, e, { branchId: t.to, i, amount, on: t.on });
    moved += amount;
  });
  if (moved !== 0n) {
    const ib = s.chart.roleIndex.interBranch;
    postLine(s, e, { branchId: t.from, i: ib, amount: moved, on: t.on });
    postLine(s, e, { branchId: t.to, i: ib, amount: -moved, on: t.on });
  }
};
