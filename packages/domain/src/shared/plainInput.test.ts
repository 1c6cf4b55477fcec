import { test } from 'uvu';
import * as assert from 'uvu/assert';
import * as E from 'fp-ts/lib/Either.js';
import { deepArray, hostileValues } from '../testing/hostileValues.ts';
import { peekString, plainInput, plainInputLimits } from './plainInput.ts';

const refusal = (u: unknown): string => {
  const r = plainInput(u);
  return E.isLeft(r) ? r.left.message : 'accepted';
};

test('each hostile value is refused, named by its path, with a bounded message', () => {
  for (const [name, make] of Object.entries(hostileValues)) {
    const r = plainInput({ data: { amount: make() } });
    assert.ok(E.isLeft(r), name);
    if (E.isRight(r)) continue;
    assert.ok(r.left.path.startsWith('data.amount'), `${name}: ${r.left.path}`);
    assert.ok(r.left.message.length < 200, `${name}: ${r.left.message.length}`);
    assert.not.match(r.left.message, 'Asha', `${name} shows what the getter threw`);
  }
});

test('what each kind of value is refused for', () => {
  const got = (name: string) => refusal({ f: hostileValues[name]?.() });
  assert.is(got('cycle'), 'f.self: expected a plain JSON value (object, array, string, ' +
    'finite number, boolean, null), got a cycle');
  assert.match(got('arrayCycle'), 'f.1.0: expected a plain JSON value');
  assert.match(got('bigint'), 'f: expected a plain JSON value');
  assert.match(got('bigint'), 'got a bigint (amounts are decimal strings)');
  assert.match(got('bigintInside'), 'f.amount: expected');
  assert.match(got('symbol'), 'got a symbol');
  assert.match(got('func'), 'got a function');
  assert.match(got('throwingGetter'), 'f.amount: expected a plain JSON value (object, ' +
    'array, string, finite number, boolean, null), got a value that throws when read');
  assert.match(got('throwingToJSON'), 'f.toJSON: expected a plain JSON value');
  assert.match(got('inheritedToJSON'), 'got an object with a prototype other than Object');
  assert.match(got('throwingProxy'), 'f: expected a plain JSON value');
  assert.match(got('throwingProxy'), 'got an object that cannot be read');
  assert.match(got('throwingGetProxy'), 'f.a: expected');
  assert.match(got('revokedProxy'), 'got an object that cannot be read');
  assert.match(got('arrayProxy'), 'got an array that cannot be read');
  assert.match(got('sparseArray'), 'f.1: expected a plain JSON value');
  assert.match(got('sparseArray'), 'got a hole in a sparse array');
  assert.match(got('hugeSparseArray'), 'f: expected an array of at most 1000000 items, ' +
    'got 4294967295 items');
  assert.match(got('longArray'), 'got 1000001 items');
  assert.match(got('deepArray'), 'expected at most 16 levels of nesting, got deeper');
  assert.match(got('deepObject'), 'f.x.x.x');
  assert.match(got('hugeString'), 'f: expected a string of at most 4096 characters, ' +
    'got 5000000 characters');
  assert.match(got('thousandsOfKeys'), 'f: expected an object of at most 64 fields, ' +
    'got 5000 fields');
  assert.match(got('date'), 'got a Date');
  assert.match(got('map'), 'got a Map');
  assert.match(got('set'), 'got a Set');
  assert.match(got('classInstance'), 'got an object with a prototype other than Object');
  assert.match(got('boxedString'), 'got a String');
  assert.is(got('ownProto'), 'f.__proto__: expected a field name other than __proto__, ' +
    'got __proto__');
  assert.match(got('nan'), 'got NaN');
  assert.match(got('infinity'), 'got Infinity');
  assert.match(got('undefinedInArray'), 'f.0: expected a plain JSON value');
  assert.match(got('typedArray'), 'got a Uint8Array');
});

test('an object\'s own toStringTag is never read into the message', () => {
  let read = false;
  const tagged = { get [Symbol.toStringTag]() { read = true; return 'Asha Das +91 98300'; } };
  const r = plainInput({ f: Object.setPrototypeOf(tagged, Object.create(null)) });
  assert.is(E.isLeft(r) && r.left.message, 'f: expected a plain JSON value (object, array, ' +
    'string, finite number, boolean, null), got an object with a prototype other than Object');
  assert.is(read, false);
});

test('a plain value is copied as JSON would carry it', () => {
  const shared = { a: 1 };
  const input = { s: 'x', n: -0, b: true, z: null, list: [shared, shared], gone: undefined,
    [Symbol('hidden')]: 1, nested: Object.assign(Object.create(null), { k: 'v' }) };
  const r = plainInput(input);
  assert.equal(r, E.right({ s: 'x', n: 0, b: true, z: null, list: [{ a: 1 }, { a: 1 }],
    nested: { k: 'v' } }));
  if (E.isRight(r)) assert.is.not(r.right, input);
  assert.equal(plainInput('text'), E.right('text'));
  assert.equal(plainInput(null), E.right(null));
});

test('the limits are exact: at the limit accepted, one past it refused', () => {
  const L = plainInputLimits;
  assert.ok(E.isRight(plainInput('x'.repeat(L.maxStringLength))));
  assert.ok(E.isLeft(plainInput('x'.repeat(L.maxStringLength + 1))));
  // The root is level 0: maxDepth - 1 arrays around the innermost one still fit.
  assert.ok(E.isRight(plainInput(deepArray(L.maxDepth - 1))));
  assert.ok(E.isLeft(plainInput(deepArray(L.maxDepth))));
  const keys = (n: number) =>
    Object.fromEntries(Array.from({ length: n }, (_, i) => [`k${i}`, i]));
  assert.ok(E.isRight(plainInput(keys(L.maxFieldsPerObject))));
  assert.ok(E.isLeft(plainInput(keys(L.maxFieldsPerObject + 1))));
  assert.ok(E.isLeft(plainInput({ [`${'k'.repeat(L.maxFieldNameLength + 1)}`]: 1 })));
  assert.is(refusal([[1, 2]]), 'accepted');
  const small = { ...L, maxValues: 3 };
  assert.ok(E.isRight(plainInput([1, 2], small)));
  const over = plainInput([1, 2, 3], small);
  assert.is(E.isLeft(over) && over.left.message, '2: expected at most 3 values in all, got more');
});

test('peekString finds a string at a path and never throws', () => {
  assert.is(peekString({ data: { commandId: 'c-1' } }, ['data', 'commandId']), 'c-1');
  assert.is(peekString({ data: { commandId: 5 } }, ['data', 'commandId']), undefined);
  for (const make of Object.values(hostileValues)) {
    assert.is(peekString({ data: make() }, ['data', 'commandId']), undefined);
    assert.is(peekString(make(), ['type']), undefined);
  }
});

test.run();
