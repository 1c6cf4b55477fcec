import fc from 'fast-check';
import * as t from 'io-ts';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { BigIntFromString } from '../json/bigIntFromString.ts';
import { isIdentityCodec } from './isIdentityCodec.ts';

interface PositiveBrand {
  readonly Positive: unique symbol;
}
const isPositive = (n: number): n is t.Branded<number, PositiveBrand> => n > 0;
const Positive = t.brand(t.number, isPositive, 'Positive');
const Trimmed = new t.Type<string, string, unknown>(
  'Trimmed',
  (u): u is string => typeof u === 'string',
  (u, c) => (typeof u === 'string' ? t.success(u.trim()) : t.failure(u, c)),
  (s) => s,
);
interface Tree extends ReadonlyArray<Tree> {}
const Tree: t.Type<Tree> = t.recursion('Tree', () => t.readonlyArray(Tree));

const identities = {
  'string': t.string,
  'brand': Positive,
  'literal': t.literal('a'),
  'keyof': t.keyof({ a: null, b: null }),
  'nested type': t.type({ a: t.string, b: t.type({ c: t.array(t.number), d: t.null }) }),
  'partial': t.partial({ a: t.boolean }),
  'union': t.union([t.string, t.type({ n: t.number })]),
  'intersection': t.intersection([t.type({ a: t.string }), t.partial({ b: Positive })]),
  'readonly': t.readonly(t.type({ a: t.readonlyArray(t.string) })),
  'unknown record': t.UnknownRecord,
};
const transforming = {
  'BigIntFromString': BigIntFromString,
  'custom Type': Trimmed,
  'type holding a custom Type': t.type({ a: t.string, b: Trimmed }),
  'exact (strips keys)': t.exact(t.type({ a: t.string })),
  'strict (strips keys)': t.strict({ a: t.string }),
  'record': t.record(t.string, t.string),
  'tuple': t.tuple([t.string]),
  'recursion': Tree,
};

test('io-ts combinators over primitives are identities', () => {
  for (const [name, codec] of Object.entries(identities)) assert.ok(isIdentityCodec(codec), name);
});

test('codecs that may transform or strip are not', () => {
  for (const [name, codec] of Object.entries(transforming)) {
    assert.not.ok(isIdentityCodec(codec), name);
  }
});

test('an identity codec decodes whatever its `is` accepts to that very value', () => {
  const value = fc.oneof(
    fc.jsonValue(),
    fc.record({
      a: fc.string(),
      // Finite doubles only: event data is JSON, which has no NaN (canonicalJson refuses it),
      // and io-ts copies an array holding NaN because NaN !== NaN reads as a change.
      b: fc.record({
        c: fc.array(fc.double({ noNaN: true, noDefaultInfinity: true })), d: fc.constant(null),
      }),
    }),
    fc.record({ n: fc.oneof(fc.integer(), fc.string()) }),
    fc.record({ a: fc.string(), b: fc.integer() }, { requiredKeys: ['a'] }),
  );
  fc.assert(
    fc.property(value, (u) => {
      for (const [name, codec] of Object.entries(identities)) {
        if (!codec.is(u)) continue;
        const decoded = codec.decode(u);
        assert.ok(decoded._tag === 'Right' && Object.is(decoded.right, u), name);
      }
    }),
  );
});

test.run();
