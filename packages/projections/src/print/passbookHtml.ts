import type { Passbook, PassbookPage } from '../passbook/passbook.ts';
import { figuresIn } from './localeFigures.ts';
import { messagesIn, type Messages } from './messages/messages.ts';
import { particularsIn } from './particulars.ts';
import { printHtml, type PrintSheet } from './printHtml.ts';
import type { PrintOptions } from './printOptions.ts';

/** A passbook's print: language, paper, and her name when the member directory gave it. */
export interface PassbookPrintOptions extends PrintOptions {
  readonly holderName?: string;
}

const sheet = (p: Passbook, pg: PassbookPage, m: Messages, o: PassbookPrintOptions):
  PrintSheet => {
  const f = figuresIn(o.lang);
  const say = particularsIn(o.lang, f);
  const loan = pg.kind === 'loan';
  return {
    heading: `${m[pg.kind]} ${pg.accountId}`,
    fields: [
      [m.member, p.memberId],
      ...(o.holderName === undefined ? [] : [[m.name, o.holderName] as const]),
      [m.account, pg.accountId],
      [m.asOf, p.asOf === null ? '-' : f.date(p.asOf)],
    ],
    columns: [
      { label: m.date, numeric: false }, { label: m.particulars, numeric: false },
      { label: loan ? m.debit : m.withdrawal, numeric: true },
      { label: loan ? m.credit : m.deposit, numeric: true },
      { label: m.balance, numeric: true },
    ],
    rows: pg.lines.map((l) => [f.date(l.on), say(l.particulars), f.moneyCell(l.withdrawal),
      f.moneyCell(l.deposit), f.money(l.balance)]),
    empty: m.noLines,
  };
};

/**
 * A passbook as a printable HTML page, one account to a sheet, in Bengali or English: the
 * same lines and figures as `formatPassbook`, in the language's digits.
 * @example passbookHtml(passbook(state, 'M-1'), { lang: 'bn', paper: 'A5' })
 */
export const passbookHtml = (p: Passbook, o: PassbookPrintOptions): string => {
  const m = messagesIn(o.lang);
  return printHtml({
    title: `${m.passbook}: ${m.member} ${p.memberId}`,
    sheets: p.pages.map((pg) => sheet(p, pg, m, o)),
    footnote: m.amountsIn,
  }, m, o);
};
