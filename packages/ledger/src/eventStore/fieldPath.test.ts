import * as t from 'io-ts';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { ioTsFailures } from './fieldPath.ts';

const Codec = t.type({
  loan: t.type({ schedule: t.array(t.type({ amount: t.string })) }),
  note: t.union([t.string, t.null]),
  extra: t.intersection([t.type({ a: t.number }), t.partial({ b: t.string })]),
});

const fieldsOf = (u: unknown) => {
  const r = Codec.decode(u);
  return r._tag === 'Left' ? ioTsFailures(r.left).map((f) => f.field) : [];
};

test('names nested fields with array indexes', () => {
  const bad = { loan: { schedule: [{ amount: '1' }, { amount: 2 }] }, note: null, extra: { a: 1 } };
  assert.equal(fieldsOf(bad), ['loan.schedule.1.amount']);
});

test('does not add union or intersection member numbers to the path', () => {
  const bad = { loan: { schedule: [] }, note: 3, extra: { a: 'x', b: 4 } };
  assert.equal(fieldsOf(bad), ['note', 'extra.a', 'extra.b']);
});

test('says what was expected and what came', () => {
  const r = t.type({ n: t.number }).decode({ n: 'x' });
  assert.equal(r._tag === 'Left' ? ioTsFailures(r.left) : [], [
    { field: 'n', message: 'expected number, got "x"' },
  ]);
});

test.run();
