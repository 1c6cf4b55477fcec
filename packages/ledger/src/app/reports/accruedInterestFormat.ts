import { minorOf, type MoneyString } from '@usha/domain';
import { csv, decimal, rupees, table } from '@usha/projections';
import type { AccruedInterest } from './accruedInterest.ts';

const money = (s: MoneyString) => minorOf(s);

/**
 * The accrued-interest report as a printed statement: deposits, loans, then the totals; with
 * `detail: false` the totals alone (a society's summary: one line per account is long).
 */
export const formatAccruedInterest = (
  a: AccruedInterest, o: { readonly detail?: boolean } = {},
): string => [
  `Accrued interest as of ${a.asOf === '' ? '-' : a.asOf}`,
  '',
  ...(o.detail === false ? [] : [
    table(['Deposit', 'Member', 'Kind', 'Accrued'], a.deposits.map((d) =>
      [d.accountId, d.memberId, d.kind, rupees(d.accrued)]), 3),
    '',
    table(['Loan', 'Member', 'Days past due', 'Due', 'Accruing', 'Accrued', 'NPA'],
      a.loans.map((l) => [l.loanId, l.memberId, String(l.daysPastDue), rupees(l.interestDue),
        rupees(l.interestAccruing), rupees(l.accrued), l.nonPerforming ? 'yes' : 'no']), 2),
    '',
  ]),
  table(['', 'Rs'], [
    ['Deposit interest payable', rupees(money(a.depositInterestPayable))],
    ['Loan interest receivable', rupees(money(a.loanInterestReceivable))],
    ['Loan interest not recognised (NPA)', rupees(money(a.loanInterestNotRecognised))],
  ], 1),
].join('\n');

/**
 * The accrued-interest report as CSV: a row per deposit account and per loan, then the three
 * totals (`line` payable, receivable, not_recognised).
 */
export const accruedInterestCsv = (a: AccruedInterest): string => csv(
  ['line', 'id', 'member_id', 'days_past_due', 'interest_due', 'interest_accruing', 'accrued',
    'non_performing'],
  [
    ...a.deposits.map((d) => ['deposit', d.accountId, d.memberId, '', '', '',
      decimal(d.accrued), '']),
    ...a.loans.map((l) => ['loan', l.loanId, l.memberId, String(l.daysPastDue),
      decimal(l.interestDue), decimal(l.interestAccruing), decimal(l.accrued),
      l.nonPerforming ? 'yes' : 'no']),
    ['payable', '', '', '', '', '', a.depositInterestPayable, ''],
    ['receivable', '', '', '', '', '', a.loanInterestReceivable, ''],
    ['not_recognised', '', '', '', '', '', a.loanInterestNotRecognised, ''],
  ]);
