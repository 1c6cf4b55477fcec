import { addId } from './idIndex.ts';
import { idOf, type Table } from './table.ts';

/**
 * Keeps the rows `keep` accepts, in their order, and lets the others go, in place: the same
 * Table object, so maps and views made over it read the kept rows. Each kept row's link (the
 * next row of its list) skips the rows let go. Returns each old row's new number (-1: let go)
 * for the caller to mend what points into the table from outside (another table's lists).
 * The columns shrink to the kept rows and a quarter more.
 */
export const keepRows = (t: Table, keep: (r: number) => boolean): Int32Array => {
  const w = t.widths;
  const moved = new Int32Array(t.size).fill(-1);
  let n = 0;
  for (let r = 0; r < t.size; r += 1) if (keep(r)) moved[r] = n++;
  const room = Math.max(64, n + (n >> 2));
  const ints = new Int32Array(room * w.ints);
  const nums = new Float64Array(room * w.nums);
  const values = new BigInt64Array(room * w.amounts);
  const wide = new Map<number, bigint>();
  const ids: string[] = [];
  const linkAt = t.layout.linkAt;
  for (let r = 0; r < t.size; r += 1) {
    const to = moved[r] ?? -1;
    if (to < 0) continue;
    ints.set(t.ints.subarray(r * w.ints, (r + 1) * w.ints), to * w.ints);
    nums.set(t.nums.subarray(r * w.nums, (r + 1) * w.nums), to * w.nums);
    values.set(t.amounts.values.subarray(r * w.amounts, (r + 1) * w.amounts), to * w.amounts);
    for (let k = 0; k < w.amounts; k += 1) {
      const x = t.amounts.wide.get(r * w.amounts + k);
      if (x !== undefined) wide.set(to * w.amounts + k, x);
    }
    if (linkAt >= 0) ints[to * w.ints + linkAt] = nextKept(t, moved, r);
    // to <= r: a text moves back over a row already copied or let go.
    for (const column of t.texts) column[to] = column[r] ?? null;
    ids.push(idOf(t, r));
  }
  for (const column of t.texts) column.length = n;
  t.ints = ints;
  t.nums = nums;
  t.amounts.values = values;
  t.amounts.wide.clear();
  for (const [i, x] of wide) t.amounts.wide.set(i, x);
  t.index.ids.length = 0;
  // Sized once for the kept ids (at most half full), not grown while they are added.
  let slots = 64;
  while (slots < 2 * (n + 1)) slots *= 2;
  t.index.slots = new Int32Array(2 * slots);
  for (const id of ids) addId(t.index, id);
  t.size = n;
  return moved;
};

/** The new number of the first kept row after row r along its list (-1: none), before moving. */
export const nextKept = (t: Table, moved: Int32Array, r: number): number => {
  const linkAt = t.layout.linkAt;
  let next = t.ints[r * t.widths.ints + linkAt] ?? -1;
  while (next >= 0 && (moved[next] ?? -1) < 0) next = t.ints[next * t.widths.ints + linkAt] ?? -1;
  return next < 0 ? -1 : moved[next] ?? -1;
};
