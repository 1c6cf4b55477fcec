import * as E from 'fp-ts/lib/Either.js';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { setAmount } from './amountColumn.ts';
import { layoutOf } from './rowLayout.ts';
import { addRowFromJson, rowJsonCodec, rowToJson } from './rowJson.ts';
import { amount, count, date, flag, id, link, list, optionalId, place } from './rowShape.ts';
import { readRow } from './rowView.ts';
import { addRow, emptyTable, setText } from './table.ts';

const item = { key: 'itemId', fields: { ownerId: id, next: link, kind: flag(['a', 'b']),
  on: date, held: amount, spent: amount, at: place }, checkpoint: 'packed' } as const;
const owner = { key: 'ownerId', fields: { note: optionalId, items: list('items'), n: count,
  total: amount }, checkpoint: 'byName' } as const;

test('columns are given kind by kind in the order the fields are described', () => {
  const l = layoutOf(owner);
  assert.equal(l.widths, { texts: 1, ints: 2, nums: 1, amounts: 1 });
  assert.equal(l.at, { note: 0, items: 0, n: 0, total: 0 });
  assert.equal(l.newInts, [-1, -1]);
  const i = layoutOf(item);
  assert.equal(i.widths, { texts: 2, ints: 3, nums: 0, amounts: 2 });
  assert.equal(i.at, { ownerId: 0, next: 0, kind: 1, on: 1, held: 0, spent: 1, at: 2 });
  assert.equal([i.newInts, i.linkAt], [[-1, 0, 0], 0]);
});

test('a row reads and round-trips through its checkpoint form, amounts beyond 64 bits exact',
  () => {
    const l = layoutOf(item);
    const t = emptyTable(l);
    const r = addRow(t, 'I1');
    setText(t, l.at.ownerId, r, 'O1');
    t.ints[r * l.widths.ints + l.at.kind] = 1;
    setText(t, l.at.on, r, '2024-05-01');
    setAmount(t.amounts, r * l.widths.amounts + l.at.spent, -(2n ** 70n));
    const view = readRow({}, t, r);
    assert.equal(view, { itemId: 'I1', ownerId: 'O1', kind: 'b', on: '2024-05-01', held: 0n,
      spent: -(2n ** 70n), at: 0 });
    const json = rowToJson(l, view);
    assert.equal(json, { ids: ['I1', 'O1'], kind: 'b', on: '2024-05-01',
      totals: ['0', String(-(2n ** 70n))] });
    const decoded = rowJsonCodec(l).decode(JSON.parse(JSON.stringify(json)));
    if (E.isLeft(decoded)) throw new Error('a row written is read back');
    const again = emptyTable(l);
    assert.equal(readRow({}, again, addRowFromJson(again, decoded.right)), view);
  });

test('a row of the wrong shape is refused: an amount not in paise, a short list of totals', () => {
  const l = layoutOf(item);
  const ok = { ids: ['I1', 'O1'], kind: 'a', on: null, totals: ['1', '2'] };
  assert.ok(E.isRight(rowJsonCodec(l).decode(ok)));
  for (const bad of [{ ...ok, totals: ['1'] }, { ...ok, totals: ['1', '2.5'] },
    { ...ok, kind: 'c' }, { ...ok, ids: ['I1'] }]) {
    assert.ok(E.isLeft(rowJsonCodec(l).decode(bad)), JSON.stringify(bad));
  }
  assert.ok(E.isLeft(rowJsonCodec(layoutOf(owner)).decode({ ownerId: 'O', note: null,
    items: [], n: 1, total: '1e3' })));
});

test.run();
