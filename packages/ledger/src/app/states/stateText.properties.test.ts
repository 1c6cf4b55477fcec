// A state's text reads back as the very state (bigints, Maps, undefined, -0 and objects without
// a prototype included), and a value that is not plain data is refused, never thrown.
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { isDeepStrictEqual } from 'node:util';
import fc from 'fast-check';
import * as E from 'fp-ts/lib/Either.js';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { maxStateDepth, stateOfText, stateText } from './stateText.ts';

const leaf = fc.oneof(fc.string(), fc.double(), fc.boolean(), fc.constant(null),
  fc.constant(undefined), fc.bigInt(), fc.constantFrom(-0, Number.NaN, Number.POSITIVE_INFINITY));
const key = fc.oneof(fc.string(), fc.constantFrom('__proto__', 'constructor', 'toString'));
const bareObject = (entries: [string, unknown][]) => {
  const o = Object.create(null) as object;
  for (const [k, v] of entries) Object.defineProperty(o, k, { value: v, enumerable: true,
    writable: true, configurable: true });
  return o;
};
const plainObject = (entries: [string, unknown][]) => {
  const o = {};
  for (const [k, v] of entries) Object.defineProperty(o, k, { value: v, enumerable: true,
    writable: true, configurable: true });
  return o;
};
const { value } = fc.letrec((tie) => ({
  value: fc.oneof({ depthSize: 'small' }, leaf, tie('array'), tie('object'), tie('map')),
  array: fc.array(tie('value'), { maxLength: 5 }),
  object: fc.tuple(fc.array(fc.tuple(key, tie('value')), { maxLength: 5 }), fc.boolean())
    .map(([entries, bare]) => (bare ? bareObject : plainObject)(entries)),
  map: fc.array(fc.tuple(tie('value'), tie('value')), { maxLength: 4 })
    .map((entries) => new Map(entries)),
}));

test('a state read back from its text is the very state', () => {
  fc.assert(fc.property(value, (v) => {
    const text = stateText(v);
    if (text === undefined) return false;
    const back = stateOfText(text);
    const proto = (x: unknown) => typeof x === 'object' && x !== null
      ? Object.getPrototypeOf(x) as unknown : typeof x;
    return E.isRight(back) && isDeepStrictEqual(back.right, v)
      && proto(back.right) === proto(v);
  }), { numRuns: 500 });
});

class Money { constructor(readonly minor: bigint) {} }

test('a value that is not plain data has no text, and nothing is thrown', () => {
  const cycle: Record<string, unknown> = { a: 1 };
  cycle['self'] = cycle;
  const getter = Object.defineProperty({}, 'x', { get: () => 1, enumerable: true });
  const hostile = new Proxy({}, { getPrototypeOf: () => { throw new Error('trap'); } });
  let deep: unknown = 1;
  for (let i = 0; i < maxStateDepth + 1; i += 1) deep = [deep];
  for (const v of [new Money(1n), () => 1, Symbol('s'), cycle, getter, hostile, new Set([1]),
    new Date(0), { [Symbol('k')]: 1 }, [1, , 3], deep]) {
    assert.is(stateText({ kind: 'deposit', state: { v } }), undefined, String(typeof v));
  }
  // The same value twice, not a cycle, has a text.
  const shared = { n: 1n };
  assert.ok(stateText({ a: shared, b: shared }) !== undefined);
});

test('where Object.prototype is frozen, a state with fields named as its own reads back',
  () => {
    // Node's --frozen-intrinsics or a lockdown: assigning `constructor` then throws.
    const child = spawnSync(process.execPath, ['--import', 'tsx',
      fileURLToPath(new URL('./frozenIntrinsics.fixture.ts', import.meta.url))],
    { encoding: 'utf8' });
    assert.is(child.status, 0, child.stderr);
    assert.equal(JSON.parse(child.stdout), {
      text: '["o",{"kind":"deposit","state":["o",{"constructor":1,"toString":"x",'
        + '"valueOf":["b","2"],"n":3}]}]',
      back: '{"kind":"deposit","state":{"constructor":1,"toString":"x","valueOf":"2n","n":3}}',
    });
  });

test('a text that is not one stateText wrote is refused with the reason', () => {
  assert.equal(stateOfText('{"a":1}'), E.left('an object without its tag'));
  assert.equal(stateOfText('["b","1.5"]'), E.left('a bigint 1.5'));
  assert.equal(stateOfText('["x"]'), E.left('the tag "x"'));
  assert.equal(stateOfText('["o",{"a":["m",[1]]}]'), E.left('a Map entry'));
  assert.equal(stateOfText('not json'), E.left('not its text'));
  assert.equal(stateOfText(`${'["a",'.repeat(200)}1${']'.repeat(200)}`), E.left('too deep'));
});

test.run();
