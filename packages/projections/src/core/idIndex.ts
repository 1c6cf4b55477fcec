import { hashA } from './eventIdHash.ts';

/**
 * Row numbers by id: an open-addressing table outside the JS heap, a slot holding a 32-bit
 * hash of the id and the row number, and the ids themselves by row, to confirm a match. A
 * lookup reads the table and one id; a Map of strings read its own buckets, entries and key.
 */
export interface IdIndex {
  slots: Int32Array; // slot i: [2i] the id's hash, [2i + 1] row + 1 (0: empty); a power of two
  readonly ids: string[];
}

/** An index of no ids. */
export const emptyIdIndex = (): IdIndex => ({ slots: new Int32Array(2 * 64), ids: [] });

/** The row of `id`, or -1. */
export const rowOf = (ix: IdIndex, id: string): number => {
  const { slots } = ix;
  const mask = (slots.length >> 1) - 1;
  const h = hashA(id) | 0;
  for (let i = h & mask; ; i = (i + 1) & mask) {
    const s = slots[2 * i + 1] ?? 0;
    if (s === 0) return -1;
    if (slots[2 * i] === h && ix.ids[s - 1] === id) return s - 1;
  }
};

const put = (slots: Int32Array, h: number, row: number): void => {
  const mask = (slots.length >> 1) - 1;
  let i = h & mask;
  while ((slots[2 * i + 1] ?? 0) !== 0) i = (i + 1) & mask;
  slots[2 * i] = h;
  slots[2 * i + 1] = row + 1;
};

/** Adds `id` (not in the index) as the next row; returns that row. At most half full. */
export const addId = (ix: IdIndex, id: string): number => {
  const row = ix.ids.length;
  if ((row + 1) * 2 > ix.slots.length >> 1) {
    const bigger = new Int32Array(ix.slots.length * 2);
    for (let k = 0; k < ix.slots.length; k += 2) {
      const s = ix.slots[k + 1] ?? 0;
      if (s !== 0) put(bigger, ix.slots[k] ?? 0, s - 1);
    }
    ix.slots = bigger;
  }
  ix.ids.push(id);
  put(ix.slots, hashA(id) | 0, row);
  return row;
};
