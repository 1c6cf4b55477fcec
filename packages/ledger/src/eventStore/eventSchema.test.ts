import * as t from 'io-ts';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { BigIntFromString } from '../json/bigIntFromString.ts';
import { decodesAsIs, eventSchemaFromCodecs, type EventSchema } from './eventSchema.ts';

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

test('decodesAsIs: true exactly where decode would give back the stored form itself', () => {
  const asIs = decodesAsIs(schema);
  if (asIs === undefined) return assert.unreachable('a schema from codecs has the check');
  const data = { amount: '12.50', lines: [{ account: 'a' }] };
  assert.is(asIs({ type: 'Paid', data, metadata }), true);
  assert.is(asIs({ type: 'Paid', data: { ...data, amount: '12.5' }, metadata }), false);
  assert.is(asIs({ type: 'Paid', data, metadata: {} }), false);
  assert.is(asIs({ type: 'Unknown', data, metadata }), false);
  // Valid, but its decode makes a bigint of the string: not as it is.
  const counted = { type: 'Counted', data: { count: '7' }, metadata };
  assert.is(schema.decode(counted)._tag, 'Right');
  assert.is(asIs(counted), false);
  const handMade: EventSchema<never> = { decode: schema.decode as never, encode: (e) => e };
  assert.is(decodesAsIs(handMade), undefined);
});

test.run();
