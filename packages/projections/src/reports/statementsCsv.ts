import type {
  BalanceSheet, IncomeStatement, StatementLine, TrialBalance,
} from '../books/reports.ts';
import type { Passbook } from '../passbook/passbook.ts';
import type { ParReport, PortfolioFigures } from '../portfolio/parReport.ts';
import { csv, decimal } from './csv.ts';

/** The trial balance as CSV: the accounts with a balance, then the totals (code blank). */
export const trialBalanceCsv = (tb: TrialBalance): string =>
  csv(['code', 'account', 'debit', 'credit'], [
    ...tb.rows.filter((r) => r.debit !== 0n || r.credit !== 0n)
      .map((r) => [r.code, r.name, decimal(r.debit), decimal(r.credit)]),
    ['', 'Total', decimal(tb.totalDebit), decimal(tb.totalCredit)],
  ]);

const lines = (section: string, ls: ReadonlyArray<StatementLine>): string[][] =>
  ls.filter((l) => l.amount !== 0n).map((l) => [section, l.code, l.name, decimal(l.amount)]);

const total = (ls: ReadonlyArray<StatementLine>) => ls.reduce((a, l) => a + l.amount, 0n);

/** The balance sheet as CSV: section, code, account, amount, with each section's total. */
export const balanceSheetCsv = (bs: BalanceSheet): string =>
  csv(['section', 'code', 'account', 'amount'], [
    ...lines('assets', bs.assets), ['total', '', 'Total assets', decimal(bs.totalAssets)],
    ...lines('liabilities', bs.liabilities),
    ['total', '', 'Total liabilities', decimal(total(bs.liabilities))],
    ...lines('equity', bs.equity), ['total', '', 'Total equity', decimal(total(bs.equity))],
    ['total', '', 'Total liabilities and equity', decimal(bs.totalLiabilitiesAndEquity)],
  ]);

/** The income statement as CSV: section, code, account, amount; a loss is negative. */
export const incomeStatementCsv = (is: IncomeStatement): string =>
  csv(['section', 'code', 'account', 'amount'], [
    ...lines('income', is.income), ['total', '', 'Total income', decimal(is.totalIncome)],
    ...lines('expenses', is.expenses),
    ['total', '', 'Total expenses', decimal(is.totalExpenses)],
    ['total', '', 'Net profit', decimal(is.netProfit)],
  ]);

const percent = (bp: number) => `${Math.floor(bp / 100)}.${String(bp % 100).padStart(2, '0')}`;

const parRow = (branch: string, f: PortfolioFigures): string[] => [
  branch, String(f.activeLoans), decimal(f.principalOutstanding),
  ...(['1-30', '31-60', '61-90', 'over 90'] as const)
    .map((b) => decimal(f.buckets[b].principalOutstanding)),
  decimal(f.arrears), percent(f.par30BasisPoints), percent(f.par90BasisPoints),
];

/** The PAR report as CSV: a row per branch, then `All branches`; PAR in percent. */
export const parReportCsv = (r: ParReport): string =>
  csv(['branch', 'loans', 'outstanding', 'dpd_1_30', 'dpd_31_60', 'dpd_61_90', 'dpd_over_90',
    'arrears', 'par30_percent', 'par90_percent'],
  [...[...r.byBranch].map(([b, f]) => parRow(b, f)), parRow('All branches', r.overall)]);

/** A passbook as CSV: a row per line of each page, the account named on every row. */
export const passbookCsv = (p: Passbook): string =>
  csv(['account', 'kind', 'date', 'particulars', 'debit', 'credit', 'balance'],
    p.pages.flatMap((pg) => pg.lines.map((l) => [pg.accountId, pg.kind, l.on, l.particulars,
      decimal(l.withdrawal), decimal(l.deposit), decimal(l.balance)])));
