// The file store's options: each field's valid range, the typed refusal of anything else, made
// before any file is touched, and each field read once whatever the options object is.
import { mkdtemp, readdir, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { AppendTooLargeError, StoreClosedError } from '../eventStore/errors.ts';
import { openFileEventStore } from './fileEventStore.ts';
import { FileStoreOptionsError } from './fileStoreOptions.ts';
import { SigningKeyError } from './signingKeys.ts';
import { idOf, note, noteSchema } from './noteSchema.fixture.ts';

const dir = await mkdtemp(join(tmpdir(), 'usha-store-options-'));
test.after(() => rm(dir, { recursive: true, force: true }));
let n = 0;
const fresh = () => join(dir, `log-${++n}.ndjson`);

// The refusal's field and reason, after checking nothing was created in its own directory.
const refusal = async (options: Record<string, unknown>): Promise<[string, string]> => {
  const own = await mkdtemp(join(dir, 'refused-'));
  try {
    // The options' own descriptors, copied without calling a getter.
    const given = Object.defineProperties({ file: join(own, 'log.ndjson'), schema: noteSchema },
      Object.getOwnPropertyDescriptors(options));
    await openFileEventStore(given);
  } catch (e) {
    assert.equal(await readdir(own), [], 'a refusal leaves no file');
    if (!(e instanceof FileStoreOptionsError)) throw e;
    assert.is(e.name, 'FileStoreOptionsError');
    return [e.field, e.reason];
  }
  throw new Error(`opened with ${String(Object.keys(options))}`);
};

const opens = async (options: Record<string, unknown>) => {
  const store = await openFileEventStore({ file: fresh(), schema: noteSchema, ...options });
  await store.close();
};

const bytesReason = 'not a whole number of bytes from 1 to 1073741824';
test('maxAppendBytes: a whole number of bytes from 1 to 1 GiB, else refused', async () => {
  for (const v of [0, -1, 1.5, Number.NaN, Infinity, 2 ** 30 + 1, '1024', 1n, null]) {
    assert.equal(await refusal({ maxAppendBytes: v }), ['maxAppendBytes', bytesReason], String(v));
  }
  for (const v of [1, 2 ** 30, undefined]) await opens({ maxAppendBytes: v });
});

// 0 (a checkpoint after every append) opened stores before the options were checked: an app
// passing it must keep opening its log.
test('checkpointEveryBytes: a whole number of bytes from 0, or Infinity, else refused',
  async () => {
    for (const v of [-5, 0.5, Number.NaN, -Infinity, 2 ** 53, '1', 10n, {}]) {
      assert.equal(await refusal({ checkpointEveryBytes: v }),
        ['checkpointEveryBytes', 'not a whole number of bytes from 0, nor Infinity'], String(v));
    }
    for (const v of [0, 1, 2 ** 53 - 1, Infinity, undefined]) {
      await opens({ checkpointEveryBytes: v });
    }
  });

test('checkpointOnCloseAfterBytes: a whole number of bytes from 0, or Infinity, else refused',
  async () => {
    for (const v of [-1, 0.5, Number.NaN, -Infinity, 2 ** 53, '0', 1n, [], null]) {
      assert.equal(await refusal({ checkpointOnCloseAfterBytes: v }),
        ['checkpointOnCloseAfterBytes', 'not a whole number of bytes from 0, nor Infinity'],
        String(v));
    }
    for (const v of [0, 1, 2 ** 53 - 1, Infinity, undefined]) {
      await opens({ checkpointOnCloseAfterBytes: v });
    }
  });

test('each other field: its refusal names it and says why', async () => {
  const cases: Array<[Record<string, unknown>, string, string]> = [
    [{ file: '' }, 'file', 'not a path (a non-empty string without NUL bytes)'],
    [{ file: join(dir, 'a\0b') }, 'file', 'not a path (a non-empty string without NUL bytes)'],
    [{ file: 42 }, 'file', 'not a path (a non-empty string without NUL bytes)'],
    [{ schema: null }, 'schema', 'not an object'],
    [{ schema: {} }, 'schema.decode', 'not a function'],
    [{ schema: { decode: () => 1 } }, 'schema.encode', 'not a function'],
    [{ mode: 'readonly' }, 'mode', "not one of 'read-write', 'read-only'"],
    [{ durableWrites: 'sync' }, 'durableWrites', "not one of 'blocking', 'threaded'"],
    [{ durableWrites: true }, 'durableWrites', "not one of 'blocking', 'threaded'"],
    [{ verify: true }, 'verify', "not one of 'checkpoint', 'full'"],
    [{ now: new Date(0) }, 'now', 'not a function'],
    [{ signedAfter: 'AB'.repeat(32) }, 'signedAfter', 'not a line hash (64 lowercase hex digits)'],
  ];
  for (const [options, field, reason] of cases) {
    assert.equal(await refusal(options), [field, reason], JSON.stringify(options));
  }
});

test('a key of none of the four forms is a SigningKeyError, read once, before any file',
  async () => {
    let reads = 0;
    const cases: Array<[unknown, string]> = [
      ['key', 'expected a KeyObject, { pem }, { file } or { env }'],
      [{}, 'expected a KeyObject, { pem }, { file } or { env }'],
      [{ pem: 5 }, '{ pem } must be a string'],
      [{ get file(): string { reads++; throw new Error('gone'); } },
        '{ file } could not be read (Error)'],
      [new Proxy({}, { get: () => { throw new Error('trap'); } }),
        '{ pem } could not be read (Error)'],
    ];
    for (const [key, detail] of cases) {
      for (const field of ['signingKey', 'verifyKey']) {
        const own = await mkdtemp(join(dir, 'key-'));
        const e: unknown = await openFileEventStore({ file: join(own, 'log'), schema: noteSchema,
          [field]: key }).catch((x: unknown) => x);
        assert.ok(e instanceof SigningKeyError, String(e));
        assert.is(e.detail, detail);
        assert.equal(await readdir(own), []);
      }
    }
    assert.is(reads, 2);
  });

test('options that are not an object are refused as a whole', async () => {
  for (const v of [undefined, null, 7, 'log.ndjson', () => ({})]) {
    // @ts-expect-error: any value, as a JavaScript caller may pass
    const e: unknown = await openFileEventStore(v).catch((x: unknown) => x);
    assert.ok(e instanceof FileStoreOptionsError, String(v));
    assert.equal([e.field, e.message], ['', 'file store options: not an object of options']);
  }
});

test('a getter that throws, or a proxy trap, is refused naming the field', async () => {
  const throwing = { get maxAppendBytes(): number { throw new RangeError('no'); } };
  assert.equal(await refusal(throwing), ['maxAppendBytes', 'could not be read (RangeError)']);
  const own = await mkdtemp(join(dir, 'proxy-'));
  const proxy = new Proxy({ file: join(own, 'log'), schema: noteSchema }, {
    get: (t, k) => { if (k === 'verify') throw 'nope'; return Reflect.get(t, k); },
  });
  const e: unknown = await openFileEventStore(proxy).catch((x: unknown) => x);
  assert.ok(e instanceof FileStoreOptionsError);
  assert.equal([e.field, e.reason], ['verify', 'could not be read (string)']);
  assert.equal(await readdir(own), []);
});

test('each field is read once, and the value read is the one used', async () => {
  const calls = new Map<string, number>();
  let limit = 100; // answers 100, then 1 GiB: only the first answer may be used
  const counted = (name: string, v: () => unknown) => ({
    get: () => { calls.set(name, (calls.get(name) ?? 0) + 1); return v(); }, enumerable: true,
  });
  const file = fresh();
  const options = Object.defineProperties({}, {
    file: counted('file', () => file), schema: counted('schema', () => noteSchema),
    maxAppendBytes: counted('maxAppendBytes',
      () => { const l = limit; limit = 2 ** 30; return l; }),
    ...Object.fromEntries(['mode', 'now', 'signingKey', 'verifyKey', 'signedAfter', 'verify',
      'checkpointEveryBytes', 'checkpointOnCloseAfterBytes', 'spaceAheadBytes',
      'durableWrites'].map((k) =>
      [k, counted(k, () => undefined)])),
  });
  // @ts-expect-error: the getters answer the types the store takes
  const store = await openFileEventStore(options);
  const e: unknown = await store.appendToStream('loan-1', [note(idOf(1), 'x'.repeat(200))])
    .catch((x: unknown) => x);
  assert.ok(e instanceof AppendTooLargeError);
  assert.is(e.maxBytes, 100);
  await store.close();
  assert.equal([...calls.values()], Array(13).fill(1));
  assert.is(calls.size, 13);
});

test('a clock that answers no valid Date stops the store before a byte is written, named',
  async () => {
    const clocks: Array<[() => unknown, string]> = [[() => 'today', 'did not answer a valid Date'],
      [() => new Date(Number.NaN), 'did not answer a valid Date'],
      [() => { throw new TypeError(); }, 'threw (TypeError)']];
    for (const [now, reason] of clocks) {
      const file = fresh();
      // @ts-expect-error: a clock that answers something else
      const store = await openFileEventStore({ file, schema: noteSchema, now });
      const e: unknown = await store.appendToStream('loan-1', [note(idOf(1))])
        .catch((x: unknown) => x);
      // A commit that cannot be dated is a failed write: the store stops, as it does for one.
      assert.ok(e instanceof StoreClosedError, String(e));
      assert.ok(e.message.includes(`file store option now: ${reason}`), e.message);
      assert.is(store.appendedBytes(), 0);
      await store.close().catch(() => undefined);
      assert.is((await stat(file)).size, 0);
    }
  });

test.run();
