import { cell, rupees, table } from '../format/textTable.ts';
import { csv, decimal } from './csv.ts';
import type { Dues } from './dues.ts';

const sums = (d: Dues) => ({
  principal: d.lines.reduce((s, l) => s + l.principal, 0n),
  interest: d.lines.reduce((s, l) => s + l.interest, 0n),
});

const title = (d: Dues): string => `${d.overdueOnly ? 'Overdue' : 'Due'} list, `
  + `${d.branchId ?? 'all branches'}, ${d.from} to ${d.to} (unpaid as at ${d.to})`;

/** The due (or overdue) list as a printed table: a row per instalment, then the totals. */
export const formatDues = (d: Dues): string => [
  title(d),
  table(['Due on', 'Branch', 'Member', 'Account', 'Kind', 'No.', 'Principal', 'Interest',
    'Unpaid', 'Days overdue'],
  [...d.lines.map((l) => [l.dueOn, l.branchId, l.memberId, l.accountId, l.kind,
    String(l.instalmentNumber), rupees(l.principal), cell(l.interest), cell(l.unpaid),
    l.daysOverdue === 0 ? '' : String(l.daysOverdue)]),
  [], ['Total', '', '', `${d.lines.length} instalments`, '', '', rupees(sums(d).principal),
    rupees(sums(d).interest), rupees(d.totalUnpaid), '']], 5),
].join('\n');

/** The due (or overdue) list as CSV: a row per instalment, then a total row. */
export const duesCsv = (d: Dues): string => csv(
  ['due_on', 'branch', 'member', 'account', 'kind', 'instalment', 'principal', 'interest',
    'unpaid', 'days_overdue'],
  [...d.lines.map((l) => [l.dueOn, l.branchId, l.memberId, l.accountId, l.kind,
    String(l.instalmentNumber), decimal(l.principal), decimal(l.interest), decimal(l.unpaid),
    String(l.daysOverdue)]),
  ['total', '', '', '', '', '', decimal(sums(d).principal), decimal(sums(d).interest),
    decimal(d.totalUnpaid), '']]);
