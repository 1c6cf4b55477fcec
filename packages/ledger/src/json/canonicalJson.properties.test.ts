import fc from 'fast-check';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { canonicalJson, canonicalText } from './canonicalJson.ts';

const json = fc.jsonValue({ noUnicodeString: false });

const textOf = (v: unknown): string => {
  const r = canonicalJson(v);
  if (r._tag === 'Left') throw new Error(r.left.message);
  return r.right.text;
};

test('canonical text parses back to an equal value', () => {
  fc.assert(
    fc.property(json, (v) => {
      assert.equal(JSON.parse(textOf(v)), JSON.parse(JSON.stringify(v)));
    }),
  );
});

test('canonical text does not depend on key order', () => {
  fc.assert(
    fc.property(fc.dictionary(fc.string(), json), (o) => {
      const reversed = Object.fromEntries(Object.entries(o).reverse());
      assert.is(textOf(reversed), textOf(o));
    }),
  );
});

test('canonical text is a fixed point: parse then write gives it back', () => {
  fc.assert(
    fc.property(json, (v) => {
      const t = textOf(v);
      assert.is(textOf(JSON.parse(t)), t);
      assert.is(canonicalText(JSON.parse(t)), t);
    }),
  );
});

test.run();
