import fc from 'fast-check';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { addRow, findRow, firstRow, hashRows } from './hashRows.ts';

// Keys from a small set, some sharing a first half (the probe start), so that runs collide.
const keyArb = fc.tuple(fc.constantFrom(0, 1, 16, -1, 0x7fffffff), fc.constantFrom(0, 1, -7));

const rowsOf = (t: ReturnType<typeof hashRows>, k: Int32Array): number[] => {
  const rows: number[] = [];
  findRow(t, k, (row) => {
    rows.push(row);
    return false;
  });
  return rows.sort((x, y) => x - y);
};

test('the off-heap table answers as a Map of row lists does', () => {
  fc.assert(
    fc.property(fc.array(keyArb, { maxLength: 300 }), (keys) => {
      const t = hashRows(16); // small, so that it grows during the run
      const model = new Map<string, number[]>();
      keys.forEach(([a, b], row) => {
        addRow(t, Int32Array.of(a, b), row);
        const name = `${a},${b}`;
        model.set(name, [...(model.get(name) ?? []), row]);
      });
      assert.is(t.count, keys.length);
      for (const a of [0, 1, 16, -1, 0x7fffffff]) {
        for (const b of [0, 1, -7]) {
          const k = Int32Array.of(a, b);
          const expected = model.get(`${a},${b}`) ?? [];
          assert.equal(rowsOf(t, k), expected);
          assert.is(firstRow(t, k) >= 0, expected.length > 0);
        }
      }
    }),
  );
});

test.run();
