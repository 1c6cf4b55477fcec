import { test } from 'uvu';
import * as assert from 'uvu/assert';
import type { AccountId, LoanId, MemberId } from './ids.ts';
import { parseStreamName, streamNameFor } from './streams.ts';

test('names a stream <aggregate>-<id> and parses it back, dashes in the id kept', () => {
  const id = '0190a3c2-7e1b-7000-8000-000000000001';
  assert.is(streamNameFor.loan(id as LoanId), `loan-${id}`);
  assert.equal(parseStreamName(`loan-${id}`), {
    _tag: 'Right', right: { aggregate: 'loan', id },
  });
  assert.equal(parseStreamName(streamNameFor.deposit('D-1' as AccountId)), {
    _tag: 'Right', right: { aggregate: 'deposit', id: 'D-1' },
  });
  assert.is(streamNameFor.shares('M1' as MemberId), 'shares-M1');
});

test('refuses unknown categories and ids the domain would not issue', () => {
  assert.is(parseStreamName('car-1')._tag, 'Left');
  assert.is(parseStreamName('loan-')._tag, 'Left');
  assert.is(parseStreamName('loan-a b')._tag, 'Left');
  assert.is(parseStreamName('loanL1')._tag, 'Left');
  assert.is(parseStreamName(`member-${'a'.repeat(100)}`)._tag, 'Right');
  assert.is(parseStreamName(`member-${'a'.repeat(101)}`)._tag, 'Left');
});

test.run();
