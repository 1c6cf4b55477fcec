import { debitNormal, type AccountClass, type LedgerAccount } from './chartOfAccounts.ts';
import type { BooksState, BranchRows, LedgerLine, YearClose } from './state.ts';

/** Thrown when a report needs a date the state cannot answer for. */
export class AsOfError extends Error {
  override readonly name = 'AsOfError';
  constructor(message: string) {
    super(message);
  }
}

/** Asked for one branch's books of books resumed from a checkpoint made before branches. */
export class BranchBooksUnavailableError extends Error {
  override readonly name = 'BranchBooksUnavailableError';
  constructor(readonly branchId: string) {
    super(`the books of branch ${branchId} are not known: these books were resumed from a `
      + 'checkpoint made before books by branch; replay them from the first event');
  }
}

/** Which books a report reads: one branch's (`branchId`), or the society's when omitted. */
export interface BranchOption {
  readonly branchId?: string;
}

/** Options of a report as of a date: the end of `asOf` (all of it when omitted), a branch. */
export interface AsOfBranchOptions extends BranchOption {
  readonly asOf?: string;
}

const noRows: BranchRows = { balances: [], daily: new Map(), years: new Map() };

/** The rows a report reads: the society's, or one branch's (zero for a branch never posted). */
export const rowsOf = (s: BooksState, o: BranchOption): BranchRows => {
  if (o.branchId === undefined) return s;
  if (!s.branchesComplete) throw new BranchBooksUnavailableError(o.branchId);
  return s.branches.get(o.branchId) ?? noRows;
};

// The branch a report names, only when asked for one: the society's reports are as before.
const branchOf = (o: BranchOption): BranchOption =>
  (o.branchId === undefined ? {} : { branchId: o.branchId });

/** The branches the books hold lines of, in order. */
export const branchesOf = (s: BooksState): ReadonlyArray<string> => [...s.branches.keys()].sort();

/** One account's balance: debit positive, credit negative, in paise. */
export interface AccountBalance {
  readonly account: LedgerAccount;
  readonly balance: bigint;
}

/** Every account's balance as of the end of a business date (all of it when omitted). */
export const accountBalances = (
  s: BooksState, o: AsOfBranchOptions = {},
): ReadonlyArray<AccountBalance> => {
  const r = rowsOf(s, o);
  const sums = s.balances.map((_, i) => (o.asOf === undefined ? r.balances[i] ?? 0n : 0n));
  if (o.asOf !== undefined) {
    for (const [day, row] of r.daily) {
      if (day > o.asOf) continue;
      row.forEach((a, i) => { sums[i] = (sums[i] ?? 0n) + a; });
    }
  }
  return s.chart.chart.accounts.map((account, i) => ({ account, balance: sums[i] ?? 0n }));
};

/** A trial balance: each account's debit or credit balance, and the two totals. */
export interface TrialBalance {
  readonly asOf: string | null;
  /** The branch whose books these are; absent for the society's. */
  readonly branchId?: string;
  readonly rows: ReadonlyArray<{
    readonly code: string; readonly name: string; readonly class: AccountClass;
    readonly debit: bigint; readonly credit: bigint;
  }>;
  readonly totalDebit: bigint;
  readonly totalCredit: bigint;
}

/**
 * The trial balance as of the end of a business date: debits equal credits after any history.
 * @example trialBalance(books, { asOf: '2025-03-31' }).totalDebit
 */
export const trialBalance = (s: BooksState, o: AsOfBranchOptions = {}): TrialBalance => {
  const rows = accountBalances(s, o).map(({ account, balance }) => ({
    code: account.code, name: account.name, class: account.class,
    debit: balance > 0n ? balance : 0n, credit: balance < 0n ? -balance : 0n,
  }));
  return {
    asOf: o.asOf ?? s.through, ...branchOf(o), rows,
    totalDebit: rows.reduce((a, r) => a + r.debit, 0n),
    totalCredit: rows.reduce((a, r) => a + r.credit, 0n),
  };
};

/** A line of a statement: an account and its amount on the side it normally sits. */
export interface StatementLine {
  readonly code: string;
  readonly name: string;
  readonly amount: bigint;
}

