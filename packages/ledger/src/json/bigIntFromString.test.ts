import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { BigIntFromString } from './bigIntFromString.ts';

test('decodes decimal strings beyond 2^53 exactly and encodes back', () => {
  const r = BigIntFromString.decode('9007199254740993');
  assert.equal(r, { _tag: 'Right', right: 9007199254740993n });
  assert.is(BigIntFromString.encode(-12n), '-12');
});

test('refuses numbers, leading zeros and other text', () => {
  for (const u of [12, '012', '1.0', '', ' 1', '1e3']) {
    assert.is(BigIntFromString.decode(u)._tag, 'Left', String(u));
  }
});

test.run();
