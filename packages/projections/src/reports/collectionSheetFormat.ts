import { cell, rupees, table } from '../format/textTable.ts';
import type { CollectionLine, CollectionSheet } from './collectionSheet.ts';
import { csv, decimal } from './csv.ts';

// The amounts of a line, in column order: one description for the printed sheet and the CSV.
const amounts = (l: CollectionLine): bigint[] =>
  [l.principal, l.interest, l.penalty, l.fees, l.deposit, l.overdue, l.total];

const title = (s: CollectionSheet): string => `Collection sheet, ${s.branchId}`
  + `${s.fieldOfficer === null ? '' : `, field officer ${s.fieldOfficer}`}, ${s.on}`;

/** The collection sheet as a printed table: a row per account, then the total to collect. */
export const formatCollectionSheet = (s: CollectionSheet): string => [
  title(s),
  table(['Member', 'Account', 'Kind', 'Officer', 'Principal', 'Interest', 'Penalty', 'Fees',
    'RD instalments', 'Of which overdue', 'Days late', 'To collect'],
  [...s.lines.map((l) => [l.memberId, l.accountId, l.kind, l.fieldOfficer ?? '',
    ...amounts(l).slice(0, 6).map(cell), l.daysPastDue === 0 ? '' : String(l.daysPastDue),
    rupees(l.total)]),
  [], ['Total', `${s.lines.length} accounts`, '', '', '', '', '', '', '', '', '',
    rupees(s.total)]], 4),
].join('\n');

/** The collection sheet as CSV: a row per account, then a total row. */
export const collectionSheetCsv = (s: CollectionSheet): string => csv(
  ['branch', 'on', 'member', 'account', 'kind', 'field_officer', 'principal', 'interest',
    'penalty', 'fees', 'rd_instalments', 'rd_instalment_count', 'overdue', 'days_past_due',
    'total'],
  [...s.lines.map((l) => [s.branchId, s.on, l.memberId, l.accountId, l.kind,
    l.fieldOfficer ?? '', ...amounts(l).slice(0, 5).map(decimal), String(l.instalments),
    decimal(l.overdue), String(l.daysPastDue), decimal(l.total)]),
  [s.branchId, s.on, 'total', '', '', s.fieldOfficer ?? '', '', '', '', '', '', '', '', '',
    decimal(s.total)]]);
