import {
  figuresIn, messagesIn, printHtml, type PrintColumn, type PrintOptions,
} from '@usha/projections';
import type { DayCash, TillDay } from '../branch/dayCashReport.ts';
import { dayCashMessagesIn, type DayCashMessages } from './dayCashMessages.ts';

// Counted less book, as the text report says it: short, excess or nil.
const differenceOf = (d: bigint, m: DayCashMessages, money: (p: bigint) => string): string =>
  (d === 0n ? m.nil : (d < 0n ? m.short : m.excess).replace('{amount}', money(d < 0n ? -d : d)));

const row = (t: TillDay, m: DayCashMessages, money: (p: bigint) => string): string[] => [
  t.tillId, ...[t.openingMinor, t.fromVaultMinor, t.receivedMinor, t.paidMinor,
    t.toVaultMinor].map(money),
  t.count === null ? m.notCounted : money(t.count.bookMinor),
  t.count === null ? '' : money(t.count.countedMinor),
  t.count === null ? '' : differenceOf(t.count.differenceMinor, m, money),
  money(t.closingMinor),
];

/**
 * A branch's day-end cash as a printable HTML page in Bengali or English, on one sheet across
 * the paper: the vault's figures, then each till's row, the same figures as the text report
 * (dayCashReportText.ts), zeros printed, for the manager to sign against the count.
 * @example dayCashHtml(await ledger.dayCash({ branchId: 'SONAGACHI', on: '2024-04-02' }),
 *   { lang: 'bn', paper: 'A4' })
 */
export const dayCashHtml = (d: DayCash, o: PrintOptions): string => {
  const m = messagesIn(o.lang);
  const c = dayCashMessagesIn(o.lang);
  const f = figuresIn(o.lang);
  const sum = (of: (t: TillDay) => bigint) => d.tills.reduce((a, t) => a + of(t), 0n);
  const v = d.vault;
  const text = (label: string): PrintColumn => ({ label, numeric: false });
  const figure = (label: string): PrintColumn => ({ label, numeric: true });
  return printHtml({
    title: `${c.dayCash}: ${m.branch} ${d.branchId}`,
    landscape: true,
    footnote: m.amountsIn,
    sheets: [{
      heading: c.dayCash,
      fields: [[m.branch, d.branchId], [m.on, f.date(d.on)],
        [c.day, d.closed ? c.dayClosed : c.dayOpen],
        ...([[c.vaultOpening, v.openingMinor], [c.takenOver, v.takenOverMinor],
          [c.toTills, sum((t) => t.fromVaultMinor)], [c.fromTills, sum((t) => t.toVaultMinor)],
          [c.fromBranches, v.fromBranchesMinor], [c.toBranches, v.toBranchesMinor],
          [c.vaultClosing, v.closingMinor]] as const).map(([k, p]) => [k, f.money(p)] as const)],
      columns: [text(c.till), ...[c.opening, c.fromVault, c.received, c.paid, c.toVault,
        c.book, c.counted].map(figure), text(c.difference), figure(c.closing)],
      rows: d.tills.map((t) => row(t, c, f.money)),
      empty: c.noTills,
    }],
  }, m, o);
};
