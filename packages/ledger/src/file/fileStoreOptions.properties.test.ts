// Any value as the options, or as any one field, is refused with FileStoreOptionsError or
// opens: never a raw throw, and a refusal leaves no file behind.
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { SigningKeyError } from './signingKeys.ts';
import { openFileEventStore } from './fileEventStore.ts';
import { FileStoreOptionsError } from './fileStoreOptions.ts';
import { noteSchema } from './noteSchema.fixture.ts';

const dir = await mkdtemp(join(tmpdir(), 'usha-options-props-'));
test.after(() => rm(dir, { recursive: true, force: true }));

const fields = ['file', 'schema', 'mode', 'maxAppendBytes', 'now', 'signingKey', 'verifyKey',
  'signedAfter', 'verify', 'checkpointEveryBytes', 'checkpointOnCloseAfterBytes',
  'spaceAheadBytes', 'durableWrites'] as const;

// Values that misbehave when looked at: proxies whose traps throw, getters that throw or
// answer differently each time, deep and cyclic objects, besides anything fast-check makes.
// Made when the property runs: fast-check looks into the values it generates.
const made = <T>(a: fc.Arbitrary<T>, make: (t: T) => unknown): fc.Arbitrary<() => unknown> =>
  a.map((t) => Object.assign(() => make(t), { toString: () => `make(${fc.stringify(t)})` }));
const hostileMade: fc.Arbitrary<() => unknown> = fc.oneof(
  made(fc.anything({ withBigInt: true, withBoxedValues: true, withMap: true, withSet: true,
    withTypedArray: true, withSparseArray: true, withNullPrototype: true }), (v) => v),
  made(fc.constantFrom(Number.NaN, -1, 0, 0.5, 2 ** 31, Infinity, -Infinity, 7n, '', 'x',
    Symbol('s')), (v) => v),
  made(fc.constant(null), () => new Proxy({}, {
    get: () => { throw new Error('get'); }, has: () => { throw new Error('has'); },
    getPrototypeOf: () => { throw new Error('proto'); },
    getOwnPropertyDescriptor: () => { throw new Error('descriptor'); },
  })),
  made(fc.integer(), (seed) => {
    let k = seed;
    return { get pem(): unknown { k++; return k % 2 === 0 ? 'pem' : k; },
      get decode(): unknown { throw new Error('decode'); } };
  }),
  made(fc.constant(null), () => {
    const c: Record<string, unknown> = {};
    c['self'] = c;
    return c;
  }),
  made(fc.nat(3000), (depth) => {
    let o: unknown = {};
    for (let i = 0; i < depth; i++) o = { pem: o, file: o };
    return o;
  }),
);

// A store that opened is closed; anything thrown must be one of the typed refusals.
const outcome = async (options: unknown, own: string): Promise<string> => {
  try {
    // @ts-expect-error: any value, as a JavaScript caller may pass
    const store = await openFileEventStore(options);
    await store.close();
    return 'opened';
  } catch (e) {
    if (e instanceof FileStoreOptionsError) {
      assert.equal(await readdir(own), [], 'a refusal leaves no file');
      return 'refused';
    }
    // A key of the right form that is not a usable key is the key loader's refusal.
    if (e instanceof SigningKeyError) return 'refused';
    throw e;
  }
};

let n = 0;
const freshDir = () => mkdtemp(join(dir, `d${++n}-`));

test('any value as the options is refused typed, never thrown raw', async () => {
  await fc.assert(fc.asyncProperty(hostileMade, async (make) => {
    const own = await freshDir();
    const v = make();
    // An object of options may happen to be a usable one only if it names a file and schema.
    assert.is(await outcome(v, own), 'refused');
  }), { numRuns: 200 });
});

test('any value as any one field is refused typed or opens, never throws raw, and a refusal '
  + 'leaves no file', async () => {
  const anyField = fc.constantFrom(...fields);
  await fc.assert(fc.asyncProperty(anyField, hostileMade, async (field, make) => {
    const own = await freshDir();
    const v = make();
    // A file path only of the test's own directory: a fuzzed path could land anywhere.
    if (field === 'file' && typeof v === 'string') return;
    const options: Record<string, unknown> = { file: join(own, 'log'), schema: noteSchema };
    options[field] = v;
    await outcome(options, own);
  }), { numRuns: 400 });
});

test('whatever the options object is, each field is read at most once', async () => {
  await fc.assert(fc.asyncProperty(fc.dictionary(fc.constantFrom(...fields), hostileMade),
    async (makes) => {
      const own = await freshDir();
      const reads = new Map<PropertyKey, number>();
      const base: Record<string, unknown> = { file: join(own, 'log'), schema: noteSchema };
      for (const [k, make] of Object.entries(makes)) base[k] = make();
      if (typeof base['file'] === 'string') base['file'] = join(own, 'log');
      const proxy = new Proxy(base, {
        get: (t, k) => { reads.set(k, (reads.get(k) ?? 0) + 1); return Reflect.get(t, k); },
      });
      await outcome(proxy, own);
      assert.ok([...reads.values()].every((c) => c === 1), JSON.stringify([...reads]));
    }), { numRuns: 200 });
});

test.run();
