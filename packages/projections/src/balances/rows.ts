// How the balances keep members, deposit accounts and loans: one table each (table.ts), and
// the plain objects (views) they are read as. A member's accounts and loans are linked lists
// through the rows (first and last on the member, next on each account), in opening order.
import { amountAt } from '../core/amountColumn.ts';
import { addRow, emptyTable, findRow, idOf, textAt, type Table } from './table.ts';
import type {
  DepositBalance, DepositKind, LoanBalance, LoanStatus, MemberBalance,
} from './state.ts';

/** The tables of the balances. */
export interface BalancesRows {
  readonly members: Table;
  readonly deposits: Table;
  readonly loans: Table;
}

export const memberStatuses = ['not_admitted', 'active', 'exited'] as const;
export const depositKinds: ReadonlyArray<DepositKind> = ['savings', 'recurring', 'fixed'];
export const depositStatuses = ['open', 'matured', 'closed'] as const;
export const loanStatuses: ReadonlyArray<LoanStatus> =
  ['applied', 'approved', 'rejected', 'active', 'written_off', 'closed'];

/** A loan's running totals, in the order of its amount columns. */
export const loanTotals = [
  'disbursed', 'principalRepaid', 'writtenOff', 'interestPaid', 'interestWaived',
  'penaltiesCharged', 'penaltiesPaid', 'penaltiesWrittenOff', 'feesCharged', 'feesPaid',
  'feesWrittenOff', 'recovered',
] as const;

// Column numbers, by kind of column. Members: texts branchId, shareAccountId; ints status,
// first and last deposit row, first and last loan row (-1: none); nums shares; amounts share
// capital, dividends credited.
export const MI = 5;
export const M_STATUS = 0;
export const M_FIRST_DEPOSIT = 1;
export const M_LAST_DEPOSIT = 2;
export const M_FIRST_LOAN = 3;
export const M_LAST_LOAN = 4;
export const M_BRANCH = 0;
export const M_SHARE_ACCOUNT = 1;
export const MA = 2;
export const M_SHARE_CAPITAL = 0;
export const M_DIVIDENDS = 1;
// Deposits: texts memberId, productId; ints kind, status, next row of the member's; nums
// instalments missed; amounts balance, interest posted.
export const D_MEMBER = 0;
export const D_PRODUCT = 1;
export const DI = 3;
export const D_KIND = 0;
export const D_STATUS = 1;
export const D_NEXT = 2;
export const DA = 2;
export const D_BALANCE = 0;
export const D_INTEREST = 1;
// Loans: texts memberId, productId, disbursedOn; ints status, next row of the member's, first
// schedule row, schedule rows; amounts the totals, in `loanTotals` order.
export const L_MEMBER = 0;
export const L_PRODUCT = 1;
export const LI = 4;
export const L_STATUS = 0;
export const L_NEXT = 1;
export const L_SCHEDULE_AT = 2;
export const L_SCHEDULE_LENGTH = 3;
export const L_DISBURSED_ON = 2;
export const LA = loanTotals.length;

/** Empty tables. */
export const emptyRows = (): BalancesRows => ({
  members: emptyTable({ texts: 2, ints: MI, nums: 1, amounts: MA }),
  deposits: emptyTable({ texts: 2, ints: DI, nums: 1, amounts: DA }),
  loans: emptyTable({ texts: 3, ints: LI, nums: 0, amounts: LA }),
});

/** Adds a member row, not admitted, with no accounts. */
export const addMemberRow = (rows: BalancesRows, memberId: string): number =>
  addRow(rows.members, memberId, [0, -1, -1, -1, -1]);

// Appends `row` of `t` (next link at int column `next`) to a member's list whose first and
// last rows are at member int columns `first` and `first + 1`.
const link = (
  rows: BalancesRows, m: number, t: Table, next: number, row: number, first: number,
): void => {
  const mi = rows.members.ints;
  const last = mi[m * MI + first + 1] ?? -1;
  if (last < 0) mi[m * MI + first] = row;
  else t.ints[last * t.widths.ints + next] = row;
  mi[m * MI + first + 1] = row;
};

/** Appends a deposit row to member row m's accounts. */
export const linkDeposit = (rows: BalancesRows, m: number, d: number): void =>
  link(rows, m, rows.deposits, D_NEXT, d, M_FIRST_DEPOSIT);

