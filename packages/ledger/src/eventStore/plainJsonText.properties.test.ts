import fc from 'fast-check';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { canonicalJson } from '../json/canonicalJson.ts';
import { plainJsonText } from './plainJsonText.ts';
import { plainJsonTextByCopy } from './plainJsonTextByCopy.fixture.ts';
import { key, value } from './plainJsonValues.fixture.ts';

const canonical = (v: unknown): string | undefined => {
  const r = canonicalJson(v);
  return r._tag === 'Left' ? undefined : r.right.text;
};

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