/** Assets, liabilities and equity as of a date; the year's unclosed result inside equity. */
export interface BalanceSheet {
  readonly asOf: string | null;
  /** The branch whose books these are; absent for the society's. */
  readonly branchId?: string;
  readonly assets: ReadonlyArray<StatementLine>;
  readonly liabilities: ReadonlyArray<StatementLine>;
  readonly equity: ReadonlyArray<StatementLine>;
  readonly totalAssets: bigint;
  readonly totalLiabilitiesAndEquity: bigint;
}

const lines = (
  all: ReadonlyArray<AccountBalance>, c: AccountClass,
): StatementLine[] => all.filter((b) => b.account.class === c).map((b) => ({
  code: b.account.code, name: b.account.name,
  amount: debitNormal(c) ? b.balance : -b.balance,
}));

const sum = (ls: ReadonlyArray<StatementLine>) => ls.reduce((a, l) => a + l.amount, 0n);

/**
 * The balance sheet as of the end of a business date. Income and expense not yet closed into
 * accumulated surplus appear in equity as "Surplus not yet closed", so the sheet balances.
 */
export const balanceSheet = (s: BooksState, o: AsOfBranchOptions = {}): BalanceSheet => {
  const all = accountBalances(s, o);
  const unclosed = -all
    .filter((b) => b.account.class === 'income' || b.account.class === 'expense')
    .reduce((a, b) => a + b.balance, 0n);
  const assets = lines(all, 'asset');
  const liabilities = lines(all, 'liability');
  const equity = [...lines(all, 'equity'),
    { code: '', name: 'Surplus not yet closed', amount: unclosed }];
  return {
    asOf: o.asOf ?? s.through, ...branchOf(o), assets, liabilities, equity,
    totalAssets: sum(assets),
    totalLiabilitiesAndEquity: sum(liabilities) + sum(equity),
  };
};

/** Income and expense of a financial year, and its net profit (a loss negative). */
export interface IncomeStatement {
  readonly financialYear: string;
  /** The branch whose books these are; absent for the society's. */
  readonly branchId?: string;
  readonly income: ReadonlyArray<StatementLine>;
  readonly expenses: ReadonlyArray<StatementLine>;
  readonly totalIncome: bigint;
  readonly totalExpenses: bigint;
  readonly netProfit: bigint;
}

/**
 * The income statement of a financial year ('2024-25'): the year's income and expense postings
 * (by business date), whether or not the year has been closed.
 */
export const incomeStatement = (
  s: BooksState, o: { readonly financialYear: string } & BranchOption,
): IncomeStatement => {
  const row = rowsOf(s, o).years.get(o.financialYear);
  const all = s.chart.chart.accounts.map((account, i) => ({ account, balance: row?.[i] ?? 0n }));
  const income = lines(all, 'income');
  const expenses = lines(all, 'expense');
  return {
    financialYear: o.financialYear, ...branchOf(o), income, expenses, totalIncome: sum(income),
    totalExpenses: sum(expenses), netProfit: sum(income) - sum(expenses),
  };
};

/** The date of the books' earliest entry (whichever order the events came in), or null. */
export const firstEntryOn = (s: BooksState): string | null => {
  let first: string | null = null;
  for (const day of s.daily.keys()) if (first === null || day < first) first = day;
  return first;
};

/** What closing a year did: declared and booked net profit, the reserve and surplus moved. */
export const yearEnd = (s: BooksState, financialYear: string): YearClose | undefined =>
  s.closes.get(financialYear);

/** A general-ledger line with the account's running balance. */
export interface GeneralLedgerLine extends LedgerLine {
  readonly balance: bigint;
}

/**
 * The general ledger of one account, line by line, from the lines the books were asked to keep
 * (`keepLedger`); throws AsOfError when the account was not kept.
 */
export const generalLedger = (
  s: BooksState, code: string, o: { readonly asOf?: string } = {},
): ReadonlyArray<GeneralLedgerLine> => {
  if (s.keep === null || !s.keep.accounts.includes(code)) {
    throw new AsOfError(`account ${code} is not kept: build the books with keepLedger`);
  }
  let balance = 0n;
  return (s.ledger.get(code) ?? [])
    .filter((l) => o.asOf === undefined || l.on <= o.asOf)
    .map((l) => {
      balance += l.amount;
      return { ...l, balance };
    });
};
