import type { CollectionLine, CollectionSheet } from '../reports/collectionSheet.ts';
import { figuresIn } from './localeFigures.ts';
import { messagesIn } from './messages/messages.ts';
import { printHtml, type PrintColumn } from './printHtml.ts';
import type { PrintOptions } from './printOptions.ts';

// The amounts of a line in the text sheet's column order (collectionSheetFormat.ts).
const amounts = (l: CollectionLine): bigint[] =>
  [l.principal, l.interest, l.penalty, l.fees, l.deposit, l.overdue];

/**
 * A branch's collection sheet as a printable HTML page in Bengali or English, across an A4
 * or A5 sheet: the same rows and figures as `formatCollectionSheet`, then the total.
 * @example collectionSheetHtml(sheet, { lang: 'bn', paper: 'A4' })
 */
export const collectionSheetHtml = (s: CollectionSheet, o: PrintOptions): string => {
  const m = messagesIn(o.lang);
  const f = figuresIn(o.lang);
  const text = (label: string): PrintColumn => ({ label, numeric: false });
  const figure = (label: string): PrintColumn => ({ label, numeric: true });
  const columns = [text(m.member), text(m.account), text(m.kind), text(m.fieldOfficer),
    ...[m.principal, m.interest, m.penalty, m.fees, m.rdInstalments, m.overdue, m.daysLate,
      m.toCollect].map(figure)];
  return printHtml({
    title: `${m.collectionSheet}: ${m.branch} ${s.branchId}`,
    landscape: true,
    footnote: m.amountsIn,
    sheets: [{
      heading: m.collectionSheet,
      fields: [[m.branch, s.branchId],
        ...(s.fieldOfficer === null ? [] : [[m.fieldOfficer, s.fieldOfficer] as const]),
        [m.on, f.date(s.on)]],
      columns,
      rows: s.lines.map((l) => [l.memberId, l.accountId,
        l.kind === 'loan' ? m.kindLoan : m.kindRecurring, l.fieldOfficer ?? '',
        ...amounts(l).map(f.moneyCell), l.daysPastDue === 0 ? '' : f.count(BigInt(l.daysPastDue)),
        f.money(l.total)]),
      foot: [m.total, m.accounts.replace('{n}', f.count(BigInt(s.lines.length))),
        ...columns.slice(2, -1).map(() => ''), f.money(s.total)],
      empty: m.noLines,
    }],
  }, m, o);
};
