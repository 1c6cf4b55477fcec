import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { isStorableStreamName, parseStreamName, streamName } from './streamName.ts';

test('names a stream <category>-<id> and parses it back, dashes in the id kept', () => {
  const id = '0190a3c2-7e1b-7000-8000-000000000001';
  assert.is(streamName('loan', id), `loan-${id}`);
  assert.equal(parseStreamName(`loan-${id}`), { _tag: 'Right', right: { category: 'loan', id } });
});

test('refuses unknown categories and bad ids', () => {
  assert.is(parseStreamName('car-1')._tag, 'Left');
  assert.is(parseStreamName('loan-')._tag, 'Left');
  assert.throws(() => streamName('member', 'a b'));
});

test('stores refuse names with spaces, control characters or a leading $', () => {
  assert.equal(['loan-1', '$all', 'a b', '', 'x\u0000'].map(isStorableStreamName), [
    true,
    false,
    false,
    false,
    false,
  ]);
});

test.run();
