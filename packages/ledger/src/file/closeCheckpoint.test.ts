// When a close writes the index checkpoint: only when enough was appended after the last one
// (`checkpointOnCloseAfterBytes`, 4 MiB by default). After less, the checkpoint is left as it
// was and the next open verifies the lines after it, as after a crash, and writes one beside the
// first appends if they were half the bound or more: a restart costs what was appended, not a
// checkpoint of the whole history. Counted, not timed.
import { createHash } from 'node:crypto';
import { access, mkdtemp, readFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { openFileEventStore, type FileEventStoreOptions } from './fileEventStore.ts';
import { checkpointFileOf } from './fileIndexCheckpoint.ts';
import { defaultCheckpointOnCloseAfterBytes } from './fileIndexCheckpointer.ts';
import { everyClose, idOf, note, noteSchema, type Note } from './noteSchema.fixture.ts';

const dir = await mkdtemp(join(tmpdir(), 'usha-close-checkpoint-'));
test.after(() => rm(dir, { recursive: true, force: true }));

const exists = (path: string) => access(path).then(() => true, () => false);
const digestOf = async (file: string) =>
  createHash('sha256').update(await readFile(file)).digest('hex');
let next = 0;
const notes = (n: number, text = 'note') =>
  Array.from({ length: n }, () => note(idOf(++next), text));

type Options = Partial<FileEventStoreOptions<Note>>;
// A session: open, append `n` notes in appends of up to 100, close.
const session = async (file: string, n: number, o: Options = {}, text?: string) => {
  const store = await openFileEventStore({ file, schema: noteSchema, ...o });
  for (let i = 0; i < n; i += 100) {
    await store.appendToStream(`member-${i % 7}`, notes(Math.min(100, n - i), text));
  }
  await store.close();
  return store.opened;
};
const openedReadOnly = async (file: string) => {
  const store = await openFileEventStore({ file, schema: noteSchema, mode: 'read-only' });
  await store.close();
  return store.opened;
};

test('by default a close after less than 4 MiB writes no checkpoint; the next open verifies '
  + 'those lines, and the close that passes 4 MiB writes one', async () => {
  const file = join(dir, 'default.ndjson');
  await session(file, 250);
  assert.is(await exists(checkpointFileOf(file)), false);
  assert.equal(await openedReadOnly(file),
    { from: 'scan', linesRead: 250, reason: 'no snapshot' });
  // Lines of about 5 KiB: the log passes 4 MiB within this session.
  const opened = await session(file, 900, {}, 'x'.repeat(5000));
  assert.equal(opened, { from: 'scan', linesRead: 250, reason: 'no snapshot' });
  assert.ok((await stat(file)).size >= defaultCheckpointOnCloseAfterBytes);
  assert.equal(await openedReadOnly(file), { from: 'checkpoint', linesRead: 0 });
});

test('the bytes after the checkpoint add up across sessions: a close writes one when they reach '
  + 'the bound, an open when they reach half of it', async () => {
  const file = join(dir, 'sessions.ndjson');
  await session(file, 20, everyClose);
  let kept = await digestOf(checkpointFileOf(file));
  // 22.5 lines (a line's length moves by a byte or two with its revision); half: 11.25.
  const lineBytes = (await stat(file)).size / 20;
  const bound = { checkpointOnCloseAfterBytes: Math.round(lineBytes * 22.5) };
  assert.equal(await session(file, 10, bound), { from: 'checkpoint', linesRead: 0 });
  assert.is(await digestOf(checkpointFileOf(file)), kept); // 10 after it at the close: under
  assert.equal(await openedReadOnly(file), { from: 'checkpoint', linesRead: 10 });
  // 10 at open (under half: none written then), 23 at the close: written.
  assert.equal(await session(file, 13, bound), { from: 'checkpoint', linesRead: 10 });
  assert.is.not(await digestOf(checkpointFileOf(file)), kept);
  assert.equal(await openedReadOnly(file), { from: 'checkpoint', linesRead: 0 });
  kept = await digestOf(checkpointFileOf(file));
  assert.equal(await session(file, 12, bound), { from: 'checkpoint', linesRead: 0 });
  assert.is(await digestOf(checkpointFileOf(file)), kept); // 12 at the close: under
  // 12 at open, over half: written beside the session's appends (none here), not at its close.
  assert.equal(await session(file, 0, bound), { from: 'checkpoint', linesRead: 12 });
  assert.is.not(await digestOf(checkpointFileOf(file)), kept);
  assert.equal(await openedReadOnly(file), { from: 'checkpoint', linesRead: 0 });
});

test('0: every close brings the checkpoint to the end; Infinity: no close writes one',
  async () => {
    const file = join(dir, 'bounds.ndjson');
    await session(file, 3, { checkpointOnCloseAfterBytes: 0 });
    assert.equal(await openedReadOnly(file), { from: 'checkpoint', linesRead: 0 });
    const kept = await digestOf(checkpointFileOf(file));
    // Over 4 MiB after it: more than the default bound.
    await session(file, 1000, { checkpointOnCloseAfterBytes: Infinity }, 'y'.repeat(5000));
    assert.ok((await stat(file)).size > defaultCheckpointOnCloseAfterBytes);
    assert.is(await digestOf(checkpointFileOf(file)), kept);
    assert.equal(await openedReadOnly(file), { from: 'checkpoint', linesRead: 1000 });
    await session(file, 1, { checkpointOnCloseAfterBytes: 0 });
    assert.equal(await openedReadOnly(file), { from: 'checkpoint', linesRead: 0 });
  });

test('a close with nothing appended after the checkpoint writes none, whatever the bound',
  async () => {
    const file = join(dir, 'nothing.ndjson');
    await session(file, 5, everyClose);
    const kept = await stat(checkpointFileOf(file));
    for (const bound of [everyClose, {}, { checkpointOnCloseAfterBytes: Infinity }]) {
      await session(file, 0, bound);
      const after = await stat(checkpointFileOf(file));
      assert.is(after.mtimeMs, kept.mtimeMs);
      assert.is(after.ino, kept.ino); // a checkpoint is written by renaming a new file over it
    }
  });

test.run();
