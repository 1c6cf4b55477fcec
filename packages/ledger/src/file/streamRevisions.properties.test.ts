import fc from 'fast-check';
import { mkdtemp, open, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { keyOf, type KeyOf } from '../offHeap/keyHash.ts';
import { weakKey } from '../offHeap/weakKey.fixture.ts';
import { streamRevisions } from './streamRevisions.ts';

const names = ['a', 'b', 'ab', 'ba', 'abc', 'bcd', 'é'];

// Lines of a log, each naming its stream; a line claims revision `claim` (0 restarts).
const linesArb = fc.array(
  fc.record({ stream: fc.constantFrom(...names), restart: fc.boolean() }),
  { maxLength: 60 },
);

// Walks the lines as scanLog does; the model is a Map of counts. A line whose claimed revision
// is 0 (restart) must be expected at 0 only if its stream is new, as the Map says.
const check = (dir: string, keyFn: KeyOf) => fc.asyncProperty(linesArb, async (lines) => {
  const file = join(dir, 'log');
  const texts = lines.map((l) => `${JSON.stringify({ stream: l.stream })}\n`);
  await writeFile(file, texts.join(''));
  const handle = await open(file, 'r');
  try {
    const revisions = streamRevisions(handle, keyFn);
    const model = new Map<string, number>();
    let offset = 0;
    for (const [i, l] of lines.entries()) {
      const held = model.get(l.stream) ?? 0;
      const claim = l.restart ? 0 : held;
      const reading = revisions.resolve(l.stream, claim);
      if (reading !== undefined) await reading;
      assert.is(revisions.expected(), held, `line ${i}`);
      revisions.advance(offset);
      model.set(l.stream, held + 1);
      offset += Buffer.byteLength(texts[i] ?? '');
    }
  } finally {
    await handle.close();
  }
});

test('revisions are counted as a Map counts them, however the keys collide', async () => {
  const dir = await mkdtemp(join(tmpdir(), 'usha-revisions-'));
  try {
    await fc.assert(check(dir, weakKey), { numRuns: 60 });
    await fc.assert(check(dir, keyOf), { numRuns: 30 });
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
});

test.run();
