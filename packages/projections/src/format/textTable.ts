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
): string => {
  const all = [header, ...rows];
  const widths = header.map((_, c) => Math.max(...all.map((r) => (r[c] ?? '').length)));
  const line = (r: ReadonlyArray<string>) => r.map((x, c) =>
    (c < left ? x.padEnd(widths[c] ?? 0) : x.padStart(widths[c] ?? 0))).join('  ').trimEnd();
  const rule = widths.map((w) => '-'.repeat(w)).join('  ');
  return [line(header), rule, ...rows.map((r) => (r.length === 0 ? rule : line(r)))].join('\n');
};
