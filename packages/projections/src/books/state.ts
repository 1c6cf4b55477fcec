import type { DepositKind } from '../balances/state.ts';
import type { IndexedChart } from './chartOfAccounts.ts';

/** A line of the general ledger of an account kept by the books. */
export interface LedgerLine {
  readonly on: string;
  readonly eventId: string;
  readonly eventType: string;
  /** Debit positive, credit negative, in paise. */
  readonly amount: bigint;
  /** The branch whose books hold the line; null when read from a checkpoint made before. */
  readonly branchId: string | null;
}

/** What closing a financial year did in the books. */
export interface YearClose {
  readonly financialYear: string;
  readonly on: string;
  /** Net profit the FinancialYearClosed event declared. */
  readonly netProfitDeclared: bigint;
  /** Net profit the books held for the year when it was closed. */
  readonly netProfitBooks: bigint;
  readonly statutoryReserve: bigint;
  readonly distributableSurplus: bigint;
}

/** Which general-ledger lines the books keep (they cost memory per line kept). */
export interface LedgerSelection {
  readonly accounts: ReadonlyArray<string>;
  readonly from?: string;
  readonly to?: string;
}

/** One branch's part of the books, in the shape of the society's: their sum is the society's. */
export interface BranchRows {
  readonly balances: bigint[];
  readonly daily: Map<string, bigint[]>;
  readonly years: Map<string, bigint[]>;
}

/**
 * A member as the books know her: the branch holding her accounts and loans, and what they
 * carry on each carried role (see carriedRoles), debit positive: what a transfer moves.
 */
export interface MemberBooks {
  branchId: string;
  readonly held: bigint[];
  /**
   * Her transfers as the books saw them, in the order recorded (each dated on or after the one
   * before: her stream refuses an earlier date): where an entry dated before one of them, and
   * recorded after it, is posted, and then carried along (see branchTransfer.ts).
   */
  readonly transfers: MemberTransfer[];
}

/** One transfer of a member: from and to which branch, on which business date. */
export interface MemberTransfer {
  readonly on: string;
  readonly from: string;
  readonly to: string;
}

/**
 * The books: account balances now, their changes by business date (for any as-of date), the
 * income and expense of each financial year, year closes, and the kind of each deposit
 * account. Mutable: `apply` updates it in place. Memory grows with accounts of the chart times
 * days with activity, and with deposit accounts; not with events (unless ledger lines are kept).
 */
export interface BooksState {
  readonly chart: IndexedChart;
  readonly balances: bigint[];
  readonly daily: Map<string, bigint[]>;
  readonly years: Map<string, bigint[]>;
  readonly closes: Map<string, YearClose>;
  readonly kinds: Map<string, DepositKind>;
  readonly keep: LedgerSelection | null;
  readonly ledger: Map<string, LedgerLine[]>;
  readonly branches: Map<string, BranchRows>;
  readonly members: Map<string, MemberBooks>;
  /** False when resumed from a checkpoint made before the books kept branches. */
  branchesComplete: boolean;
  entries: number;
  through: string | null;
}

/** Books before any event. */
export const emptyBooks = (chart: IndexedChart, keep: LedgerSelection | null): BooksState => ({
  chart, balances: chart.chart.accounts.map(() => 0n), daily: new Map(), years: new Map(),
  closes: new Map(), kinds: new Map(), keep, ledger: new Map(), branches: new Map(),
  members: new Map(), branchesComplete: true, entries: 0,
  through: null,
});
