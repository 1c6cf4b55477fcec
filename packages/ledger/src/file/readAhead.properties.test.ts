import { mkdtemp, open, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import type { ReadStreamOptions } from '../eventStore/port.ts';
import { inMemoryEventStore } from '../memory/inMemoryEventStore.ts';
import { openFileEventStore } from './fileEventStore.ts';
import { idOf, note, noteSchema } from './noteSchema.fixture.ts';
import { readLinesAhead, type LineSpan, type SpanReader } from './readAhead.ts';
import { readLineBytesAt } from './readLineAt.ts';

const dir = await mkdtemp(join(tmpdir(), 'usha-read-ahead-props-'));
test.after(() => rm(dir, { recursive: true, force: true }));

// 90 events over three streams, in an order and with lengths that leave some of a stream's
// lines next to each other and some far apart (texts of up to 6,000 bytes).
const streams = ['loan-a', 'loan-b', 'loan-c'];
const plan = Array.from({ length: 90 }, (_, i) => ({
  stream: streams[(i * 7 + (i >> 3)) % 3] ?? 'loan-a',
  text: 't'.repeat((i * 997) % 6000),
}));

const file = join(dir, 'log.ndjson');
const store = await openFileEventStore({ file, schema: noteSchema });
const reference = inMemoryEventStore({ schema: noteSchema });
for (const [i, p] of plan.entries()) {
  const batch = [note(idOf(i + 1), p.text)];
  await store.appendToStream(p.stream, batch);
  await reference.appendToStream(p.stream, batch);
}
test.after(() => store.close());

const ids = async (events: AsyncIterable<{ eventId: string; revision: bigint }>) => {
  const out: string[] = [];
  for await (const e of events) out.push(`${e.eventId}@${e.revision}`);
  return out;
};

test('a stream read ahead yields the same events in the same order as one read at a time, '
  + 'for any fromRevision/maxCount/direction', async () => {
  await fc.assert(fc.asyncProperty(
    fc.constantFrom(...streams),
    // Negative revisions and counts too: a caller's error is answered as every store does.
    fc.option(fc.bigInt({ min: -3n, max: 40n }), { nil: undefined }),
    fc.option(fc.integer({ min: -2, max: 40 }), { nil: undefined }),
    fc.constantFrom<'forwards' | 'backwards'>('forwards', 'backwards'),
    async (stream, fromRevision, maxCount, direction) => {
      const o: ReadStreamOptions = {
        direction,
        ...(fromRevision === undefined ? {} : { fromRevision }),
        ...(maxCount === undefined ? {} : { maxCount }),
      };
      const expected = await ids(reference.readStream(stream, o));
      assert.equal(await ids(store.readStream(stream, o)), expected);
    }), { numRuns: 300 });
});

test('lines read ahead are the lines read one at a time, for any window, gap and read size',
  async () => {
    const handle = await open(file, 'r');
    const text = (await handle.readFile()).toString('latin1');
    const starts = [0]; // the log may end in zeros (space kept ahead): only lines count
    for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
    // The last line as the store's last: where the next one starts is not known.
    const spanOf = (line: number): LineSpan => ({
      offset: starts[line] ?? 0, next: line + 1 < plan.length ? starts[line + 1] : undefined,
    });
    const reader: SpanReader = {
      span: async (from, size) => {
        const b = Buffer.alloc(size);
        const { bytesRead } = await handle.read(b, 0, size, from);
        return b.subarray(0, bytesRead);
      },
      line: (offset) => readLineBytesAt(handle, offset),
    };
    try {
      await fc.assert(fc.asyncProperty(
        fc.array(fc.integer({ min: 0, max: plan.length - 1 }), { maxLength: 40 }),
        fc.integer({ min: 1, max: 20 }),
        fc.integer({ min: 0, max: 8000 }),
        fc.integer({ min: 1, max: 30000 }),
        async (lines, windowLines, gapBytes, maxReadBytes) => {
          const o = { windowLines, gapBytes, maxReadBytes, stopped: () => false };
          const got: string[] = [];
          const ahead = readLinesAhead(reader, (k) => spanOf(lines[k] ?? 0), lines.length, o);
          for await (const l of ahead) got.push(l.buffer.toString('latin1', l.start, l.end));
          const one: string[] = [];
          for (const line of lines)
            one.push((await readLineBytesAt(handle, spanOf(line).offset)).toString('latin1'));
          assert.equal(got, one);
        }), { numRuns: 200 });
    } finally {
      await handle.close();
    }
  });

test.run();
