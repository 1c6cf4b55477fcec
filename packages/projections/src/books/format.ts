import { cell, rupees, table } from '../format/textTable.ts';
import type { BalanceSheet, IncomeStatement, StatementLine, TrialBalance } from './reports.ts';

const ofBranch = (b: string | undefined): string => (b === undefined ? '' : ` of branch ${b}`);

/** A trial balance as a printed table. */
export const formatTrialBalance = (tb: TrialBalance): string => [
  `Trial balance${ofBranch(tb.branchId)} as of ${tb.asOf ?? '-'}`,
  table(['Code', 'Account', 'Debit', 'Credit'], [
    ...tb.rows.filter((r) => r.debit !== 0n || r.credit !== 0n)
      .map((r) => [r.code, r.name, cell(r.debit), cell(r.credit)]),
    [],
    ['', 'Total', rupees(tb.totalDebit), rupees(tb.totalCredit)],
  ], 2),
].join('\n');

const section = (title: string, ls: ReadonlyArray<StatementLine>): string[][] => [
  [title, ''], ...ls.filter((l) => l.amount !== 0n).map((l) => [`  ${l.name}`, rupees(l.amount)]),
];

/** A balance sheet as a printed statement. */
export const formatBalanceSheet = (bs: BalanceSheet): string => {
  const total = (ls: ReadonlyArray<StatementLine>) => ls.reduce((a, l) => a + l.amount, 0n);
  return [
    `Balance sheet${ofBranch(bs.branchId)} as of ${bs.asOf ?? '-'}`,
    table(['', 'Rs'], [
      ...section('Assets', bs.assets), ['Total assets', rupees(bs.totalAssets)], [],
      ...section('Liabilities', bs.liabilities),
      ['Total liabilities', rupees(total(bs.liabilities))], [],
      ...section('Equity', bs.equity), ['Total equity', rupees(total(bs.equity))], [],
      ['Total liabilities and equity', rupees(bs.totalLiabilitiesAndEquity)],
    ]),
  ].join('\n');
};

/** An income statement as a printed statement. */
export const formatIncomeStatement = (is: IncomeStatement): string => [
  `Income statement${ofBranch(is.branchId)}, financial year ${is.financialYear}`,
  table(['', 'Rs'], [
    ...section('Income', is.income), ['Total income', rupees(is.totalIncome)], [],
    ...section('Expenses', is.expenses), ['Total expenses', rupees(is.totalExpenses)], [],
    [is.netProfit >= 0n ? 'Net profit' : 'Net loss', rupees(is.netProfit)],
  ]),
].join('\n');
