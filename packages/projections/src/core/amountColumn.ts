// Running amounts in paise, kept in a BigInt64Array (outside the JS heap). A bigint field of a
// long-lived object made every update allocate a bigint that the old object kept, so V8
// promoted it and dropped it at the next update; a write into a typed array keeps nothing.
// An amount outside 64 bits is kept exactly, as a bigint, in `wide`: nothing is cut.

/** The column value that sends a reader to `wide`. */
const WIDE = -(2n ** 63n);
const MAX = 2n ** 63n - 1n;

/** Amounts by slot; slots outside `values` read as 0n. */
export interface AmountColumn {
  values: BigInt64Array;
  readonly wide: Map<number, bigint>;
}

/** A column of `n` slots, all 0n. */
export const emptyAmounts = (n: number): AmountColumn =>
  ({ values: new BigInt64Array(n), wide: new Map() });

/** Makes room for `n` slots (grown by half: amortised to a constant per slot). */
export const reserveAmounts = (c: AmountColumn, n: number): void => {
  if (n <= c.values.length) return;
  const a = new BigInt64Array(Math.max(n, c.values.length + (c.values.length >> 1)));
  a.set(c.values);
  c.values = a;
};

/** The amount in slot i. */
export const amountAt = (c: AmountColumn, i: number): bigint => {
  const v = c.values[i] ?? 0n;
  return v === WIDE ? c.wide.get(i) ?? 0n : v;
};

/** Sets slot i to x, exactly. */
export const setAmount = (c: AmountColumn, i: number, x: bigint): void => {
  if (x > WIDE && x <= MAX) {
    c.values[i] = x;
    if (c.wide.size !== 0) c.wide.delete(i);
    return;
  }
  c.values[i] = WIDE;
  c.wide.set(i, x);
};

/** Adds x to slot i, exactly. */
export const addAmount = (c: AmountColumn, i: number, x: bigint): void => {
  const v = c.values[i] ?? 0n;
  if (v !== WIDE) {
    const y = v + x;
    if (y > WIDE && y <= MAX) {
      c.values[i] = y;
      return;
    }
  }
  setAmount(c, i, amountAt(c, i) + x);
};
