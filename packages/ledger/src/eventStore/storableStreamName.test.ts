import { test } from 'uvu';
import * as assert from 'uvu/assert';
import fc from 'fast-check';
import { isOpaqueId, parseStreamName, streamNameFor } from '@usha/domain';
import { isStorableStreamName } from './storableStreamName.ts';

test('stores refuse names with spaces, control characters or a leading $', () => {
  assert.equal(['loan-1', '$all', 'a b', '', 'x\u0000'].map(isStorableStreamName), [
    true,
    false,
    false,
    false,
    false,
  ]);
});

const idChar = fc.constantFrom(...'abcXYZ019_.:-');
const aggregates = Object.keys(streamNameFor) as Array<keyof typeof streamNameFor>;

test('every stream name the domain can issue is storable, ids up to its 100-char limit', () => {
  fc.assert(fc.property(
    fc.constantFrom(...aggregates), fc.string({ unit: idChar, maxLength: 99 }),
    (aggregate, rest) => {
      const id = `a${rest}`;
      assert.ok(isOpaqueId(id));
      const name = streamNameFor[aggregate](id as never);
      assert.ok(isStorableStreamName(name), name);
      assert.is(parseStreamName(name)._tag, 'Right');
    }));
  const longest = `society-${'a'.repeat(100)}`;
  assert.ok(isStorableStreamName(longest));
});

test.run();
