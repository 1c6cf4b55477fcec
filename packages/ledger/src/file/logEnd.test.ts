import { appendFile, mkdtemp, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { openFileEventStore } from './fileEventStore.ts';
import { spaceStepBytes } from './logSpace.ts';
import { logEnd } from './logEnd.ts';
import { writeCallBytes } from './logSpace.ts';
import { idOf, note, noteSchema } from './noteSchema.fixture.ts';
import { readLogForwards } from './readLogForwards.ts';

const dir = await mkdtemp(join(tmpdir(), 'usha-log-end-'));
test.after(() => rm(dir, { recursive: true, force: true }));
const now = () => new Date('2026-12-06T00:00:00.000Z');

test('while a store is open with space ahead, the log\'s end is its last append\'s, not the '
  + 'file\'s size; a read bounded by it reads no append made after', async () => {
  const file = join(dir, 'live.ndjson');
  const store = await openFileEventStore({ file, schema: noteSchema, now,
    spaceAheadBytes: spaceStepBytes });
  try {
    await store.appendToStream('loan-1', [note(idOf(1))]);
    const bytes = await logEnd(file);
    assert.is(bytes, store.appendedBytes());
    assert.ok((await stat(file)).size > bytes, 'the file has space ahead');
    await store.appendToStream('loan-1', [note(idOf(2))]);
    const seen: string[] = [];
    for await (const e of readLogForwards({ file, schema: noteSchema, bytes })) {
      seen.push(e.eventId);
    }
    assert.equal(seen, [idOf(1)]);
  } finally {
    await store.close();
  }
  assert.is(await logEnd(file), (await stat(file)).size); // closed: whole lines, no space
});

test('the end is before the line a torn write left, whether it ends in zeros, holes or none',
  async () => {
    const file = join(dir, 'torn.ndjson');
    const lines = 'one\ntwo\n';
    await writeFile(file, `${lines}thr`);
    assert.is(await logEnd(file), 8);
    await appendFile(file, Buffer.alloc(100));
    assert.is(await logEnd(file), 8);
    await appendFile(file, Buffer.concat([Buffer.from('ee\nfour\n'), Buffer.alloc(100)]));
    assert.is(await logEnd(file), 8, 'a hole, bytes and a newline after it, then zeros');
    await writeFile(file, Buffer.concat([Buffer.from(lines), Buffer.alloc(writeCallBytes),
      Buffer.from('far\n'), Buffer.alloc(100)]));
    // Too far after the hole for a torn write: the end is after it, where the read refuses it.
    assert.is(await logEnd(file), 8 + writeCallBytes + 4);
    await writeFile(file, '');
    assert.is(await logEnd(file), 0);
  });

test.run();
