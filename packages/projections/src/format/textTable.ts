import { formatMoney, money } from '@usha/domain';

// The Indian grouping (lakh, crore) as the platform's locale data has it, on whole rupees
// only: a bigint keeps every digit, where a number would round past 2^53 paise.
const indian = new Intl.NumberFormat('en-IN', { useGrouping: true });

/** Paise as rupees with 2 decimals and thousands grouped the Indian way: 1,23,456.50. */
export const rupees = (paise: bigint): string => {
  const [whole = '0', frac = '00'] = formatMoney(money(paise < 0n ? -paise : paise)).split('.');
  return `${paise < 0n ? '-' : ''}${indian.format(BigInt(whole))}.${frac}`;
};

/** A blank cell for zero, rupees otherwise. */
export const cell = (paise: bigint): string => (paise === 0n ? '' : rupees(paise));

/** Lays rows out in columns: the first `left` columns left-aligned, the rest right-aligned. */
export const table = (
  header: ReadonlyArray<string>, rows: ReadonlyArray<ReadonlyArray<string>>, left = 1,
): string => [...tableLines(header, rows, (r) => r, left)].join('\n');

/**
 * The lines of `table(header, items.map(cells), left)`, one at a time, for a report too long
 * to hold as one string: each item's cells are made twice (for the widths, then for its line),
 * so that no cell outlives its own line. An item with no cells is a rule, as in `table`.
 * The items are an array: they are read twice, which a one-pass iterable could not be.
 */
export function* tableLines<T>(
  header: ReadonlyArray<string>, items: ReadonlyArray<T>,
  cells: (item: T) => ReadonlyArray<string>,
  left = 1,
): Generator<string, void, undefined> {
  const widths = header.map((h) => h.length);
  for (const item of items) {
    const r = cells(item);
    for (let c = 0; c < widths.length; c++) {
      widths[c] = Math.max(widths[c] ?? 0, (r[c] ?? '').length);
    }
  }
  const line = (r: ReadonlyArray<string>) => r.map((x, c) =>
    (c < left ? x.padEnd(widths[c] ?? 0) : x.padStart(widths[c] ?? 0))).join('  ').trimEnd();
  const rule = widths.map((w) => '-'.repeat(w)).join('  ');
  yield line(header);
  yield rule;
  for (const item of items) {
    const r = cells(item);
    yield r.length === 0 ? rule : line(r);
  }
}
