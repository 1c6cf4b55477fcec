import { createHash } from 'node:crypto';
import { copyFile, readFile, rm, stat, writeFile, mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { StoreCorruptError } from '../eventStore/errors.ts';
import { notVerified } from './checkedLine.ts';
import { openFileEventStore } from './fileEventStore.ts';
import { snapshotWriter, writeNumber, writeText } from '../offHeap/snapshot.ts';
import { writeSnapshotFile } from '../offHeap/snapshotFile.ts';
import {
  checkpointFileOf, checkpointWriter, readIndexCheckpoint,
} from './fileIndexCheckpoint.ts';
import { everyClose, idOf, note, noteSchema } from './noteSchema.fixture.ts';

const dir = await mkdtemp(join(tmpdir(), 'usha-checkpoint-'));
test.after(() => rm(dir, { recursive: true, force: true }));

// Ten appends of one event, loan-0 and loan-1 alternating, closed: the checkpoint covers them.
const closedLog = async (name: string, text = 'n', appends = 10): Promise<string> => {
  const file = join(dir, name);
  const store = await openFileEventStore({ file, schema: noteSchema, ...everyClose });
  for (let i = 1; i <= appends; i++) {
    await store.appendToStream(`loan-${i % 2}`, [note(idOf(i), `${text}${i}`)]);
  }
  await store.close();
  return file;
};

const openedBy = async (file: string) => {
  const store = await openFileEventStore({ file, schema: noteSchema, mode: 'read-only' });
  await store.close();
  return store.opened;
};

test('a log without a checkpoint (written before them) opens by a scan; a close asked to '
  + 'writes one',
  async () => {
    const file = await closedLog('old.ndjson');
    await rm(checkpointFileOf(file));
    const store = await openFileEventStore({ file, schema: noteSchema, ...everyClose });
    assert.equal(store.opened, { from: 'scan', linesRead: 10, reason: 'no snapshot' });
    await store.close();
    assert.equal(await openedBy(file), { from: 'checkpoint', linesRead: 0 });
    const full = await openFileEventStore({
      file, schema: noteSchema, verify: 'full', ...everyClose,
    });
    assert.equal(full.opened,
      { from: 'scan', linesRead: 10, reason: 'a full verification was asked for' });
    await full.close();
  });

test('a garbled checkpoint is not used: the log is scanned, saying why', async () => {
  const file = await closedLog('garbled.ndjson');
  const checkpoint = await readFile(checkpointFileOf(file));
  const flipped = Buffer.from(checkpoint);
  flipped[200] = (flipped[200] ?? 0) ^ 1;
  await writeFile(checkpointFileOf(file), flipped);
  assert.equal(await openedBy(file), { from: 'scan', linesRead: 10,
    reason: 'its SHA-256 does not match: changed or damaged' });
  await writeFile(checkpointFileOf(file), checkpoint.subarray(0, checkpoint.length - 8));
  const cut = checkpoint.length - 56;
  assert.equal(await openedBy(file),
    { from: 'scan', linesRead: 10, reason: `${cut - 8} bytes, not ${cut}` });
  await writeFile(checkpointFileOf(file), checkpoint);
  assert.equal(await openedBy(file), { from: 'checkpoint', linesRead: 0 });
});

test('a checkpoint whose SHA-256 is right but whose parts are not is not used: the log is '
  + 'scanned, saying why', async () => {
  const file = await closedLog('parts.ndjson');
  const at = checkpointFileOf(file);
  const kept = await readIndexCheckpoint(at);
  if (!kept.found) throw new Error(kept.reason);
  // Its parts as written, then the empty signature, then bytes no writer adds: a text of 4
  // bytes after its 8-byte length, padded to 8.
  const extra = checkpointWriter(kept.checkpoint, { copy: false });
  writeText(extra, '');
  writeText(extra, 'more');
  await writeSnapshotFile(at, extra);
  assert.equal(await openedBy(file), { from: 'scan', linesRead: 10,
    reason: 'garbled: 16 bytes after the signature' });
  // Another format's text where the format is.
  const other = snapshotWriter();
  writeText(other, 'usha file index 0');
  writeNumber(other, 1);
  await writeSnapshotFile(at, other);
  assert.equal(await openedBy(file), { from: 'scan', linesRead: 10,
    reason: 'not a file index checkpoint of this format' });
  // Cut inside its parts (a number where a column should start).
  const cut = snapshotWriter();
  writeText(cut, 'usha file index 1');
  await writeSnapshotFile(at, cut);
  // The reader's offsets count the file's 56-byte header: it ends after the parts written.
  const header = 56;
  assert.equal(await openedBy(file), { from: 'scan', linesRead: 10,
    reason: `garbled: ends at byte ${header + cut.bytes}` });
  // A collided stream's name that is not JSON text of a string (`{x}` where `"x"` was).
  const named = checkpointWriter({ ...kept.checkpoint, index: { ...kept.checkpoint.index,
    collided: new Map([['x', 0]]) } }, { copy: false });
  const nameAt = named.parts.findIndex((b) => Buffer.from(b).toString() === '"x"');
  named.parts[nameAt] = Buffer.from('{x}');
  writeText(named, '');
  await writeSnapshotFile(at, named);
  assert.equal(await openedBy(file), { from: 'scan', linesRead: 10,
    reason: 'a collided stream name that is not a string' });
  // Its parts without the signature after them.
  const unsealed = checkpointWriter(kept.checkpoint, { copy: false });
  await writeSnapshotFile(at, unsealed);
  assert.equal(await openedBy(file), { from: 'scan', linesRead: 10,
    reason: `garbled: ends at byte ${header + unsealed.bytes}` });
});

test('a byte flipped in a large part, hashed on another thread as it is read: the log is '
  + 'scanned, saying why, and reads are right', async () => {
  // 10,000 events: the checkpoint's large parts (offsets, the event ids' table of 16,384
  // slots, digests; 356 of its 400 KB) are read into shared memory and hashed there. Its
  // middle byte falls in the ids' table.
  const file = join(dir, 'large.ndjson');
  const store = await openFileEventStore({ file, schema: noteSchema, ...everyClose });
  for (let a = 0; a < 50; a++) {
    const notes = Array.from({ length: 200 }, (_, i) => note(idOf(a * 200 + i + 1), `t${i}`));
    await store.appendToStream(`loan-${a % 7}`, notes);
  }
  await store.close();
  assert.equal(await openedBy(file), { from: 'checkpoint', linesRead: 0 });
  const checkpoint = await readFile(checkpointFileOf(file));
  const at = checkpoint.length >> 1;
  checkpoint[at] = (checkpoint[at] ?? 0) ^ 0x20;
  await writeFile(checkpointFileOf(file), checkpoint);
  const reopened = await openFileEventStore({ file, schema: noteSchema, mode: 'read-only' });
  try {
    assert.equal(reopened.opened, { from: 'scan', linesRead: 10_000,
      reason: 'its SHA-256 does not match: changed or damaged' });
    let events = 0;
    for await (const _ of reopened.readStream('loan-3')) events += 1;
    assert.is(events, 1_400);
  } finally {
    await reopened.close();
  }
});

test('another log’s checkpoint is not used: the log is scanned, saying why', async () => {
  const file = await closedLog('mine.ndjson');
  const same = await closedLog('same-length.ndjson', 'm');
  const longer = await closedLog('longer.ndjson', 'n', 11);
  await copyFile(checkpointFileOf(same), checkpointFileOf(file));
  assert.equal(await openedBy(file), { from: 'scan', linesRead: 10, reason: 'the line at its '
    + 'last line\'s offset is not the one it recorded (another log, or changed)' });
  await copyFile(checkpointFileOf(longer), checkpointFileOf(file));
  const size = (await stat(file)).size;
  const reason = `the log (${size} bytes) is shorter than it (${(await stat(longer)).size})`;
  assert.equal(await openedBy(file), { from: 'scan', linesRead: 10, reason });
});

// Line `n` (from 1) with its text changed to one of the same length and its hash recomputed.
const rehashLine = async (file: string, n: number, from: string, to: string) => {
  const lines = (await readFile(file, 'utf8')).split('\n');
  const content = `{${(lines[n - 1] ?? '').slice(75).replace(from, to)}`;
  const hash = createHash('sha256').update(content).digest('hex');
  lines[n - 1] = `{"hash":"${hash}",${content.slice(1)}`;
  await writeFile(file, lines.join('\n'));
};

test('a line before the checkpoint rewritten with its hash is caught on read and by verify',
  async () => {
    const file = await closedLog('rehashed.ndjson');
    await rehashLine(file, 4, '"n4"', '"n8"');
    const store = await openFileEventStore({ file, schema: noteSchema, mode: 'read-only' });
    assert.equal(store.opened, { from: 'checkpoint', linesRead: 0 });
    const refusal = async (read: AsyncIterable<unknown>) => {
      try {
        for await (const _ of read) continue;
      } catch (e) {
        return e instanceof StoreCorruptError ? e.reason : e;
      }
      return 'read';
    };
    const why = `${notVerified} (changed since opened?)`;
    assert.is(await refusal(store.readStream('loan-0')), why); // lines 2, 4...: by digest
    assert.is(await refusal(store.readAll({ direction: 'backwards' })), why);
    assert.is(await refusal(store.readStream('loan-1')), 'read'); // untouched
    const v = await store.verify();
    assert.equal(v.ok ? v : [v.line, v.reason], [5, 'prev is not the hash of the line before']);
    await store.close();
  });

test('read-only opens use the checkpoint and never write it', async () => {
  const file = await closedLog('read-only.ndjson');
  const before = await readFile(checkpointFileOf(file));
  const writer = await openFileEventStore({ file, schema: noteSchema, ...everyClose });
  await writer.appendToStream('loan-7', [note(idOf(11)), note(idOf(12))]);
  const reader = await openFileEventStore({ file, schema: noteSchema, mode: 'read-only' });
  assert.equal(reader.opened, { from: 'checkpoint', linesRead: 2 });
  await reader.close();
  assert.equal(await readFile(checkpointFileOf(file)), before);
  await writer.close();
  assert.not.equal(await readFile(checkpointFileOf(file)), before);
  const bare = await closedLog('no-checkpoint.ndjson');
  await rm(checkpointFileOf(bare));
  assert.equal(await openedBy(bare), { from: 'scan', linesRead: 10, reason: 'no snapshot' });
  const left = await stat(checkpointFileOf(bare)).then(() => 'written', () => 'absent');
  assert.is(left, 'absent');
});

test('a checkpoint is written every so many bytes appended, beside the appends', async () => {
  const file = join(dir, 'periodic.ndjson');
  const store = await openFileEventStore({
    file, schema: noteSchema, checkpointEveryBytes: 2000, ...everyClose,
  });
  for (let i = 1; i <= 20; i++) await store.appendToStream('loan-1', [note(idOf(i))]);
  // Written in the background: wait (a while at most) until the first is there.
  for (let wait = 0; wait < 200; wait++) {
    if (await stat(checkpointFileOf(file)).then(() => true, () => false)) break;
    await new Promise((r) => setTimeout(r, 10));
  }
  const reader = await openFileEventStore({ file, schema: noteSchema, mode: 'read-only' });
  assert.is(reader.opened.from, 'checkpoint');
  assert.ok(reader.opened.linesRead < 20, `${reader.opened.linesRead} lines read`);
  await reader.close();
  await store.close();
});

test.run();
