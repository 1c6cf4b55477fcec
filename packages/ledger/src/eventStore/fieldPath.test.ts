import * as t from 'io-ts';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { reportErrors } from '@usha/domain';
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

test('names the same fields, in the same order, as the domain reports a refused command', () => {
  const bad = { loan: { schedule: [{ amount: 1 }] }, note: 3, extra: { a: 'x', b: 4 } };
  const r = t.exact(Codec).decode(bad);
  const paths = r._tag === 'Left' ? reportErrors(r.left).map((f) => f.path) : [];
  assert.equal(paths, ['loan.schedule.0.amount', 'note', 'extra.a', 'extra.b']);
  assert.equal(r._tag === 'Left' ? ioTsFailures(r.left).map((f) => f.field) : [], paths);
});

test('a union inside a readonly wrapper adds no member number either', () => {
  const Wrapped = t.type({ note: t.readonly(t.union([t.string, t.null])) });
  const r = Wrapped.decode({ note: 3 });
  assert.equal(r._tag === 'Left' ? ioTsFailures(r.left).map((f) => f.field) : [], ['note']);
});

test.run();
