import { minor } from '../core/minor.ts';
import type { ResolvedEvent } from '../core/projectedEvent.ts';
import type { PostingRole } from './chartOfAccounts.ts';
import { financialYearLabel } from './financialYearLabel.ts';
import { journalFor, type JournalContext, type JournalSink } from './journal.ts';
import type { BooksState } from './state.ts';

/** A journal entry whose debits and credits differ: a defect in the mapping. */
export class UnbalancedEntryError extends Error {
  override readonly name = 'UnbalancedEntryError';
  constructor(readonly eventId: string, readonly difference: bigint) {
    super(`the entry of event ${eventId} does not balance: ${difference} paise`);
  }
}

const isIncomeOrExpense = (s: BooksState, i: number): boolean => {
  const c = s.chart.chart.accounts[i]?.class;
  return c === 'income' || c === 'expense';
};

const row = (m: Map<string, bigint[]>, key: string, n: number): bigint[] => {
  let r = m.get(key);
  if (r === undefined) {
    r = new Array<bigint>(n).fill(0n);
    m.set(key, r);
  }
  return r;
};

// One sink per state, reused for every event: the entry being posted is kept in its fields.
interface Poster extends JournalSink, JournalContext {
  event: ResolvedEvent | null;
  sum: bigint;
}

const posters = new WeakMap<BooksState, Poster>();

const posterFor = (s: BooksState): Poster => {
  const existing = posters.get(s);
  if (existing !== undefined) return existing;
  const n = s.balances.length;
  const p: Poster = {
    event: null, sum: 0n,
    depositKind: (accountId) => s.kinds.get(accountId) ?? 'savings',
    post: (role: PostingRole, amount: bigint, dated?: string) => {
      if (amount === 0n || p.event === null) return;
      const i = s.chart.roleIndex[role];
      const on = dated ?? p.event.metadata.effectiveOn;
      p.sum += amount;
      s.balances[i] = (s.balances[i] ?? 0n) + amount;
      const day = row(s.daily, on, n);
      day[i] = (day[i] ?? 0n) + amount;
      if (isIncomeOrExpense(s, i) && p.event.type !== 'FinancialYearClosed') {
        const year = row(s.years, financialYearLabel(on), n);
        year[i] = (year[i] ?? 0n) + amount;
      }
      if (s.keep !== null) keepLine(s, i, p.event, amount, on);
    },
    closeYear: (fy) => {
      const year = s.years.get(fy);
      if (year === undefined) return;
      year.forEach((a, i) => {
        const account = s.chart.chart.accounts[i];
        if (a === 0n || account === undefined) return;
        const code = account.code;
        const role = rolesByCode(s).get(code);
        if (role !== undefined) {
          p.post(role, -a);
          p.post('accumulatedSurplus', a);
        }
      });
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

const keepLine = (
  s: BooksState, i: number, e: ResolvedEvent, amount: bigint, on: string,
): void => {
  const k = s.keep;
  const code = s.chart.chart.accounts[i]?.code;
  if (k === null || code === undefined || !k.accounts.includes(code)) return;
  if ((k.from !== undefined && on < k.from) || (k.to !== undefined && on > k.to)) return;
  let lines = s.ledger.get(code);
  if (lines === undefined) {
    lines = [];
    s.ledger.set(code, lines);
  }
  lines.push({ on, eventId: e.metadata.eventId, eventType: e.type, amount });
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
  journalFor(p, e, p);
  p.event = null;
  if (p.sum !== 0n) throw new UnbalancedEntryError(e.metadata.eventId, p.sum);
  s.entries += 1;
  return s;
};
