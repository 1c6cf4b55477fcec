import { minorOf, type MoneyString } from '@usha/domain';
import {
  csv, csvRecords, decimal, rupees, table, tableLines, type DepositAccrual,
} from '@usha/projections';
import type { AccruedInterest, LoanAccrualLine } from './accruedInterest.ts';

const money = (s: MoneyString) => minorOf(s);

// Each table's columns and cells, described once for the joined text and the streamed lines.
const depositHeader = ['Deposit', 'Member', 'Kind', 'Accrued'];
const depositCells = (d: DepositAccrual) => [d.accountId, d.memberId, d.kind, rupees(d.accrued)];
const loanHeader = ['Loan', 'Member', 'Days past due', 'Due', 'Accruing', 'Accrued', 'NPA'];
const loanCells = (l: LoanAccrualLine) => [l.loanId, l.memberId, String(l.daysPastDue),
  rupees(l.interestDue), rupees(l.interestAccruing), rupees(l.accrued),
  l.nonPerforming ? 'yes' : 'no'];
const totals = (a: AccruedInterest) => table(['', 'Rs'], [
  ['Deposit interest payable', rupees(money(a.depositInterestPayable))],
  ['Loan interest receivable', rupees(money(a.loanInterestReceivable))],
  ['Loan interest not recognised (NPA)', rupees(money(a.loanInterestNotRecognised))],
], 1);
const title = (a: AccruedInterest) => `Accrued interest as of ${a.asOf === '' ? '-' : a.asOf}`;

/**
 * The accrued-interest report as a printed statement: deposits, loans, then the totals; with
 * `detail: false` the totals alone (a society's summary: one line per account is long).
 */
export const formatAccruedInterest = (
  a: AccruedInterest, o: { readonly detail?: boolean } = {},
): string => [
  title(a),
  '',
  ...(o.detail === false ? [] : [
    table(depositHeader, a.deposits.map(depositCells), 3),
    '',
    table(loanHeader, a.loans.map(loanCells), 2),
    '',
  ]),
  totals(a),
].join('\n');

/**
 * The lines of `formatAccruedInterest(a, o)`, one at a time (joined by line feeds, they are
 * that text): a long report is written as it is made, its cells never held all at once.
 */
export function* accruedInterestLines(
  a: AccruedInterest, o: { readonly detail?: boolean } = {},
): Generator<string, void, undefined> {
  yield title(a);
  yield '';
  if (o.detail !== false) {
    yield* tableLines(depositHeader, a.deposits, depositCells, 3);
    yield '';
    yield* tableLines(loanHeader, a.loans, loanCells, 2);
    yield '';
  }
  yield* totals(a).split('\n');
}

const csvHeader = ['line', 'id', 'member_id', 'days_past_due', 'interest_due',
  'interest_accruing', 'accrued', 'non_performing'];

// The rows of the CSV: a row per deposit account and per loan, then the three totals.
function* csvRows(a: AccruedInterest): Generator<ReadonlyArray<string>, void, undefined> {
  for (const d of a.deposits) {
    yield ['deposit', d.accountId, d.memberId, '', '', '', decimal(d.accrued), ''];
  }
  for (const l of a.loans) {
    yield ['loan', l.loanId, l.memberId, String(l.daysPastDue), decimal(l.interestDue),
      decimal(l.interestAccruing), decimal(l.accrued), l.nonPerforming ? 'yes' : 'no'];
  }
  yield ['payable', '', '', '', '', '', a.depositInterestPayable, ''];
  yield ['receivable', '', '', '', '', '', a.loanInterestReceivable, ''];
  yield ['not_recognised', '', '', '', '', '', a.loanInterestNotRecognised, ''];
}

/**
 * The accrued-interest report as CSV: a row per deposit account and per loan, then the three
 * totals (`line` payable, receivable, not_recognised).
 */
export const accruedInterestCsv = (a: AccruedInterest): string => csv(csvHeader, [...csvRows(a)]);

/** The records of `accruedInterestCsv(a)` one at a time, each with its CRLF. */
export const accruedInterestCsvRecords = (a: AccruedInterest): Iterable<string> =>
  csvRecords(csvHeader, csvRows(a));
