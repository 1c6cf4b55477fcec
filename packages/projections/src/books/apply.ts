import { minor } from '../core/minor.ts';
import type { ResolvedEvent } from '../core/projectedEvent.ts';
import {
  branchOfEvent, carriedRoles, carriedSlot, HEAD_OFFICE_BRANCH, headOfficeRoles, memberOf,
} from './branchBooks.ts';
import { carryAlong, transferLines } from './branchTransfer.ts';
import type { PostingRole } from './chartOfAccounts.ts';
import { journalFor, type JournalContext, type JournalSink } from './journal.ts';
import { postLine } from './postLine.ts';
import type { BooksState, MemberBooks } from './state.ts';

/** A journal entry whose debits and credits differ: a defect in the mapping. */
export class UnbalancedEntryError extends Error {
  override readonly name = 'UnbalancedEntryError';
  constructor(readonly eventId: string, readonly difference: bigint) {
    super(`the entry of event ${eventId} does not balance: ${difference} paise`);
  }
}

interface CrossLine { readonly branchId: string; readonly on: string; readonly amount: bigint }

// One sink per state, reused for every event: the entry being posted is kept in its fields.
interface Poster extends JournalSink, JournalContext {
  event: ResolvedEvent | null;
  sum: bigint;
  /** The branch the entry is posted at. */
  branchId: string;
  /** The member the entry is of, whose carried balances it changes. */
  member: MemberBooks | undefined;
  /** Lines held by another branch than the entry's (the head office's accounts). */
  readonly cross: CrossLine[];
  /** The entry's amounts on her carried roles, by slot (carried along her later transfers). */
  readonly carried: bigint[];
}

const posters = new WeakMap<BooksState, Poster>();

// Each branch an entry touched is balanced through the inter-branch account, by date.
const settle = (s: BooksState, p: Poster): void => {
  if (p.cross.length === 0 || p.event === null) return;
  const owed = new Map<string, CrossLine>();
  for (const c of p.cross) {
    const key = `${c.branchId}\n${c.on}`;
    const before = owed.get(key)?.amount ?? 0n;
    owed.set(key, { ...c, amount: before + c.amount });
  }
  p.cross.length = 0;
  const i = s.chart.roleIndex.interBranch;
  for (const c of owed.values()) {
    if (c.amount === 0n) continue;
    postLine(s, p.event, { branchId: c.branchId, i, amount: -c.amount, on: c.on });
    postLine(s, p.event, { branchId: p.branchId, i, amount: c.amount, on: c.on });
  }
};

// A year's income and expense (one row) closed into the head office's accumulated surplus.
const closeRow = (s: BooksState, p: Poster, year: ReadonlyArray<bigint>): void => {
  year.forEach((a, i) => {
    const account = s.chart.chart.accounts[i];
    if (a === 0n || account === undefined) return;
    const role = rolesByCode(s).get(account.code);
    if (role !== undefined) {
      p.post(role, -a);
      p.post('accumulatedSurplus', a);
    }
  });
};

const posterFor = (s: BooksState): Poster => {
  const existing = posters.get(s);
  if (existing !== undefined) return existing;
  const p: Poster = {
    event: null, sum: 0n, branchId: HEAD_OFFICE_BRANCH, member: undefined, cross: [],
    carried: carriedRoles.map(() => 0n),
    depositKind: (accountId) => s.kinds.get(accountId) ?? 'savings',
    post: (role: PostingRole, amount: bigint, dated?: string) => {
      if (amount === 0n || p.event === null) return;
      const on = dated ?? p.event.metadata.effectiveOn;
      const branchId = headOfficeRoles.has(role) ? HEAD_OFFICE_BRANCH : p.branchId;
      p.sum += amount;
      postLine(s, p.event, { branchId, i: s.chart.roleIndex[role], amount, on });
      if (branchId !== p.branchId) {
        p.cross.push({ branchId, on, amount });
        return;
      }
      const slot = carriedSlot(role);
      if (p.member !== undefined && slot >= 0) {
        p.member.held[slot] = (p.member.held[slot] ?? 0n) + amount;
        p.carried[slot] = (p.carried[slot] ?? 0n) + amount;
      }
    },
    // Each branch's year is closed in its books, its result sent to the head office's surplus;
    // books resumed without branches close the society's year at the head office.
    closeYear: (fy) => {
      const entryBranch = p.branchId;
      if (!s.branchesComplete) {
        const year = s.years.get(fy);
        if (year !== undefined) closeRow(s, p, [...year]);
        return;
      }
      for (const [branchId, rows] of [...s.branches]) {
        const year = rows.years.get(fy);
        if (year === undefined) continue;
        p.branchId = branchId;
        closeRow(s, p, [...year]);
        settle(s, p);
      }
      p.branchId = entryBranch;
    },
  };
  posters.set(s, p);
  return p;
};

const roleMaps = new WeakMap<BooksState, Map<string, PostingRole>>();
const rolesByCode = (s: BooksState): Map<string, PostingRole> => {
  let m = roleMaps.get(s);
  if (m === undefined) {
    m = new Map();
    for (const [role, code] of Object.entries(s.chart.chart.roles)) {
      if (!m.has(code)) m.set(code, role as PostingRole); // keys of a Record<PostingRole>
    }
    roleMaps.set(s, m);
  }
  return m;
};

const netOf = (s: BooksState, fy: string): bigint => {
  const year = s.years.get(fy);
  // Income is credit (negative): profit is minus the sum of income and expense balances.
  return year === undefined ? 0n : -year.reduce((a, b) => a + b, 0n);
};

/** Applies one event to the books, in place: its journal entry, checked to balance. */
export const applyBooks = (s: BooksState, e: ResolvedEvent): BooksState => {
  const on = e.metadata.effectiveOn;
  if (s.through === null || on > s.through) s.through = on;
  switch (e.type) {
    case 'SavingsAccountOpened': s.kinds.set(e.data.accountId, 'savings'); break;
    case 'RecurringDepositOpened': s.kinds.set(e.data.accountId, 'recurring'); break;
    case 'FixedDepositOpened': s.kinds.set(e.data.accountId, 'fixed'); break;
    case 'FinancialYearClosed': {
      const d = e.data;
      s.closes.set(d.financialYear, {
        financialYear: d.financialYear, on: d.on, netProfitDeclared: minor(d.netProfit),
        netProfitBooks: netOf(s, d.financialYear),
        statutoryReserve: minor(d.statutoryReserveTransfer),
        distributableSurplus: minor(d.distributableSurplus),
      });
      break;
    }
    default: break;
  }
  const p = posterFor(s);
  p.event = e;
  p.sum = 0n;
  p.member = memberOf(s, e);
  if (e.type === 'MemberTransferred' && p.member !== undefined) {
    transferLines(s, e, p.member);
  }
  p.branchId = branchOfEvent(e, p.member);
  p.carried.fill(0n);
  journalFor(p, e, p);
  settle(s, p);
  // Dated before a transfer of hers recorded earlier: posted at the branch she was at then,
  // and carried to where she is now, as that transfer would have carried it.
  const lastTransfer = p.member?.transfers.at(-1);
  if (p.member !== undefined && lastTransfer !== undefined && lastTransfer.on > e.metadata.effectiveOn) {
    carryAlong(s, e, p.member, p.carried);
  }
  p.event = null;
  p.member = undefined;
  if (p.sum !== 0n) throw new UnbalancedEntryError(e.metadata.eventId, p.sum);
  s.entries += 1;
  return s;
};
