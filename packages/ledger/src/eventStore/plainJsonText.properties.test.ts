import fc from 'fast-check';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { canonicalJson } from '../json/canonicalJson.ts';
import { plainJsonText } from './plainJsonText.ts';
import { plainJsonTextByCopy } from './plainJsonTextByCopy.fixture.ts';

const canonical = (v: unknown): string | undefined => {
  const r = canonicalJson(v);
  return r._tag === 'Left' ? undefined : r.right.text;
};

// Keys that have tripped JSON writers: the prototype's names, integer-like ones, escapes,
// lone surrogates and the line separators JavaScript once refused in string literals.
const key = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 6 }),
  fc.constantFrom('__proto__', 'constructor', 'toString', 'hasOwnProperty', '0', '10', '01',
    '-1', '', 'a"b', 'a\\b', '\u2028', '\u2029', '\ud800', '\udc00x', '${x}', '`', "'", '\n'),
);

// Strings made of what a writer must escape, or must not: halves of surrogate pairs, quotes,
// backslashes, control characters, and whole pairs and other non-ASCII characters.
const tricky = fc.string({
  unit: fc.constantFrom('a', '\ud800', '\udfff', '"', '\\', '\u001f', '\u007f', 'é', '😀'),
});

// Any JSON value, and now and then something that is not (plainJsonText must then refuse).
const value = fc.letrec((tie) => ({
  leaf: fc.oneof(
    fc.string({ unit: 'binary' }), tricky, fc.string({ unit: 'grapheme', maxLength: 80 }),
    fc.double(), fc.integer(), fc.boolean(), fc.constant(null),
    fc.constantFrom(-0, 1e21, 5e-324, Number.MAX_SAFE_INTEGER, 'x'.repeat(65)),
  ),
  odd: fc.constantFrom(undefined, 1n, new Date(0), () => 1, Symbol('s'), [1, , 2]),
  object: fc.array(fc.tuple(key, tie('value')), { maxLength: 6 })
    .map((entries) => Object.fromEntries(entries)), // own "__proto__" keys stay data
  array: fc.array(tie('value'), { maxLength: 4 }),
  value: fc.oneof({ depthSize: 'small', withCrossShrink: true },
    { arbitrary: tie('leaf'), weight: 6 }, { arbitrary: tie('odd'), weight: 1 },
    { arbitrary: tie('object'), weight: 3 }, { arbitrary: tie('array'), weight: 2 }),
}));

const holds = (v: unknown): void => {
  const text = plainJsonText(v);
  assert.is(text, plainJsonTextByCopy(v));
  if (text !== undefined) assert.is(text, canonical(v));
};

test('a generated stringifier writes the same text as the canonical stringify', () => {
  fc.assert(fc.property(value.value, holds), { numRuns: 2000 });
});

test('the text does not depend on the order the keys were set in', () => {
  fc.assert(fc.property(fc.array(fc.tuple(key, value.leaf), { maxLength: 8 }), (entries) => {
    const a = Object.fromEntries(entries);
    const b = Object.fromEntries(Object.entries(a).reverse());
    assert.is(plainJsonText(b), plainJsonText(a));
    holds(b);
  }));
});

test('an object of a known key set with a field that is not JSON is refused', () => {
  assert.is(plainJsonText({ b: 'x', a: 1 }), '{"a":1,"b":"x"}');
  assert.is(plainJsonText({ b: 'x', a: 1n }), undefined);
  assert.is(plainJsonText({ b: 'x', a: -0 }), undefined);
  assert.is(plainJsonText({ b: undefined, a: 1 }), undefined);
  assert.is(plainJsonText({ b: ['\ud800', 'é"\n'], a: {} }),
    '{"a":{},"b":["\\ud800","é\\"\\n"]}');
});

test('nesting deeper than 64 is refused, as canonicalJson wants it', () => {
  const nest = (n: number): unknown => (n === 0 ? 1 : { a: nest(n - 1) });
  assert.is(plainJsonText(nest(64)), canonical(nest(64)));
  assert.is(plainJsonText(nest(65)), undefined);
});

// Last: it fills the bounded table of key sets, so the general path writes from then on.
test('past the bound of key sets, objects are written the same', () => {
  for (let i = 0; i < 1100; i++) plainJsonText({ [`k${i}`]: i, a: i });
  fc.assert(fc.property(value.value, holds), { numRuns: 1000 });
  assert.is(plainJsonText({ z: 1, y: { b: 2, a: [3] } }), '{"y":{"a":[3],"b":2},"z":1}');
});

test.run();