/** Appends a loan row to member row m's loans. */
export const linkLoan = (rows: BalancesRows, m: number, l: number): void =>
  link(rows, m, rows.loans, L_NEXT, l, M_FIRST_LOAN);

const listed = (rows: BalancesRows, m: number, t: Table, next: number, first: number) => {
  const ids: string[] = [];
  for (let r = rows.members.ints[m * MI + first] ?? -1; r >= 0;
    r = t.ints[r * t.widths.ints + next] ?? -1) ids.push(idOf(t, r));
  return ids;
};

/** Member row r as a plain object. */
export const memberView = (rows: BalancesRows, r: number): MemberBalance => {
  const t = rows.members;
  return {
    memberId: idOf(t, r), branchId: textAt(t, M_BRANCH, r),
    status: memberStatuses[t.ints[r * MI + M_STATUS] ?? 0] ?? 'not_admitted',
    shareAccountId: textAt(t, M_SHARE_ACCOUNT, r), shares: t.nums[r] ?? 0,
    shareCapital: amountAt(t.amounts, r * MA + M_SHARE_CAPITAL),
    dividendsCredited: amountAt(t.amounts, r * MA + M_DIVIDENDS),
    deposits: listed(rows, r, rows.deposits, D_NEXT, M_FIRST_DEPOSIT),
    loans: listed(rows, r, rows.loans, L_NEXT, M_FIRST_LOAN),
  };
};

/** Deposit row r as a plain object. */
export const depositView = (rows: BalancesRows, r: number): DepositBalance => {
  const t = rows.deposits;
  return {
    accountId: idOf(t, r), memberId: textAt(t, D_MEMBER, r) ?? '',
    kind: depositKinds[t.ints[r * DI + D_KIND] ?? 0] ?? 'savings',
    productId: textAt(t, D_PRODUCT, r) ?? '',
    status: depositStatuses[t.ints[r * DI + D_STATUS] ?? 0] ?? 'open',
    balance: amountAt(t.amounts, r * DA + D_BALANCE),
    interestPosted: amountAt(t.amounts, r * DA + D_INTEREST),
    instalmentsMissed: t.nums[r] ?? 0,
  };
};

/** Loan row r as a plain object. */
export const loanView = (rows: BalancesRows, r: number): LoanBalance => {
  const t = rows.loans;
  const n = (k: number) => amountAt(t.amounts, r * LA + k);
  return {
    loanId: idOf(t, r), memberId: textAt(t, L_MEMBER, r) ?? '',
    productId: textAt(t, L_PRODUCT, r) ?? '',
    status: loanStatuses[t.ints[r * LI + L_STATUS] ?? 0] ?? 'applied',
    disbursedOn: textAt(t, L_DISBURSED_ON, r),
    disbursed: n(0), principalRepaid: n(1), writtenOff: n(2), interestPaid: n(3),
    interestWaived: n(4), penaltiesCharged: n(5), penaltiesPaid: n(6),
    penaltiesWrittenOff: n(7), feesCharged: n(8), feesPaid: n(9), feesWrittenOff: n(10),
    recovered: n(11),
    scheduleAt: t.ints[r * LI + L_SCHEDULE_AT] ?? 0,
    scheduleLength: t.ints[r * LI + L_SCHEDULE_LENGTH] ?? 0,
  };
};

/**
 * A table read as a map from id to plain objects, in the order rows were added: each read
 * builds the object afresh from the columns (a snapshot; changing it changes nothing).
 */
export const tableAsMap = <V>(t: Table, view: (r: number) => V): ReadonlyMap<string, V> => {
  function* entries(): Generator<[string, V], undefined> {
    for (let r = 0; r < t.size; r += 1) yield [idOf(t, r), view(r)];
  }
  function* values(): Generator<V, undefined> {
    for (let r = 0; r < t.size; r += 1) yield view(r);
  }
  const map: ReadonlyMap<string, V> = {
    get size() { return t.size; },
    get: (id) => {
      const r = findRow(t, id);
      return r < 0 ? undefined : view(r);
    },
    has: (id) => findRow(t, id) >= 0,
    keys: () => t.index.ids.slice(0, t.size).values(),
    values,
    entries,
    forEach: (f, self) => {
      for (const [k, v] of entries()) f.call(self, v, k, map);
    },
    [Symbol.iterator]: entries,
  };
  return map;
};
