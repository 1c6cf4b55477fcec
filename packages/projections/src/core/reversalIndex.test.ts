import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { hashA, hashB } from './eventIdHash.ts';
import {
  emptyReversalIndex, reversalIndexFromJson, reversalIndexToJson, takeReversed,
} from './reversalIndex.ts';
import { amountOf, appendRow, appendSplit, emptyRows, splitPart } from './reversalRows.ts';

// Amounts are kept in 32 bits unless they do not fit: these do not (2^31 paise and beyond).
const wide = ['21474836.48', '-21474836.49', '90071992547409.91'].map((r) => r.replace('.', ''));

test('an amount too wide for 32 bits comes back exact, in rows and splits', () => {
  const rows = emptyRows();
  const amounts = [0n, 1n, -1n, 2147483647n, -2147483647n, ...wide.map(BigInt)];
  amounts.forEach((x, r) => appendRow(rows, r, r, 4, 0, 0, x));
  amounts.forEach((x, r) => assert.is(amountOf(rows, r), x));
  appendSplit(rows, 5n, BigInt(wide[0] ?? '0'), 7n);
  appendSplit(rows, BigInt(wide[2] ?? '0'), 0n, -2147483648n);
  assert.equal([0, 1, 2].map((j) => splitPart(rows, 0, j)), [5n, 2147483648n, 7n]);
  assert.equal([0, 1, 2].map((j) => splitPart(rows, 1, j)),
    [9007199254740991n, 0n, -2147483648n]);
});

test('rows past one chunk keep their keys and amounts, and a reversal resolves once', () => {
  const ids = Array.from({ length: 40_000 }, (_, i) => `cmd-${i}.0`);
  const json = {
    keysA: ids.map(hashA), keysB: ids.map(hashB), code: ids.map((_, i) => (i % 7 === 0 ? 7 : 4)),
    aux: ids.map((_, i) => (i % 7 === 0 ? i / 7 : 0)), day: ids.map((_, i) => 19_000 + (i % 365)),
    amount: ids.map((_, i) => (i === 39_998 ? '3000000000' : String(i * 100 + 1))),
    splits: Array.from({ length: Math.ceil(40_000 / 7) }, (_, k) =>
      [String(k), k === 5000 ? '2147483648' : '2', '3']).flat(),
    unresolved: 0,
  };
  const ix = reversalIndexFromJson(json);
  assert.equal(reversalIndexToJson(ix), json);
  assert.is(takeReversed(ix, 'cmd-39998.0')?.amount, 3000000000n);
  assert.is(takeReversed(ix, 'cmd-17.0')?.amount, 1701n);
  const r = takeReversed(ix, 'cmd-35000.0');
  assert.equal([r?.penalties, r?.fees, r?.interest, r?.principal],
    [5000n, 2147483648n, 3n, 3500001n - 5000n - 2147483648n - 3n]);
  assert.is(takeReversed(ix, 'cmd-17.0'), null);
  assert.is(takeReversed(ix, 'never-recorded.0'), null);
  assert.is(ix.unresolved, 2);
  assert.is(emptyReversalIndex().rows.size, 0);
});

test.run();
