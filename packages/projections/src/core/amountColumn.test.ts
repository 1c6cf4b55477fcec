import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { addAmount, amountAt, emptyAmounts, reserveAmounts, setAmount } from './amountColumn.ts';

const max = 2n ** 63n - 1n;

test('amounts beyond 64 bits stay exact, and come back into the column', () => {
  const c = emptyAmounts(2);
  setAmount(c, 0, max);
  addAmount(c, 0, 1n);
  assert.is(amountAt(c, 0), max + 1n);
  addAmount(c, 0, max * 10n);
  assert.is(amountAt(c, 0), max * 11n + 1n);
  addAmount(c, 0, -(max * 11n + 1n) + 5n);
  assert.is(amountAt(c, 0), 5n);
  assert.is(c.wide.size, 0);
  setAmount(c, 1, -max - 1n);
  assert.is(amountAt(c, 1), -max - 1n, 'the sentinel value itself is kept exactly');
  addAmount(c, 1, -2n);
  assert.is(amountAt(c, 1), -max - 3n);
  assert.is(amountAt(c, 0), 5n);
});

test('a column keeps its amounts when it grows', () => {
  const c = emptyAmounts(1);
  setAmount(c, 0, -7n);
  reserveAmounts(c, 100);
  addAmount(c, 99, 3n);
  assert.equal([amountAt(c, 0), amountAt(c, 50), amountAt(c, 99)], [-7n, 0n, 3n]);
});

test.run();
