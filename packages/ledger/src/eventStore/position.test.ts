import fc from 'fast-check';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { comparePosition, position, positionFromString, positionToString } from './position.ts';

const part = fc.bigInt({ min: 0n, max: 2n ** 64n - 1n });

test('serialises to a string and back, every 64-bit position', () => {
  fc.assert(
    fc.property(part, part, (c, p) => {
      assert.equal(positionFromString(positionToString(position(c, p))), {
        _tag: 'Right',
        right: position(c, p),
      });
    }),
  );
  assert.is(positionToString(position(120n, 118n)), 'C:120/P:118');
});

test('orders by commit, then prepare', () => {
  assert.is(comparePosition(position(1n, 9n), position(2n, 0n)), -1);
  assert.is(comparePosition(position(2n, 1n), position(2n, 0n)), 1);
  assert.is(comparePosition(position(2n), position(2n)), 0);
});

test('refuses malformed text', () => {
  for (const s of ['', 'C:1', 'C:01/P:1', 'C:-1/P:1', '1/2']) {
    assert.is(positionFromString(s)._tag, 'Left', s);
  }
});

test('refuses any other value, and a part past 64 bits, naming what it was given, cut short',
  () => {
    const huge = `C:${'9'.repeat(5000)}/P:1`;
    const cases: Array<[unknown, string]> = [
      [10n, 'not a position: a bigint'], [null, 'not a position: null'],
      [Symbol('s'), 'not a position: a symbol'],
      [{ toString: () => 'C:1/P:1' }, 'not a position: an object'],
      [huge, `not a position: ${JSON.stringify(`C:${'9'.repeat(38)}...`)}`],
      [`C:${2n ** 64n}/P:0`,
        'not a position: "C:18446744073709551616/P:0" (each part at most 2^64 - 1)'],
    ];
    for (const [given, message] of cases) {
      assert.equal(positionFromString(given), { _tag: 'Left', left: message });
    }
    assert.equal(positionFromString(`C:${2n ** 64n - 1n}/P:0`),
      { _tag: 'Right', right: position(2n ** 64n - 1n, 0n) });
  });

test.run();
