import { signedMoneyString } from '@usha/domain';

/** Paise as a plain decimal string, no grouping: -1234.50 (the event form, signedMoneyString). */
export const decimal = (paise: bigint): string => signedMoneyString(paise);

// RFC 4180: a field with a comma, a quote or a line break is quoted, its quotes doubled.
const field = (s: string): string => (/[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s);

/** Rows as RFC 4180 CSV: a header row first, CRLF after every record. */
export const csv = (header: ReadonlyArray<string>, rows: ReadonlyArray<ReadonlyArray<string>>):
  string => [...csvRecords(header, rows)].join('');

/**
 * The records of `csv(header, rows)` one at a time, each with its CRLF (joined, they are that
 * text), for a report too long to hold as one string.
 */
export function* csvRecords(
  header: ReadonlyArray<string>, rows: Iterable<ReadonlyArray<string>>,
): Generator<string, void, undefined> {
  yield `${header.map(field).join(',')}\r\n`;
  for (const r of rows) yield `${r.map(field).join(',')}\r\n`;
}
