// close() resolves once nothing of the store is still writing: an index checkpoint being
// written beside the appends is waited for, also when a failed write has stopped the store,
// and a second close() waits for the first. A caller that reopens the log after close() (as a
// failed write tells it to) must find no write of the old store still under way.
import fs from 'node:fs';
import fsp from 'node:fs/promises';
import { access, mkdtemp, rm } from 'node:fs/promises';
import { syncBuiltinESMExports } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { StoreClosedError } from '../eventStore/errors.ts';
import { openFileEventStore } from './fileEventStore.ts';
import { checkpointFileOf } from './fileIndexCheckpoint.ts';
import { everyClose, idOf, note, noteSchema } from './noteSchema.fixture.ts';

const dir = await mkdtemp(join(tmpdir(), 'usha-close-checkpointing-'));
test.after(() => rm(dir, { recursive: true, force: true }));

const exists = (file: string) => access(file).then(() => true, () => false);

// For the length of `body`: the rename that puts a written checkpoint in place (node:fs/promises,
// replaced through syncBuiltinESMExports) waits until `open()` is called, and says 'renamed' on
// `order` once done; with `failing.writes` set, fs.writeSync (the log's durable write) fails
// with EIO.
const holdingCheckpoints = async (
  body: (held: {
    readonly order: string[];
    readonly renameAsked: Promise<void>;
    readonly open: () => void;
    readonly failing: { writes: boolean };
  }) => Promise<void>,
): Promise<void> => {
  const { rename } = fsp;
  const { writeSync } = fs;
  const order: string[] = [];
  let asked = () => {};
  const renameAsked = new Promise<void>((resolve) => (asked = resolve));
  let open = () => {};
  const gate = new Promise<void>((resolve) => (open = resolve));
  const failing = { writes: false };
  const patchedPromises = fsp as unknown as Record<'rename', unknown>;
  const patchedFs = fs as unknown as Record<'writeSync', unknown>;
  patchedPromises.rename = async (from: string, to: string) => {
    asked();
    await gate;
    await rename(from, to);
    order.push('renamed');
  };
  patchedFs.writeSync = (...args: unknown[]) => {
    if (failing.writes) throw Object.assign(new Error('EIO: i/o error, write'), { code: 'EIO' });
    return Reflect.apply(writeSync, fs, args);
  };
  syncBuiltinESMExports();
  try {
    await body({ order, renameAsked, open, failing });
  } finally {
    open(); // a rename still held (an assertion failed) goes on
    patchedPromises.rename = rename;
    patchedFs.writeSync = writeSync;
    syncBuiltinESMExports();
  }
};

test('a store stopped by a failed write closes only once the checkpoint being written is in place',
  async () => {
    const file = join(dir, 'broken.ndjson');
    await holdingCheckpoints(async ({ order, renameAsked, open, failing }) => {
      // A checkpoint is due after every append: the first one starts it, beside the appends.
      const store = await openFileEventStore({
        file, schema: noteSchema, checkpointEveryBytes: 1, ...everyClose,
      });
      await store.appendToStream('loan-1', [note(idOf(1))]);
      await renameAsked;
      failing.writes = true;
      const failed = await store.appendToStream('loan-1', [note(idOf(2))]).catch((e) => e);
      assert.instance(failed, StoreClosedError);
      const closing = store.close().then(() => order.push('closed'));
      await sleep(20);
      assert.equal(order, []); // the checkpoint is still being written: close() waits
      open();
      await closing;
      assert.equal(order, ['renamed', 'closed']);
      assert.is(await exists(`${checkpointFileOf(file)}.writing`), false);
    });
    // The reopen the failure asked for finds the log as its one acknowledged append left it.
    const again = await openFileEventStore({ file, schema: noteSchema, ...everyClose });
    assert.equal(again.opened, { from: 'checkpoint', linesRead: 0 });
    await again.close();
  });

test('a second close() resolves only once the first has: checkpoint in place, lock given back',
  async () => {
    const file = join(dir, 'twice.ndjson');
    await holdingCheckpoints(async ({ order, renameAsked, open }) => {
      const store = await openFileEventStore({ file, schema: noteSchema, ...everyClose });
      await store.appendToStream('loan-1', [note(idOf(1))]);
      const first = store.close().then(() => order.push('first'));
      await renameAsked; // the close's checkpoint is being written
      const second = store.close().then(() => order.push('second'));
      await sleep(20);
      assert.equal(order, []);
      open();
      await Promise.all([first, second]);
      assert.equal(order, ['renamed', 'first', 'second']);
    });
    const again = await openFileEventStore({ file, schema: noteSchema, ...everyClose });
    assert.equal(again.opened, { from: 'checkpoint', linesRead: 0 });
    await again.close();
  });

test.run();
