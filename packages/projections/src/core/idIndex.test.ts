import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { addId, emptyIdIndex, rowOf } from './idIndex.ts';

test('every id finds its row across growth, and an id never added finds none', () => {
  const ix = emptyIdIndex();
  const ids = Array.from({ length: 20_000 }, (_, i) => `A${i}`);
  ids.forEach((id, r) => assert.is(addId(ix, id), r));
  ids.forEach((id, r) => assert.is(rowOf(ix, id), r));
  assert.is(rowOf(ix, 'A20000'), -1);
  assert.is(rowOf(ix, ''), -1);
  assert.is(ix.slots.length, 2 * 65536, 'at most half full');
});

test('an id built at run time finds the row of the same text', () => {
  const ix = emptyIdIndex();
  addId(ix, 'L12-3');
  assert.is(rowOf(ix, ['L12', '3'].join('-')), 0);
});

test.run();
