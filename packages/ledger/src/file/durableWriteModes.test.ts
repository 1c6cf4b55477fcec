// How the file store makes an append's durable write (`durableWrites`): by a synchronous call on
// the main thread ('blocking', the default, for a group of up to 1 MiB) or through libuv's thread
// pool ('threaded'). Which calls each way makes, that both leave the same bytes, and that a
// failed write stops the store the same way.
import fs from 'node:fs';
import { mkdtemp, open, readFile, rm } from 'node:fs/promises';
import { syncBuiltinESMExports } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { StoreClosedError } from '../eventStore/errors.ts';
import type { ExpectedRevision } from '../eventStore/port.ts';
import { openFileEventStore } from './fileEventStore.ts';
import { writeCallBytes } from './logSpace.ts';
import { idOf, note, noteSchema } from './noteSchema.fixture.ts';

const dir = await mkdtemp(join(tmpdir(), 'usha-durable-writes-'));
test.after(() => rm(dir, { recursive: true, force: true }));
let n = 0;
const fresh = () => join(dir, `log-${++n}.ndjson`);
const clock = () => new Date('2026-12-06T10:00:00.000Z');

// FileHandle's prototype, whose writev the space's zeros are written by when writes are threaded.
const fileHandleProto: { writev: unknown } = await (async () => {
  const h = await open(join(dir, 'handle'), 'w');
  await h.close();
  return Object.getPrototypeOf(h) as { writev: unknown };
})();

// Replaces fs.write, fs.writeSync and fs.writevSync (the committer's and the space's named
// imports follow, through syncBuiltinESMExports) and FileHandle#writev for the length of `body`,
// hearing each call's length: `write`s fail as `fail` says.
const watchingWrites = async <T>(
  body: (calls: string[]) => Promise<T>,
  fail?: { readonly way: 'write' | 'writeSync'; readonly wroteNothing?: boolean },
): Promise<T> => {
  const { write, writeSync, writevSync } = fs;
  const { writev } = fileHandleProto;
  const calls: string[] = [];
  const eio = () => Object.assign(new Error('EIO: i/o error, write'), { code: 'EIO' });
  const gathered = (buffers: unknown) =>
    (buffers as Buffer[]).reduce((sum, b) => sum + b.length, 0);
  // fs's own properties, replaced for the test (the committer reads them through its imports).
  const patched = fs as unknown as Record<'write' | 'writeSync' | 'writevSync', unknown>;
  patched.write = (...args: unknown[]) => {
    calls.push(`write ${String(args[3])}`);
    if (fail?.way === 'write') {
      const cb = args[args.length - 1];
      if (typeof cb === 'function') {
        queueMicrotask(() => (fail.wroteNothing === true ? cb(null, 0) : cb(eio())));
      }
      return;
    }
    return Reflect.apply(write, fs, args);
  };
  patched.writeSync = (...args: unknown[]) => {
    calls.push(`writeSync ${String(args[3])}`);
    if (fail?.way === 'writeSync') {
      if (fail.wroteNothing === true) return 0;
      throw eio();
    }
    return Reflect.apply(writeSync, fs, args);
  };
  patched.writevSync = (...args: unknown[]) => {
    calls.push(`writevSync ${gathered(args[1])}`);
    return Reflect.apply(writevSync, fs, args);
  };
  fileHandleProto.writev = function (this: unknown, ...args: unknown[]) {
    calls.push(`writev ${gathered(args[0])}`);
    return Reflect.apply(writev as (...a: unknown[]) => unknown, this, args);
  };
  syncBuiltinESMExports();
  try {
    return await body(calls);
  } finally {
    patched.write = write;
    patched.writeSync = writeSync;
    patched.writevSync = writevSync;
    fileHandleProto.writev = writev;
    syncBuiltinESMExports();
  }
};

const text = (bytes: number) => 'x'.repeat(bytes);

test('blocking (the default): a group of up to 1 MiB is one synchronous write, and so are its '
  + 'zeros; a larger group and its zeros, the space made at open, and every write when '
  + 'threaded, go through the thread pool',
async () => {
  const step = 4096;
  for (const mode of [undefined, 'blocking', 'threaded'] as const) {
    const file = fresh();
    const calls = await watchingWrites(async (c) => {
      const store = await openFileEventStore({
        file, schema: noteSchema, now: clock, maxAppendBytes: 4 * writeCallBytes,
        spaceAheadBytes: step, ...(mode === undefined ? {} : { durableWrites: mode }),
      });
      await store.appendToStream('loan-1', [note(idOf(1), text(100))]);
      const small = store.appendedBytes();
      await store.appendToStream('loan-1', [note(idOf(2), text(step))]);
      const mid = store.appendedBytes() - small;
      // 2.5 MiB of text: three write calls of at most 1 MiB, whichever the mode.
      await store.appendToStream('loan-2', [note(idOf(3), text(writeCallBytes * 2.5))]);
      const big = store.appendedBytes() - small - mid;
      await store.close();
      return [...c, `sizes ${small} ${mid} ${big}`];
    });
    const [small = 0, mid = 0, big = 0] = (calls.at(-1) ?? '').split(' ').slice(1).map(Number);
    const bigCalls = [`write ${writeCallBytes}`, `write ${writeCallBytes}`,
      `write ${big - 2 * writeCallBytes}`];
    const one = mode === 'threaded' ? 'write' : 'writeSync';
    // A step of zeros at open, in the background whatever the mode. The first append fits in
    // it; the second passes its end: zeros from there to a step past the append's end, as the
    // append's own write is made; the third (2.5 MiB) too, through the thread pool as its
    // group (more than a call's and a step).
    assert.equal(calls.slice(0, -1), [`writev ${step}`, `${one} ${small}`,
      `${mode === 'threaded' ? 'writev' : 'writevSync'} ${small + mid}`, `${one} ${mid}`,
      `writev ${big}`, ...bigCalls], String(mode));
    assert.ok(small > 100 && small < step && mid > step && big > 2.5 * writeCallBytes,
      `${small} ${mid} ${big}`);
  }
});

