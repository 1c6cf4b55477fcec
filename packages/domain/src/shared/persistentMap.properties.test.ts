import fc from 'fast-check';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import {
  emptyPersistentMap, hashOf, mapEntries, mapGet, mapHas, mapSet, mapValues, type PersistentMap,
} from './persistentMap.ts';

// Keys whose hashes meet where the trie is hardest to get right, found by trying short keys:
// pairs with the same 32-bit hash (one leaf of two entries), pairs that agree in their low 30
// bits (apart only at the deepest level), and keys that share their first 5 or 10 bits.
const sameBits = (keep: number, want: number): string[] => {
  const seen = new Map<number, string>();
  const out: string[] = [];
  for (let i = 0; out.length < want * 2; i += 1) {
    const k = `k${i.toString(36)}`;
    const h = keep === 32 ? hashOf(k) : hashOf(k) & (2 ** keep - 1);
    const other = seen.get(h);
    if (other !== undefined && !out.includes(other)) out.push(other, k);
    else seen.set(h, k);
  }
  return out;
};
const pool = [...sameBits(32, 2), ...sameBits(30, 3), ...sameBits(10, 4), ...sameBits(5, 4),
  '', 'a', 'b', 'a:1.0', 'a:1.1'];
const key = fc.constantFrom(...pool);
const sets = fc.array(fc.tuple(key, fc.integer()), { maxLength: 200 });

const fold = (m: PersistentMap<number>, ps: ReadonlyArray<[string, number]>) =>
  ps.reduce((acc, [k, v]) => mapSet(acc, k, v), m);

test('the keys tried meet where they should: whole hashes, 30 bits, 10 and 5 bits', () => {
  const [a, b] = sameBits(32, 1);
  assert.ok(a !== b && hashOf(a ?? '') === hashOf(b ?? ''));
  const [c, d] = sameBits(30, 1);
  assert.is(hashOf(c ?? '') & (2 ** 30 - 1), hashOf(d ?? '') & (2 ** 30 - 1));
});

test('a persistent map answers as a Map set the same way, in its order', () => {
  fc.assert(fc.property(sets, key, (pairs, probe) => {
    const model = new Map<string, number>(pairs);
    const m = fold(emptyPersistentMap(), pairs);
    assert.is(m.size, model.size);
    assert.equal(mapEntries(m), [...model.entries()]);
    assert.equal(mapValues(m), [...model.values()]);
    assert.is(m.lastKey, [...model.keys()].at(-1));
    for (const k of [...model.keys(), probe]) {
      assert.is(mapGet(m, k), model.get(k));
      assert.is(mapHas(m, k), model.has(k));
    }
  }));
});

test('a persistent map is unchanged by a set on it, or on any map made from it', () => {
  fc.assert(fc.property(sets, sets, sets, (base, left, right) => {
    const b = fold(emptyPersistentMap(), base);
    const before = mapEntries(b);
    // Two histories forked from one map: each sees its own sets only.
    const l = fold(b, left);
    const r = fold(b, right);
    assert.equal(mapEntries(b), [...new Map(base).entries()]);
    assert.equal(mapEntries(b), before);
    assert.equal(mapEntries(l), [...new Map([...base, ...left]).entries()]);
    assert.equal(mapEntries(r), [...new Map([...base, ...right]).entries()]);
  }));
});

test('maps set the same way are equal as data (a state holding one compares as data)', () => {
  fc.assert(fc.property(sets, (pairs) => {
    assert.equal(fold(emptyPersistentMap(), pairs), fold(emptyPersistentMap(), pairs));
    assert.equal(JSON.parse(JSON.stringify(fold(emptyPersistentMap(), pairs))),
      JSON.parse(JSON.stringify(fold(emptyPersistentMap(), pairs))));
  }));
});

test('a key not set is not found, the empty string included', () => {
  const m = mapSet(emptyPersistentMap<number>(), 'a', 1);
  assert.is(mapGet(m, ''), undefined);
  assert.is(mapHas(m, 'b'), false);
  assert.is(mapHas(emptyPersistentMap<number>(), ''), false);
  assert.is(mapGet(mapSet(emptyPersistentMap<number>(), '', 0), ''), 0);
});

test.run();
