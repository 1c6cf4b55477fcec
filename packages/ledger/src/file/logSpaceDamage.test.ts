// Disk damage (a page of zeros) in a log, with and without space set aside ahead, and a torn
// write of a long line: damage is refused by every reader, a torn write is cut, nothing else.
import { copyFile, mkdtemp, open, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { StoreCorruptError } from '../eventStore/errors.ts';
import { openFileEventStore } from './fileEventStore.ts';
import { spaceStepBytes, writeCallBytes } from './logSpace.ts';
import { idOf, note, noteSchema } from './noteSchema.fixture.ts';
import { readLogForwards } from './readLogForwards.ts';
import { verifyLog } from './verifyLog.ts';

const dir = await mkdtemp(join(tmpdir(), 'usha-log-damage-'));
test.after(() => rm(dir, { recursive: true, force: true }));
let n = 0;
const fresh = () => join(dir, `log-${n++}.ndjson`);
const now = () => new Date('2026-12-06T00:00:00.000Z');
const pageBytes = 4096;
const zeroPage = async (file: string, at: number, bytes = pageBytes) => {
  const h = await open(file, 'r+');
  await h.write(Buffer.alloc(bytes), 0, bytes, at - (at % pageBytes));
  await h.close();
};
const count = async (it: AsyncIterable<unknown>) => {
  let k = 0;
  for await (const _ of it) k++;
  return k;
};
const refused = async (what: string, f: () => Promise<unknown>) => {
  try {
    await f();
  } catch (e) {
    assert.instance(e, StoreCorruptError, what);
    return;
  }
  assert.unreachable(`${what}: not refused`);
};
// `appends` appends of 10 notes of about 10 KB each (some 100 KB an append); the image is a
// copy of the file taken while the store was still open (with its space ahead): what a kill
// leaves, as writes are synced when they return.
const writeLog = async (file: string, appends: number) => {
  const store = await openFileEventStore({ file, schema: noteSchema, now,
    spaceAheadBytes: spaceStepBytes });
  for (let i = 0; i < appends; i++) {
    await store.appendToStream(`loan-${i}`,
      Array.from({ length: 10 }, (_, j) => note(idOf(10 * i + j + 1), 'x'.repeat(10_000))));
  }
  const image = `${file}.image`;
  await copyFile(file, image);
  const acknowledged = store.appendedBytes();
  await store.close();
  return { image, acknowledged };
};

test('a zeroed page in the middle of a closed log: readLogForwards, readAll and verifyLog '
  + 'refuse it, none stops short in silence', async () => {
  const file = fresh();
  await writeLog(file, 20);
  const size = (await stat(file)).size;
  await zeroPage(file, Math.floor(size / 2));
  await refused('readLogForwards', () => count(readLogForwards({ file, schema: noteSchema })));
  await refused('read-only readAll', async () => {
    const s = await openFileEventStore({ file, schema: noteSchema, mode: 'read-only' });
    try { await count(s.readAll()); } finally { await s.close(); }
  });
  const v = await verifyLog(file);
  assert.is(v.ok, false);
  assert.is((await stat(file)).size, size);
});

test('a zeroed page far from the end of a log with space ahead (a crash image) is refused, '
  + 'not taken for the end of the log', async () => {
  const { image, acknowledged } = await writeLog(fresh(), 20);
  assert.ok((await stat(image)).size > acknowledged, 'the image has space ahead');
  await zeroPage(image, acknowledged - writeCallBytes - 2 * pageBytes);
  await refused('readLogForwards', () =>
    count(readLogForwards({ file: image, schema: noteSchema })));
  await refused('open', () => openFileEventStore({ file: image, schema: noteSchema }));
  assert.is((await verifyLog(image)).ok, false);
});

test('a cleanly closed log with a zeroed page 5.5 MB before its end is refused at open and by '
  + 'verifyLog, not cut as a torn tail', async () => {
  const file = fresh();
  await writeLog(file, 70);
  const size = (await stat(file)).size;
  await zeroPage(file, size - 5_500_000);
  await refused('open (full)', () =>
    openFileEventStore({ file, schema: noteSchema, now, verify: 'full' }));
  // From the index checkpoint its close wrote, the open checks no line before it: the read does.
  const store = await openFileEventStore({ file, schema: noteSchema, now });
  try {
    await refused('readAll', () => count(store.readAll()));
  } finally {
    await store.close();
  }
  assert.is((await verifyLog(file)).ok, false);
  assert.is((await stat(file)).size, size, 'nothing cut');
});

test('a crash image whose third write call of a 10 MiB line was torn reopens to the '
  + 'acknowledged appends, and says what it cut', async () => {
  const file = fresh();
  const store = await openFileEventStore({ file, schema: noteSchema, now,
    maxAppendBytes: 32 << 20 });
  await store.appendToStream('loan-1', [note(idOf(1))]);
  const acknowledged = store.appendedBytes();
  await store.appendToStream('loan-2', [note(idOf(2), 'y'.repeat(10 << 20))]);
  const image = `${file}.image`;
  await copyFile(file, image);
  const end = store.appendedBytes();
  await store.close();
  // Calls 1 and 2 durable, the third torn (its first pages not written), later ones not begun.
  const third = acknowledged + 2 * writeCallBytes;
  await zeroPage(image, third + pageBytes, 16 * pageBytes);
  await zeroPage(image, third + writeCallBytes, end - (third + writeCallBytes) + pageBytes);
  const imageBytes = (await stat(image)).size;
  assert.ok(imageBytes > end, 'the image has space ahead');
  const reopened = await openFileEventStore({ file: image, schema: noteSchema, now,
    maxAppendBytes: 32 << 20 });
  assert.equal(await count(reopened.readAll()), 1);
  const r = reopened.recovery;
  assert.equal([r?.line, r?.offset, r?.cutBytes], [2, acknowledged, imageBytes - acknowledged]);
  await reopened.close();
  assert.is((await stat(image)).size, acknowledged);
});

test.run();
