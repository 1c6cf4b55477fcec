import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { canonicalJson } from './canonicalJson.ts';

const text = (v: unknown) => {
  const r = canonicalJson(v);
  return r._tag === 'Right' ? r.right.text : `refused at ${r.left.path}: ${r.left.message}`;
};

test('sorts keys at every depth and writes bigint as a decimal string', () => {
  assert.is(text({ b: 1, a: { d: [2n, null], c: 'x' } }), '{"a":{"c":"x","d":["2",null]},"b":1}');
});

test('sorts integer-like keys as strings too, unlike JSON.stringify', () => {
  assert.is(text({ b: 1, 10: 2, 9: 3 }), '{"10":2,"9":3,"b":1}');
});

test('escapes like JSON.stringify, lone surrogates included', () => {
  assert.is(text({ s: 'a"\n\u0001\ud800é' }), '{"s":"a\\"\\n\\u0001\\ud800é"}');
});

test('keeps a __proto__ key as data', () => {
  assert.is(text(JSON.parse('{"__proto__":{"a":1},"b":2}')), '{"__proto__":{"a":1},"b":2}');
});

test('writes -0 as 0', () => {
  assert.is(text([-0]), '[0]');
});

test('refuses what JSON cannot carry, naming the path', () => {
  assert.is(text({ a: [1, { b: undefined }] }), 'refused at a.1.b: undefined is not a JSON value');
  assert.is(text({ n: Number.NaN }), 'refused at n: NaN is not a JSON number');
  assert.is(text({ d: new Date(0) }), 'refused at d: not a plain object');
  assert.is(text({ f: () => 1 }), 'refused at f: function is not a JSON value');
  const cycle: Record<string, unknown> = {};
  cycle['self'] = cycle;
  assert.match(text(cycle), /nested deeper than 64/);
});

test.run();
