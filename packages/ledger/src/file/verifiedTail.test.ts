// The lines a reopen verified after its index checkpoint are kept, parsed, for the first read
// forwards over them: that read returns exactly what a read of the file returns, the bytes
// verified at open, once; every later read checks the file again.
import { copyFile, mkdtemp, open, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { StoreCorruptError } from '../eventStore/errors.ts';
import type { Position } from '../eventStore/position.ts';
import { openFileEventStore, type FileEventStore } from './fileEventStore.ts';
import { checkpointFileOf } from './fileIndexCheckpoint.ts';
import { everyClose, idOf, note, noteSchema, type Note } from './noteSchema.fixture.ts';
import { tailCollector } from './verifiedTail.ts';

const dir = await mkdtemp(join(tmpdir(), 'usha-verified-tail-'));
test.after(() => rm(dir, { recursive: true, force: true }));

// 50 events closed (the checkpoint covers them), then 30 more, in appends of 5, by a store
// that is not closed: the log and checkpoint copied as a SIGKILL would leave them.
const crashImage = async (name: string): Promise<string> => {
  const live = join(dir, `${name}.live`);
  const first = await openFileEventStore({ file: live, schema: noteSchema, ...everyClose });
  for (let i = 0; i < 50; i += 5) {
    await first.appendToStream(`member-${i % 3}`,
      Array.from({ length: 5 }, (_, j) => note(idOf(i + j), `note ${i + j}`)));
  }
  await first.close();
  const second = await openFileEventStore({ file: live, schema: noteSchema, ...everyClose });
  for (let i = 50; i < 80; i += 5) {
    await second.appendToStream(`member-${i % 4}`,
      Array.from({ length: 5 }, (_, j) => note(idOf(i + j), `note ${i + j}`)));
  }
  const file = join(dir, name);
  await copyFile(live, file);
  await copyFile(checkpointFileOf(live), checkpointFileOf(file));
  await second.close();
  return file;
};

const readFrom = async (store: FileEventStore<Note>, from?: Position, maxCount?: number) => {
  const out = [];
  const o = { ...(from === undefined ? {} : { from }),
    ...(maxCount === undefined ? {} : { maxCount }) };
  for await (const e of store.readAll(o)) out.push(e);
  return out;
};

// Rewrites `note 60` as `note 6x` in the file (same length, so every offset stays).
const tamperWithLine60 = async (file: string) => {
  const text = await readFile(file, 'latin1');
  const at = text.indexOf('"note 60"');
  const handle = await open(file, 'r+');
  try {
    await handle.write(Buffer.from('"note 6x"', 'latin1'), 0, 9, at);
  } finally {
    await handle.close();
  }
};

test('the first read over the tail returns what a read of the file returns', async () => {
  const store = await openFileEventStore({ file: await crashImage('same.ndjson'),
    schema: noteSchema });
  assert.equal(store.opened, { from: 'checkpoint', linesRead: 30 });
  const kept = await readFrom(store); // lines 0-49 from the file, 50-79 kept
  const file = await readFrom(store); // all from the file
  assert.is(kept.length, 80);
  assert.equal(kept, file);
  assert.equal(kept.map((e) => e.data.text).slice(48, 52),
    ['note 48', 'note 49', 'note 50', 'note 51']);
  await store.close();
});

test('a catch-up from the checkpoint\'s last event takes it and the tail, then lines ' +
  'appended since, in order', async () => {
  const store = await openFileEventStore({ file: await crashImage('catch-up.ndjson'),
    schema: noteSchema });
  const [last] = await readFrom(store, undefined, 50).then((es) => es.slice(49));
  if (last === undefined) throw new Error('no 50th event');
  await store.appendToStream('member-9', [note(idOf(80), 'note 80'), note(idOf(81), 'note 81')]);
  const read = await readFrom(store, last.position);
  assert.equal(read.map((e) => e.data.text),
    Array.from({ length: 33 }, (_, i) => `note ${i + 49}`));
  assert.equal(read, await readFrom(store, last.position));
  await store.close();
});

test('the kept lines are the bytes verified at open, read once: a later read checks the file',
  async () => {
    const file = await crashImage('once.ndjson');
    const store = await openFileEventStore({ file, schema: noteSchema, ...everyClose });
    await tamperWithLine60(file);
    const [at55] = (await readFrom(store)).slice(55, 56); // takes the kept lines, as verified
    if (at55 === undefined) throw new Error('no 56th event');
    try {
      await readFrom(store, at55.position);
      assert.unreachable('a rewritten line was read back');
    } catch (e) {
      assert.instance(e, StoreCorruptError);
    }
    await store.close();
  });

test('a read that stops inside the tail leaves it kept for the read that runs through it',
  async () => {
    const file = await crashImage('partial.ndjson');
    const store = await openFileEventStore({ file, schema: noteSchema, ...everyClose });
    await tamperWithLine60(file);
    const first = await readFrom(store, undefined, 55);
    const whole = await readFrom(store);
    assert.is(first.length, 55);
    assert.is(whole[60]?.data.text, 'note 60');
    await store.close();
  });

test('a tail longer than its bound is not kept; a shorter one is, whole', () => {
  const line = (offset: number) => ({
    offset, stream: 's', eventId: idOf(offset), revision: offset / 100, hash: 'h',
    content: { batchIndex: 0, batchSize: 1, data: {}, eventId: idOf(offset), metadata: {},
      prev: 'h', recordedAt: '2025-04-01T00:00:00.000Z', revision: '0', stream: 's',
      type: 'Noted' },
  });
  const short = tailCollector({ line: 7, offset: 1000 }, 300);
  for (const o of [1000, 1100, 1200]) short.onLine(line(o));
  assert.equal(short.tail(1300)?.lines.map((l) => l.offset), [1000, 1100, 1200]);
  assert.is(short.tail(1300)?.firstLine, 7);
  const long = tailCollector({ line: 7, offset: 1000 }, 300);
  for (const o of [1000, 1100, 1200, 1300]) long.onLine(line(o));
  assert.is(long.tail(1400), undefined);
  assert.is(tailCollector({ line: 0, offset: 0 }).tail(0), undefined);
});

test('a line seen without its parsed content leaves no tail; a kept line is the scan\'s own',
  () => {
    const content = { batchIndex: 0, batchSize: 1, data: {}, eventId: idOf(1), metadata: {},
      prev: 'h', recordedAt: '2025-04-01T00:00:00.000Z', revision: '0', stream: 's',
      type: 'Noted' };
    const parsed = { offset: 0, stream: 's', eventId: idOf(1), revision: 0, hash: 'h', content };
    const kept = tailCollector({ line: 0, offset: 0 });
    kept.onLine(parsed);
    assert.ok(kept.tail(100)?.lines[0] === parsed);
    const unparsed = tailCollector({ line: 0, offset: 0 });
    unparsed.onLine(parsed);
    unparsed.onLine({ offset: 100, stream: 's', eventId: idOf(2), revision: 1, hash: 'h' });
    assert.is(unparsed.tail(200), undefined);
  });

test.run();