// Appends made one by one and several at once (one group), with expected revisions right and
// wrong, each outcome compared, then the logs byte for byte.
const appendsArb = fc.array(fc.record({
  stream: fc.constantFrom('loan-1', 'loan-2', 'share-3'),
  texts: fc.array(fc.oneof(fc.string({ maxLength: 40 }),
    fc.constantFrom(text(300_000), text(700_000))), { minLength: 1, maxLength: 4 }),
  expected: fc.constantFrom<ExpectedRevision>('any', 'no_stream', 0n, 1n, 4n),
  together: fc.boolean(),
}), { minLength: 1, maxLength: 12 });

test('the same appends leave the same log, byte for byte, and the same outcomes, whichever way '
  + 'the durable writes are made', async () => {
  await fc.assert(fc.asyncProperty(appendsArb, async (appends) => {
    const run = async (durableWrites: 'blocking' | 'threaded') => {
      const file = fresh();
      const store = await openFileEventStore({ file, schema: noteSchema, now: clock,
        maxAppendBytes: 4 * writeCallBytes, durableWrites });
      // Each append's outcome, in the order the appends settled.
      const outcomes: string[] = [];
      let id = 0;
      let pending: Array<Promise<void>> = [];
      for (const [k, a] of appends.entries()) {
        const events = a.texts.map((t) => note(idOf(++id), t));
        const done = store.appendToStream(a.stream, events, { expectedRevision: a.expected })
          .then((r) => `${r.nextExpectedRevision}`, (e: unknown) =>
            e instanceof Error ? `${e.name}: ${e.message}` : String(e))
          .then((o) => { outcomes.push(`append ${k}: ${o}`); });
        pending.push(done);
        if (!a.together) {
          await Promise.all(pending);
          pending = [];
        }
      }
      await Promise.all(pending);
      await store.close();
      return { outcomes: outcomes.join('\n'), bytes: await readFile(file) };
    };
    const blocking = await run('blocking');
    const threaded = await run('threaded');
    assert.is(blocking.outcomes.split('\n').length, appends.length);
    assert.is(blocking.outcomes, threaded.outcomes);
    assert.ok(blocking.bytes.equals(threaded.bytes), 'the logs differ');
  }), { numRuns: 25 });
});

test('a durable write that fails, or writes nothing, stops the store either way: the append and '
  + 'those after it are refused, and a reopen finds the log as the appends before it left it',
async () => {
  const cases = [['blocking', 'writeSync', false], ['threaded', 'write', false],
    ['blocking', 'writeSync', true], ['threaded', 'write', true]] as const;
  for (const [mode, way, wroteNothing] of cases) {
    const why = wroteNothing ? 'the write call wrote no byte' : 'EIO: i/o error, write';
    const file = fresh();
    const store = await openFileEventStore({ file, schema: noteSchema, durableWrites: mode });
    let before: Buffer;
    try {
      await store.appendToStream('loan-1', [note(idOf(1), 'kept')]);
      // The log so far: its lines (the space set aside after them is not the log's).
      before = (await readFile(file)).subarray(0, store.appendedBytes());
      const failed = await watchingWrites(
        () => store.appendToStream('loan-1', [note(idOf(2), 'lost')]).catch((e: unknown) => e),
        { way, wroteNothing });
      assert.ok(failed instanceof StoreClosedError, mode);
      assert.is(failed.message, `a write to the log failed (${why}); reopen`);
      const after = await store.appendToStream('loan-1', [note(idOf(3), 'x')])
        .catch((e: unknown) => e);
      assert.ok(after instanceof StoreClosedError, mode);
    } finally {
      await store.close().catch(() => {});
    }
    const reopened = await openFileEventStore({ file, schema: noteSchema, mode: 'read-only' });
    const texts: string[] = [];
    for await (const e of reopened.readAll()) texts.push(e.data.text);
    await reopened.close();
    assert.equal(texts, ['kept'], mode);
    // The log as the appends before left it, and the space given back by the close.
    assert.ok((await readFile(file)).equals(before), mode);
  }
});

test.run();
