// A stream read of the log's last line knows where that line ends (where the log ends), so it
// is read as every other line is: one read of its bytes. A line of unknown end is read by a
// guess and a search, through the FileHandle API, a third more CPU a read; a command's reads
// often end at the log's last line (its process, the event it just appended).
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

// Counts fs.read (a span of known end) and FileHandle#read calls while `body` runs.
const countingReads = async (body: () => Promise<unknown>) => {
  const { read } = fs;
  const handleRead = handleProto.read;
  const calls = { spans: 0, guesses: 0 };
  const patched = fs as unknown as Record<'read', unknown>;
  patched.read = (...args: unknown[]) => {
    calls.spans += 1;
    return Reflect.apply(read, fs, args);
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
    handleProto.read = handleRead;
    syncBuiltinESMExports();
  }
  return calls;
};

test('the log\'s last line is read by one read of its bytes, before and after a reopen', async () => {
  const file = join(dir, 'log.ndjson');
  let store = await openFileEventStore({ file, schema: noteSchema });
  await store.appendToStream('loan-1', [note(idOf(1))]);
  await store.appendToStream('loan-2', [note(idOf(2)), note(idOf(3), 'the last line')]);
  for (const round of ['open', 'reopened'] as const) {
    const texts: string[] = [];
    const calls = await countingReads(async () => {
      for await (const e of store.readStream('loan-2', { direction: 'backwards',
        fromRevision: 'end', maxCount: 1 })) texts.push(String(e.data.text));
      for await (const e of store.readStream('loan-2', { fromRevision: 1n })) {
        texts.push(String(e.data.text));
      }
    });
    assert.equal([texts, calls], [['the last line', 'the last line'], { spans: 2, guesses: 0 }],
      round);
    await store.close();
    store = await openFileEventStore({ file, schema: noteSchema });
  }
  await store.close();
});

test.run();
