import { copyFile, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { openFileEventStore } from './fileEventStore.ts';
import { idOf, note, noteSchema } from './noteSchema.fixture.ts';

const dir = await mkdtemp(join(tmpdir(), 'usha-log-space-props-'));
test.after(() => rm(dir, { recursive: true, force: true }));
const now = () => new Date('2026-12-06T00:00:00.000Z');
const pageBytes = 4096;
const spaceAheadBytes = 64 * 1024;

// The log of two acknowledged appends, and the bytes of a third as the store writes them: three
// lines of some 5 KB, over four pages.
const logFile = join(dir, 'log.ndjson');
const store = await openFileEventStore({ file: logFile, schema: noteSchema, now });
await store.appendToStream('loan-1', [note(idOf(1)), note(idOf(2))]);
await store.appendToStream('loan-2', [note(idOf(3))]);
await store.close();
const log = await readFile(logFile);
const withNext = join(dir, 'next.ndjson');
await copyFile(logFile, withNext);
const next = await openFileEventStore({ file: withNext, schema: noteSchema, now });
const text = 'x'.repeat(5000);
await next.appendToStream('loan-1', [4, 5, 6].map((i) => note(idOf(i), text)));
await next.close();
const append = (await readFile(withNext)).subarray(log.length);
const pages = Math.ceil(append.length / pageBytes);

// What a crash can leave of the append over zero-filled space: a prefix (pages written in
// order), or any subset of its pages (written out of order), the rest still zeros.
// (Drawn as a description, so that a counterexample reads short; the bytes are made from it.)
const leftOf = fc.oneof(
  fc.record({ cut: fc.integer({ min: 0, max: append.length }) }),
  fc.record({ written: fc.array(fc.boolean(), { minLength: pages, maxLength: pages }) }),
);
const bytesLeft = (left: { cut: number } | { written: boolean[] }): Buffer => {
  const torn = Buffer.alloc(append.length);
  if ('cut' in left) append.copy(torn, 0, 0, left.cut);
  else {
    left.written.forEach((w, p) => {
      if (w) append.copy(torn, p * pageBytes, p * pageBytes, (p + 1) * pageBytes);
    });
  }
  return torn;
};

let run = 0;
test('any prefix of an append\'s bytes over zero-filled space reopens to the acknowledged '
  + 'appends', async () => {
  assert.is(pages, 4);
  await fc.assert(fc.asyncProperty(leftOf, async (left) => {
    const torn = bytesLeft(left);
    const file = join(dir, `crashed-${run++}.ndjson`);
    await writeFile(file, Buffer.concat([log, torn, Buffer.alloc(spaceAheadBytes)]));
    const whole = torn.equals(append);
    const reopened = await openFileEventStore({ file, schema: noteSchema, spaceAheadBytes });
    const ids: string[] = [];
    for await (const e of reopened.readAll()) ids.push(e.eventId);
    await reopened.close();
    const expected = [1, 2, 3, ...(whole ? [4, 5, 6] : [])].map(idOf);
    assert.equal(ids, expected);
    const torns = !whole && torn.some((b) => b !== 0);
    assert.is(reopened.recovery !== undefined, torns);
    assert.equal(await readFile(file), whole ? Buffer.concat([log, append]) : log);
    await rm(file);
  }), { numRuns: 150 });
});

test.run();
