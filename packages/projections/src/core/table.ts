import { emptyAmounts, reserveAmounts, type AmountColumn } from './amountColumn.ts';
import { addId, emptyIdIndex, rowOf, type IdIndex } from './idIndex.ts';
import type { RowLayout } from './rowLayout.ts';
import type { RowShape } from './rowShape.ts';

/**
 * Rows of one kind (members, deposit accounts or loans) found by id, held in columns: small
 * integers (codes, links between rows), counts and running amounts in typed arrays outside the
 * JS heap, strings in arrays. On the heap a row costs its id and index entry and a pointer a
 * text column, so the heap, which V8 sizes its collections by, stays small. Which field is in
 * which column comes from the table's description (`layout`, see rowShape.ts).
 */
export interface Table {
  readonly layout: RowLayout<RowShape>;
  /** Rows by id; `index.ids` is the ids by row. */
  readonly index: IdIndex;
  /** Text column k, by row. */
  readonly texts: ReadonlyArray<Array<string | null>>;
  /** Row r's int column k is at r * widths.ints + k; nums and amounts alike. */
  ints: Int32Array;
  nums: Float64Array;
  readonly amounts: AmountColumn;
  readonly widths: RowLayout<RowShape>['widths'];
  size: number;
}

/** A table with no rows, laid out as described. */
export const emptyTable = (layout: RowLayout<RowShape>): Table => {
  const { widths } = layout;
  return {
    layout, index: emptyIdIndex(), texts: Array.from({ length: widths.texts }, () => []),
    ints: new Int32Array(64 * widths.ints), nums: new Float64Array(64 * widths.nums),
    amounts: emptyAmounts(64 * widths.amounts), widths, size: 0,
  };
};

// Grown by half, not doubled: at the moment of growth the old columns and the new are alive
// together, and a long replay's last growth leaves less slack; still a constant per row.
const roomFor = <A extends Int32Array | Float64Array>(a: A, n: number, make: (n: number) => A) => {
  if (n <= a.length) return a;
  const b = make(Math.max(n, a.length + (a.length >> 1)));
  b.set(a);
  return b;
};

/**
 * Adds a row for `id` (not yet in the table), every field empty (null, 0, 0n, a flag's first
 * value, no row linked); returns its number.
 */
export const addRow = (t: Table, id: string): number => {
  const r = t.size;
  const w = t.widths;
  t.ints = roomFor(t.ints, (r + 1) * w.ints, (n) => new Int32Array(n));
  t.nums = roomFor(t.nums, (r + 1) * w.nums, (n) => new Float64Array(n));
  reserveAmounts(t.amounts, (r + 1) * w.amounts);
  const ints = t.layout.newInts;
  for (let k = 0; k < w.ints; k += 1) t.ints[r * w.ints + k] = ints[k] ?? 0;
  for (const column of t.texts) column.push(null);
  addId(t.index, id);
  t.size = r + 1;
  return r;
};

/** The row of `id`, or -1. */
export const findRow = (t: Table, id: string): number => rowOf(t.index, id);

/** The id of row r. */
export const idOf = (t: Table, r: number): string => t.index.ids[r] ?? '';

/** Text column k of row r. */
export const textAt = (t: Table, k: number, r: number): string | null => t.texts[k]?.[r] ?? null;

/** Sets text column k of row r. */
export const setText = (t: Table, k: number, r: number, v: string | null): void => {
  const column = t.texts[k];
  if (column !== undefined) column[r] = v;
};
