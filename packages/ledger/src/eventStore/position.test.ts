import fc from 'fast-check';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { comparePosition, position, positionFromString, positionToString } from './position.ts';

test('serialises to a string and back', () => {
  fc.assert(
    fc.property(fc.bigInt({ min: 0n }), fc.bigInt({ min: 0n }), (c, p) => {
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

test.run();
