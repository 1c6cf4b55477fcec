import type { PostingRole } from '../books/chartOfAccounts.ts';
import type { BooksState } from '../books/state.ts';
import { fundRoles, headKey, type CashBookState, type CashSide } from './cashBook.ts';

/** One head of the account: what the money was for, and the ledger account it went to. */
export interface CashHead {
  readonly head: string;
  /** The account on the other side of the cash, as the chart codes it. */
  readonly code: string;
  readonly amount: bigint;
}

/** A fund account's balance at the start and the end of the period, in paise. */
export interface FundBalance {
  readonly code: string;
  readonly name: string;
  readonly opening: bigint;
  readonly closing: bigint;
}

/** Cash and bank received and paid over a period, by head, between two balances (paise). */
export interface ReceiptsAndPayments {
  readonly from: string;
  readonly to: string;
  readonly funds: ReadonlyArray<FundBalance>;
  readonly opening: bigint;
  readonly receipts: ReadonlyArray<CashHead>;
  readonly payments: ReadonlyArray<CashHead>;
  readonly totalReceipts: bigint;
  readonly totalPayments: bigint;
  readonly closing: bigint;
}

// Heads in the order a receipts and payments account lists them; any other role the journal
// may come to post against cash is listed after them under its account's name.
const heads: Readonly<Record<CashSide, ReadonlyArray<readonly [PostingRole, string]>>> = {
  receipt: [
    ['shareCapital', 'Share capital'], ['savingsDeposits', 'Savings deposits'],
    ['recurringDeposits', 'Recurring deposit instalments'], ['fixedDeposits', 'Fixed deposits'],
    ['loansReceivable', 'Loan principal repaid'], ['loanInterestIncome', 'Loan interest'],
    ['penaltiesReceivable', 'Loan penalties'], ['feesReceivable', 'Loan fees'],
    ['recoveriesIncome', 'Bad debts recovered'],
    // A top-up is shown gross: the new loan among loans disbursed, the old loan's payoff
    // withheld from it here, so the two net to the cash the member received.
    ['topUpClearing', 'Loans paid off by top-up'],
  ],
  payment: [
    ['loansReceivable', 'Loans disbursed'], ['savingsDeposits', 'Savings withdrawn'],
    ['recurringDeposits', 'Recurring deposits paid out'],
    ['fixedDeposits', 'Fixed deposits paid out'],
    ['depositInterestExpense', 'Deposit interest paid'], ['shareCapital', 'Shares redeemed'],
    ['dividendsPayable', 'Dividends paid in cash'],
  ],
};

const sideOf = (
  books: BooksState, sums: ReadonlyMap<string, bigint>, side: CashSide,
): CashHead[] => {
  const { roles, accounts } = books.chart.chart;
  const named = new Map(heads[side]);
  const listed = heads[side].map(([r]) => r);
  const others = (Object.keys(roles) as PostingRole[]).filter((r) => !named.has(r));
  return [...listed, ...others].flatMap((role) => {
    const amount = sums.get(headKey(side, role)) ?? 0n;
    if (amount === 0n) return [];
    const code = roles[role];
    const head = named.get(role) ?? accounts.find((a) => a.code === code)?.name ?? role;
    return [{ head, code, amount }];
  });
};

// A fund's balance from the books' daily rows: the days up to `to`, or before `before`.
const fundBalance = (books: BooksState, i: number, o: { to?: string; before?: string }) => {
  let sum = 0n;
  for (const [day, row] of books.daily) {
    if ((o.to !== undefined && day > o.to) || (o.before !== undefined && day >= o.before)) {
      continue;
    }
    sum += row[i] ?? 0n;
  }
  return sum;
};

/**
 * The receipts and payments account of a period (both dates included): the cash book's heads
 * in the period, and the opening and closing balances of cash and bank from the books, so
 * that it agrees with the trial balance; closing = opening + receipts - payments.
 * @example receiptsAndPayments(books, cash, { from: '2024-04-01', to: '2025-03-31' }).closing
 */
export const receiptsAndPayments = (
  books: BooksState, cash: CashBookState, o: { readonly from: string; readonly to: string },
): ReceiptsAndPayments => {
  const sums = new Map<string, bigint>();
  for (const [day, m] of cash.days) {
    if (day < o.from || day > o.to) continue;
    for (const [k, a] of m) sums.set(k, (sums.get(k) ?? 0n) + a);
  }
  const funds = [...new Set(fundRoles.map((r) => books.chart.roleIndex[r]))].map((i) => ({
    code: books.chart.chart.accounts[i]?.code ?? '',
    name: books.chart.chart.accounts[i]?.name ?? '',
    opening: fundBalance(books, i, { before: o.from }),
    closing: fundBalance(books, i, { to: o.to }),
  }));
  const receipts = sideOf(books, sums, 'receipt');
  const payments = sideOf(books, sums, 'payment');
  const total = (xs: ReadonlyArray<{ readonly amount: bigint }>) =>
    xs.reduce((a, x) => a + x.amount, 0n);
  return {
    from: o.from, to: o.to, funds,
    opening: funds.reduce((a, f) => a + f.opening, 0n), receipts, payments,
    totalReceipts: total(receipts), totalPayments: total(payments),
    closing: funds.reduce((a, f) => a + f.closing, 0n),
  };
};
