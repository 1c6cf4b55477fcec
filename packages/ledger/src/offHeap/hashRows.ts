/**
 * Rows by 64-bit key: an open-addressing table (linear probing) in one Int32Array, slot i
 * holding the key's halves at [3i], [3i + 1] and the row + 1 at [3i + 2] (0: empty). A key may
 * be added more than once (a multimap): lookups walk every slot of the probe run. Rows are the
 * caller's (a line, a stream, a command): the table holds no strings, so the caller confirms a
 * hit against what the row stands for. At most 70% full; 12 to 34 bytes a key.
 */
export interface HashRows {
  slots: Int32Array;
  count: number;
}

/** A table of no keys. */
export const hashRows = (capacity = 1024): HashRows =>
  ({ slots: new Int32Array(3 * Math.max(16, 2 ** Math.ceil(Math.log2(capacity)))), count: 0 });

const put = (slots: Int32Array, a: number, b: number, rowPlusOne: number): void => {
  const mask = slots.length / 3 - 1;
  let i = a & mask;
  while ((slots[3 * i + 2] ?? 0) !== 0) i = (i + 1) & mask;
  slots[3 * i] = a;
  slots[3 * i + 1] = b;
  slots[3 * i + 2] = rowPlusOne;
};

/** Adds `row` under the key (`k[0]`, `k[1]`), beside any rows the key already has. */
export const addRow = (t: HashRows, k: Int32Array, row: number): void => {
  const a = k[0] ?? 0;
  const b = k[1] ?? 0;
  const capacity = t.slots.length / 3;
  if ((t.count + 1) * 10 > capacity * 7) {
    const bigger = new Int32Array(t.slots.length * 2);
    for (let k = 0; k < t.slots.length; k += 3) {
      const s = t.slots[k + 2] ?? 0;
      if (s !== 0) put(bigger, t.slots[k] ?? 0, t.slots[k + 1] ?? 0, s);
    }
    t.slots = bigger;
  }
  put(t.slots, a, b, row + 1);
  t.count += 1;
};

/**
 * Calls `found` with each row under the key (`k[0]`, `k[1]`), in no set order, until it
 * returns true; returns that row, or -1.
 */
export const findRow = (
  t: HashRows, k: Int32Array, found: (row: number) => boolean,
): number => {
  const { slots } = t;
  const a = k[0] ?? 0;
  const b = k[1] ?? 0;
  const mask = slots.length / 3 - 1;
  for (let i = a & mask; ; i = (i + 1) & mask) {
    const s = slots[3 * i + 2] ?? 0;
    if (s === 0) return -1;
    if (slots[3 * i] === a && slots[3 * i + 1] === b && found(s - 1)) return s - 1;
  }
};

const any = (): boolean => true;

/** A row under the key (`k[0]`, `k[1]`), or -1: for keys added once. */
export const firstRow = (t: HashRows, k: Int32Array): number => findRow(t, k, any);
