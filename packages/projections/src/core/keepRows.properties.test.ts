import { test } from 'uvu';
import * as assert from 'uvu/assert';
import fc from 'fast-check';
import { loanLayout } from '../balances/rows.ts';
import { amountAt, setAmount } from './amountColumn.ts';
import { keepRows } from './keepRows.ts';
import { addRow, emptyTable, findRow, idOf, setText, textAt, type Table } from './table.ts';

const W = loanLayout.widths;
const link = loanLayout.linkAt;

// A loan table of n rows: a text, an amount (some beyond 64 bits), an int, and lists through
// the link column (each row linked to one a few rows later, or to none).
const tableOf = (rows: ReadonlyArray<{ amount: bigint; next: number; tag: number }>): Table => {
  const t = emptyTable(loanLayout);
  rows.forEach((x, r) => {
    addRow(t, `L-${r}`);
    setText(t, 0, r, `text ${r}`);
    setAmount(t.amounts, r * W.amounts + 1, x.amount);
    t.ints[r * W.ints] = x.tag;
  });
  rows.forEach((x, r) => {
    t.ints[r * W.ints + link] = x.next > 0 && r + x.next < rows.length ? r + x.next : -1;
  });
  return t;
};

// What a row reads as: its fields, and the ids along its list after it.
const rowOf = (t: Table, r: number, kept: (id: string) => boolean) => {
  const along: string[] = [];
  for (let l = t.ints[r * W.ints + link] ?? -1; l >= 0; l = t.ints[l * W.ints + link] ?? -1) {
    if (kept(idOf(t, l))) along.push(idOf(t, l));
  }
  return { id: idOf(t, r), text: textAt(t, 0, r), amount: amountAt(t.amounts, r * W.amounts + 1),
    tag: t.ints[r * W.ints], along };
};

const rows = fc.array(fc.record({
  amount: fc.oneof(fc.bigInt(-(10n ** 12n), 10n ** 12n), fc.bigInt(-(2n ** 80n), 2n ** 80n)),
  next: fc.nat(4), tag: fc.integer({ min: -5, max: 5 }), keep: fc.boolean(),
}), { maxLength: 120, size: 'medium' });

test('rows kept read as before, in order, found by id; rows let go are not found; each list '
  + 'skips the rows let go', () => {
  fc.assert(fc.property(rows, (xs) => {
    const t = tableOf(xs);
    const kept = (id: string) => xs[Number(id.slice(2))]?.keep === true;
    const before = xs.map((_, r) => rowOf(t, r, kept)).filter((x) => kept(x.id));
    const moved = keepRows(t, (r) => xs[r]?.keep === true);
    assert.is(t.size, before.length);
    assert.equal(Array.from({ length: t.size }, (_, r) => rowOf(t, r, () => true)), before);
    xs.forEach((x, r) => {
      assert.is(findRow(t, `L-${r}`), x.keep ? moved[r] : -1);
      assert.is(moved[r], x.keep ? before.findIndex((b) => b.id === `L-${r}`) : -1);
    });
    // Rows added after it land after the kept ones, found by id.
    const r = addRow(t, 'L-new');
    assert.is(r, before.length);
    assert.is(findRow(t, 'L-new'), r);
  }), { numRuns: 300 });
});

test.run();
