// A stream read of the log's last line knows where that line ends (where the log ends), so it
// is read as every other line is: one read of its bytes. A line of unknown end is read by a
// guess and a search, through the FileHandle API, a third more CPU a read; a command's reads
// often end at the log's last line (its process, the event it just appended). Spans are read
// by a synchronous call where the store's durable writes are made so.
import fs from 'node:fs';
import { mkdtemp, open, rm } from 'node:fs/promises';
import { syncBuiltinESMExports } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { openFileEventStore } from './fileEventStore.ts';
import { idOf, note, noteSchema } from './noteSchema.fixture.ts';

const dir = await mkdtemp(join(tmpdir(), 'usha-last-line-'));
test.after(() => rm(dir, { recursive: true, force: true }));

// FileHandle's prototype, whose read is the read of a line of unknown end.
const handleProto: { read: unknown } = await (async () => {
  const h = await open(join(dir, 'handle'), 'w');
  await h.close();
  return Object.getPrototypeOf(h) as { read: unknown };
})();

// Counts fs.read and fs.readSync (a span of known end, through the thread pool or made at once)
// and FileHandle#read calls while `body` runs.
const countingReads = async (body: () => Promise<unknown>) => {
  const { read, readSync } = fs;
  const handleRead = handleProto.read;
  const calls = { pool: 0, now: 0, guesses: 0 };
  const patched = fs as unknown as Record<'read' | 'readSync', unknown>;
  patched.read = (...args: unknown[]) => {
    calls.pool += 1;
    return Reflect.apply(read, fs, args);
  };
  patched.readSync = (...args: unknown[]) => {
    calls.now += 1;
    return Reflect.apply(readSync, fs, args);
  };
  handleProto.read = function (this: unknown, ...args: unknown[]) {
    calls.guesses += 1;
    return Reflect.apply(handleRead as (...a: unknown[]) => unknown, this, args);
  };
  syncBuiltinESMExports();
  try {
    await body();
  } finally {
    patched.read = read;
    patched.readSync = readSync;
    handleProto.read = handleRead;
    syncBuiltinESMExports();
  }
  return calls;
};

test('the log\'s last line is read by one read of its bytes, before and after a reopen; made '
  + 'at once where the appends are written so (the default), through the thread pool where '
  + 'threaded', async () => {
  for (const durableWrites of ['blocking', 'threaded'] as const) {
    const file = join(dir, `${durableWrites}.ndjson`);
    let store = await openFileEventStore({ file, schema: noteSchema, durableWrites });
    await store.appendToStream('loan-1', [note(idOf(1))]);
    await store.appendToStream('loan-2', [note(idOf(2)), note(idOf(3), 'the last line')]);
    for (const round of ['open', 'reopened'] as const) {
      const texts: string[] = [];
      // The stream's name is confirmed against its last line once (a read of its own), then
      // kept: not counted here.
      for await (const _ of store.readStream('loan-2', { maxCount: 1 })) break;
      const calls = await countingReads(async () => {
        for await (const e of store.readStream('loan-2', { direction: 'backwards',
          fromRevision: 'end', maxCount: 1 })) texts.push(String(e.data.text));
        for await (const e of store.readStream('loan-2', { fromRevision: 1n })) {
          texts.push(String(e.data.text));
        }
      });
      assert.equal([texts, calls], [['the last line', 'the last line'], durableWrites ===
        'blocking' ? { pool: 0, now: 2, guesses: 0 } : { pool: 2, now: 0, guesses: 0 }],
      `${durableWrites}, ${round}`);
      await store.close();
      store = await openFileEventStore({ file, schema: noteSchema, durableWrites });
    }
    await store.close();
  }
});

test('a long stream read lets the event loop run between its batches, its first ones made at '
  + 'once', async () => {
  const file = join(dir, 'long.ndjson');
  const store = await openFileEventStore({ file, schema: noteSchema });
  const text = 'x'.repeat(1000);
  for (let i = 0; i < 10; i += 1) {
    await store.appendToStream('loan-1',
      Array.from({ length: 50 }, (_, j) => note(idOf(i * 50 + j + 1), text)));
  }
  // 500 events of about 1.3 KB: ten times what a read makes at once. Turns of the loop are
  // counted while it runs (a read made wholly at once would let none run before it ended).
  let turns = 0;
  let reading = true;
  const turn = () => {
    if (!reading) return;
    turns += 1;
    setImmediate(turn);
  };
  setImmediate(turn);
  let read = 0;
  const calls = await countingReads(async () => {
    for await (const _ of store.readStream('loan-1')) read += 1;
  });
  reading = false;
  await store.close();
  assert.is(read, 500);
  assert.ok(turns > 0, 'the loop ran during the read');
  assert.ok(calls.now > 0 && calls.pool > 0, JSON.stringify(calls));
});

test.run();
