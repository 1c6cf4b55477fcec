import * as t from 'io-ts';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { BigIntFromString } from '../json/bigIntFromString.ts';
import { eventSchemaFromCodecs } from './eventSchema.ts';

const Amount = t.refinement(t.string, (s) => /^\d+\.\d{2}$/.test(s), 'Amount');
const schema = eventSchemaFromCodecs(
  {
    Paid: t.type({ amount: Amount, lines: t.array(t.type({ account: t.string })) }),
    Counted: t.type({ count: BigIntFromString }),
  },
  t.type({ commandId: t.string }),
);
const metadata = { commandId: 'c-1' };

test('a valid event decodes to its own data (the `is` fast path)', () => {
  const data = { amount: '12.50', lines: [{ account: 'a' }] };
  const r = schema.decode({ type: 'Paid', data, metadata });
  assert.equal(r, { _tag: 'Right', right: { type: 'Paid', data, metadata } });
  assert.ok(r._tag === 'Right' && r.right.data === data);
});

test('a transforming codec still decodes: a bigint from its string', () => {
  const r = schema.decode({ type: 'Counted', data: { count: '9007199254740993' }, metadata });
  assert.equal(r, {
    _tag: 'Right',
    right: { type: 'Counted', data: { count: 9007199254740993n }, metadata },
  });
});

test('an invalid event names the failing field, however deep', () => {
  const fail = (type: string, data: unknown, meta: unknown = metadata) => {
    const r = schema.decode({ type, data, metadata: meta });
    return r._tag === 'Left' ? r.left.field : 'decoded';
  };
  assert.is(fail('Paid', { amount: '12.5', lines: [] }), 'data.amount');
  const lines = [{ account: 'a' }, { account: 7 }];
  assert.is(fail('Paid', { amount: '1.00', lines }), 'data.lines.1.account');
  assert.is(fail('Paid', { amount: '1.00' }), 'data.lines');
  assert.is(fail('Paid', { amount: '1.00', lines: [] }, { commandId: 1 }), 'metadata.commandId');
  assert.is(fail('Counted', { count: 12 }), 'data.count');
  assert.is(fail('Refunded', {}), 'type');
  assert.is(fail('toString', {}), 'type');
});

test.run();
