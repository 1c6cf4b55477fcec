// Growable columns of numbers in typed arrays: their contents live outside the JS heap (in the
// array buffer), so a million rows cost the heap a few objects, not a million.

/** A growable column of float64 (byte offsets, revisions: exact up to 2^53). */
export interface F64Column {
  data: Float64Array;
  length: number;
}

/** A growable column of int32 (row and line numbers, counts, links; -1 for none). */
export interface I32Column {
  data: Int32Array;
  length: number;
}

/** An empty float64 column. */
export const f64Column = (capacity = 1024): F64Column =>
  ({ data: new Float64Array(capacity), length: 0 });

/** An empty int32 column. */
export const i32Column = (capacity = 1024): I32Column =>
  ({ data: new Int32Array(capacity), length: 0 });

// Appends to either kind of column, doubling its array when full; returns the row.
const push = <A extends Float64Array | Int32Array>(
  c: { data: A; length: number },
  v: number,
  make: (capacity: number) => A,
): number => {
  if (c.length === c.data.length) {
    const bigger = make(Math.max(16, c.data.length * 2)); // from capacity 0 too
    bigger.set(c.data);
    c.data = bigger;
  }
  c.data[c.length] = v;
  return c.length++;
};
const f64 = (capacity: number) => new Float64Array(capacity);
const i32 = (capacity: number) => new Int32Array(capacity);

/** Appends `v` to a float64 column; returns its row. */
export const pushF64 = (c: F64Column, v: number): number => push(c, v, f64);

/** Appends `v` to an int32 column; returns its row. */
export const pushI32 = (c: I32Column, v: number): number => push(c, v, i32);
