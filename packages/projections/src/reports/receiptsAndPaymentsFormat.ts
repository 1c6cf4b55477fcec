import { rupees, table } from '../format/textTable.ts';
import { csv, decimal } from './csv.ts';
import type { ReceiptsAndPayments } from './receiptsAndPayments.ts';

type Row = readonly [section: string, item: string, code: string, paise: bigint];

// Described once: the statement and the CSV list the same rows in the same order.
const rowsOf = (r: ReceiptsAndPayments): ReadonlyArray<Row> => [
  ...r.funds.map((f): Row => ['opening', f.name, f.code, f.opening]),
  ...r.receipts.map((h): Row => ['receipt', h.head, h.code, h.amount]),
  ['total receipts', 'Total receipts', '', r.totalReceipts],
  ...r.payments.map((h): Row => ['payment', h.head, h.code, h.amount]),
  ['total payments', 'Total payments', '', r.totalPayments],
  ...r.funds.map((f): Row => ['closing', f.name, f.code, f.closing]),
];

const titles: Readonly<Record<string, string>> = {
  opening: 'Opening balance', receipt: 'Receipts', payment: 'Payments',
  closing: 'Closing balance',
};

/** The receipts and payments account as a printed statement, a heading per section. */
export const formatReceiptsAndPayments = (r: ReceiptsAndPayments): string => {
  const out: string[][] = [];
  let last = '';
  for (const [section, item, code, a] of rowsOf(r)) {
    const title = titles[section];
    if (title === undefined) {
      out.push([item, code, rupees(a)], []);
    } else {
      if (section !== last) out.push([title, '', '']);
      out.push([`  ${item}`, code, rupees(a)]);
    }
    last = section;
  }
  out.push(['Closing balance, all funds', '', rupees(r.closing)]);
  return [`Receipts and payments, ${r.from} to ${r.to}`,
    table(['', 'Code', 'Rs'], out, 2)].join('\n');
};

/** The receipts and payments account as CSV: section, item, account code, amount. */
export const receiptsAndPaymentsCsv = (r: ReceiptsAndPayments): string =>
  csv(['section', 'item', 'code', 'amount'],
    rowsOf(r).map(([s, item, code, a]) => [s, item, code, decimal(a)]));
