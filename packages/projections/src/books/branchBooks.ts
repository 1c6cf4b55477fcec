// Books by branch. Each line of an entry is held by one branch: a member's business by the
// branch holding her accounts and loans (her branch: from her admission, then her transfers;
// an opening names the same branch, as her stream held it then), and society events by the
// head office. Society-level accounts (surplus, reserve, dividends) are always the head
// office's; an entry that so touches two branches is balanced in each through the inter-branch
// account, so every branch's trial balance is zero and their sum is the society's books.
import type { ResolvedEvent } from '../core/projectedEvent.ts';
import type { PostingRole } from './chartOfAccounts.ts';
import type { BooksState, BranchRows, MemberBooks } from './state.ts';

/**
 * The branch id of the head office: society-level entries (year-end accruals, provisions, the
 * year's close and its appropriations, dividends declared) are its books. Reserved: no branch
 * of the society may be called HO.
 */
export const HEAD_OFFICE_BRANCH = 'HO';

/** Roles whose accounts are the society's, kept at the head office whichever branch posts. */
export const headOfficeRoles: ReadonlySet<PostingRole> = new Set<PostingRole>([
  'accumulatedSurplus', 'statutoryReserve', 'dividendsPayable', 'dividendsAwaitingDeposit',
]);

/**
 * Roles whose balance belongs to a member's account or loan: they move with her when she is
 * transferred to another branch (the cash she paid in stays where it was paid).
 */
export const carriedRoles: ReadonlyArray<PostingRole> = [
  'savingsDeposits', 'recurringDeposits', 'fixedDeposits', 'shareCapital', 'loansReceivable',
  'penaltiesReceivable', 'feesReceivable', 'topUpClearing',
];

const slots = new Map(carriedRoles.map((r, k) => [r, k]));

/** The place of a role among the carried roles, or -1 when it is not carried. */
export const carriedSlot = (role: PostingRole): number => slots.get(role) ?? -1;

/** A branch's rows, made at zero when the branch first posts. */
export const branchRows = (s: BooksState, branchId: string): BranchRows => {
  let r = s.branches.get(branchId);
  if (r === undefined) {
    r = { balances: s.balances.map(() => 0n), daily: new Map(), years: new Map() };
    s.branches.set(branchId, r);
  }
  return r;
};

/**
 * The member an event is about, with her branch; noted at her admission, or at the first
 * event the books see of her (then at the branch it names, else the head office's).
 */
export const memberOf = (s: BooksState, e: ResolvedEvent): MemberBooks | undefined => {
  if (!('memberId' in e.data)) return undefined;
  const known = s.members.get(e.data.memberId);
  if (known !== undefined) return known;
  const named = 'branchId' in e.data ? e.data.branchId : null;
  const m: MemberBooks = { branchId: named ?? HEAD_OFFICE_BRANCH,
    held: carriedRoles.map(() => 0n), transfers: [] };
  s.members.set(e.data.memberId, m);
  return m;
};

/**
 * Her branch on `on`: the one she was transferred to by the last transfer dated on or before it
 * (on the day of a transfer, the new branch), else the one she was at before her first.
 */
export const branchOn = (member: MemberBooks, on: string): string => {
  const first = member.transfers[0];
  if (first === undefined || on >= (member.transfers.at(-1)?.on ?? on)) return member.branchId;
  let branchId = first.from;
  for (const t of member.transfers) if (t.on <= on) branchId = t.to;
  return branchId;
};

/** The branch an event's entry is posted at (see the top of this file). */
export const branchOfEvent = (e: ResolvedEvent, member: MemberBooks | undefined): string => {
  // Her branch on the event's date: an entry dated before her transfer, recorded after it, is
  // her old branch's business (carried to the new one on the transfer's date: branchTransfer).
  if (member !== undefined) return branchOn(member, e.metadata.effectiveOn);
  // An event of a branch itself (its till, its vault) names it.
  if ('branchId' in e.data && e.data.branchId !== null) return e.data.branchId;
  return HEAD_OFFICE_BRANCH;
};
