import { escapeHtml } from './escapeHtml.ts';
import type { Messages } from './messages/messages.ts';
import type { PrintOptions } from './printOptions.ts';
import { printStyle } from './printStyle.ts';

/** A column of a printed table: its label, and whether it holds figures (right-aligned). */
export interface PrintColumn {
  readonly label: string;
  readonly numeric: boolean;
}

/** One printed sheet: a heading, labelled fields, a table, and what to say if it is empty. */
export interface PrintSheet {
  readonly heading: string;
  readonly fields: ReadonlyArray<readonly [label: string, value: string]>;
  readonly columns: ReadonlyArray<PrintColumn>;
  readonly rows: ReadonlyArray<ReadonlyArray<string>>;
  /** A last row apart from the others (a total), printed at the table's foot. */
  readonly foot?: ReadonlyArray<string>;
  readonly empty: string;
}

/** A printable document: its title and its sheets, each on a page of its own. */
export interface PrintDocument {
  readonly title: string;
  readonly sheets: ReadonlyArray<PrintSheet>;
  readonly footnote: string;
  /** Printed across the sheet: for a table too wide to stand. */
  readonly landscape?: boolean;
}

const e = escapeHtml;

const cells = (columns: ReadonlyArray<PrintColumn>, row: ReadonlyArray<string>, tag: string) =>
  columns.map((c, i) => `<${tag}${c.numeric ? ' class="num"' : ''}>${e(row[i] ?? '')}</${tag}>`)
    .join('');

const sheetHtml = (s: PrintSheet, d: PrintDocument, m: Messages): string => [
  '<section class="sheet">',
  `<header><h1>${e(m.society)}</h1><p>${e(m.societyPlace)}</p><p>${e(d.title)}</p></header>`,
  `<h2>${e(s.heading)}</h2>`,
  `<dl>${s.fields.map(([k, v]) => `<dt>${e(k)}</dt><dd>${e(v)}</dd>`).join('')}</dl>`,
  s.rows.length === 0 ? `<p>${e(s.empty)}</p>` : [
    '<table>',
    `<thead><tr>${cells(s.columns, s.columns.map((c) => c.label), 'th')}</tr></thead>`,
    '<tbody>',
    ...s.rows.map((r) => `<tr>${cells(s.columns, r, 'td')}</tr>`),
    '</tbody>',
    ...(s.foot === undefined ? [] : [
      `<tfoot><tr>${cells(s.columns, s.foot, 'th')}</tr></tfoot>`]),
    '</table>',
  ].join('\n'),
  `<footer>${e(d.footnote)}</footer>`,
  '</section>',
].join('\n');

/**
 * A document as one self-contained HTML page: inline style, fonts from the system, no script
 * and no external resource (its content security policy forbids both, should any slip in).
 * Every text is escaped here, so callers pass plain text.
 */
export const printHtml = (d: PrintDocument, m: Messages, o: PrintOptions): string => [
  '<!DOCTYPE html>',
  `<html lang="${o.lang}">`,
  '<head>',
  '<meta charset="utf-8">',
  `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; `
    + `style-src 'unsafe-inline'">`,
  `<title>${e(d.title)}</title>`,
  `<style>\n${printStyle(o.paper, d.landscape === true)}\n</style>`,
  '</head>',
  '<body>',
  ...d.sheets.map((s) => sheetHtml(s, d, m)),
  '</body>',
  '</html>',
  '',
].join('\n');
