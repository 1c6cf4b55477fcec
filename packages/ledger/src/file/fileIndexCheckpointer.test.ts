// What a file store's reopen after a crash costs, counted rather than timed: the lines it reads
// and the index checkpoints it writes. Under the interval it reads the appends after its
// checkpoint once and writes none until it closes.
import { createHash } from 'node:crypto';
import { copyFile, mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { openFileEventStore } from './fileEventStore.ts';
import { checkpointFileOf } from './fileIndexCheckpoint.ts';
import { everyClose, idOf, note, noteSchema } from './noteSchema.fixture.ts';

const dir = await mkdtemp(join(tmpdir(), 'usha-checkpointer-'));
test.after(() => rm(dir, { recursive: true, force: true }));

const digestOf = async (file: string) =>
  createHash('sha256').update(await readFile(file)).digest('hex');

// 50 events closed (the checkpoint covers them), then 30 more in appends of 5 by a store
// that is not closed: the log and checkpoint are copied as a SIGKILL would leave them.
const crashImage = async (name: string): Promise<string> => {
  const live = join(dir, `${name}.live`);
  const first = await openFileEventStore({ file: live, schema: noteSchema, ...everyClose });
  for (let i = 0; i < 50; i += 5) {
    await first.appendToStream(`member-${i % 3}`,
      Array.from({ length: 5 }, (_, j) => note(idOf(i + j))));
  }
  await first.close();
  const second = await openFileEventStore({ file: live, schema: noteSchema, ...everyClose });
  for (let i = 50; i < 80; i += 5) {
    await second.appendToStream(`member-${i % 4}`,
      Array.from({ length: 5 }, (_, j) => note(idOf(i + j))));
  }
  const file = join(dir, name);
  await copyFile(live, file); // every append above was acknowledged, so it is on disk
  await copyFile(checkpointFileOf(live), checkpointFileOf(file));
  await second.close();
  return file;
};

test('a reopen after a crash reads only the 30 lines after its checkpoint, once', async () => {
  const file = await crashImage('tail.ndjson');
  const store = await openFileEventStore({ file, schema: noteSchema, ...everyClose });
  assert.equal(store.opened, { from: 'checkpoint', linesRead: 30 });
  assert.is(store.recovery, undefined);
  await store.close();
});

test('a reopen after a crash writes no checkpoint while it opens, under the interval',
  async () => {
    const file = await crashImage('no-write.ndjson');
    const before = await digestOf(checkpointFileOf(file));
    const store = await openFileEventStore({ file, schema: noteSchema, ...everyClose });
    await sleep(20); // a write started in the background would have begun by now
    assert.is(await digestOf(checkpointFileOf(file)), before);
    await store.appendToStream('member-9', [note(idOf(80))]);
    await sleep(20);
    assert.is(await digestOf(checkpointFileOf(file)), before);
    await store.close(); // the close keeps the 31
    assert.is.not(await digestOf(checkpointFileOf(file)), before);
    const again = await openFileEventStore({ file, schema: noteSchema, mode: 'read-only' });
    assert.equal(again.opened, { from: 'checkpoint', linesRead: 0 });
    await again.close();
  });

test('past the interval, the open writes one checkpoint of the log as it found it', async () => {
  const file = await crashImage('past.ndjson');
  const store = await openFileEventStore({
    file, schema: noteSchema, checkpointEveryBytes: 1, ...everyClose,
  });
  for (let i = 0; i < 100; i++) {
    const again = await openFileEventStore({ file, schema: noteSchema, mode: 'read-only' });
    await again.close();
    if (again.opened.linesRead === 0) break;
    await sleep(10);
  }
  const reopened = await openFileEventStore({ file, schema: noteSchema, mode: 'read-only' });
  assert.equal(reopened.opened, { from: 'checkpoint', linesRead: 0 });
  await reopened.close();
  await store.close();
});

test.run();
