import fc from 'fast-check';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { canonicalJson } from '../json/canonicalJson.ts';
import { plainJsonText } from './plainJsonText.ts';

const json = fc.jsonValue({ noUnicodeString: false });

const canonical = (v: unknown): string | undefined => {
  const r = canonicalJson(v);
  return r._tag === 'Left' ? undefined : r.right.text;
};

const hasNegativeZero = (v: unknown): boolean => Object.is(v, -0)
  || (typeof v === 'object' && v !== null && Object.values(v).some(hasNegativeZero));

// Keys plainJsonText leaves to canonicalJson, as its header says: integer-like ones (which
// JSON.stringify writes first whatever the order) and an own "__proto__".
const hasAwkwardKey = (v: unknown): boolean => typeof v === 'object' && v !== null
  && ((!Array.isArray(v) && Object.keys(v).some((k) => /^[0-9]/.test(k) || k === '__proto__'))
    || Object.values(v).some(hasAwkwardKey));

test('the text of plain JSON is the canonical text, whatever the key order', () => {
  fc.assert(fc.property(json, fc.boolean(), (v, reverse) => {
    const value = reverse && typeof v === 'object' && v !== null && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v).reverse()) : v;
    const text = plainJsonText(value);
    assert.ok(text !== undefined || hasNegativeZero(value) || hasAwkwardKey(value));
    if (text !== undefined) {
      assert.is(text, canonical(value));
      assert.equal(JSON.parse(text), JSON.parse(JSON.stringify(value)));
    }
  }));
});

test('an own "__proto__" key is left to canonicalJson (fast-check found it)', () => {
  const value = JSON.parse('{"__proto__":null}') as unknown;
  assert.is(plainJsonText(value), undefined);
  assert.is(canonical(value), '{"__proto__":null}');
});

test('objects with integer-like keys are left to canonicalJson', () => {
  assert.is(plainJsonText({ b: 1, 10: 'x', 2: null, a: [true] }), undefined);
  assert.is(plainJsonText([{ b: 1, a: 2 }, 3]), '[{"a":2,"b":1},3]');
});

test('what is not plain JSON as it stands is left to canonicalJson', () => {
  const proto = JSON.parse('{"__proto__":1}') as unknown;
  const deep = Array.from({ length: 70 }).reduce<unknown>((v) => [v], 1);
  for (const v of [1n, -0, { a: undefined }, [1, , 2], new Date(0), NaN, proto, deep, () => 1,
    { a: { b: 2n } }]) {
    assert.is(plainJsonText(v), undefined);
  }
});

test.run();
