import { mkdtemp, open, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { StoreCorruptError } from '../eventStore/errors.ts';
import { openFileEventStore } from './fileEventStore.ts';
import { idOf, note, noteSchema } from './noteSchema.fixture.ts';
import {
  handleReader, readLinesAhead, streamReadAhead, type LineSpan, type SpanReader,
} from './readAhead.ts';

const dir = await mkdtemp(join(tmpdir(), 'usha-read-ahead-'));
test.after(() => rm(dir, { recursive: true, force: true }));

// Every other one of 200 lines of 5,000 bytes: each further from the next than a read joins.
const farApart = async (file: string): Promise<LineSpan[]> => {
  const line = 'x'.repeat(4999);
  await writeFile(file, `${line}\n`.repeat(200));
  return Array.from({ length: 100 }, (_, i) => ({
    offset: 2 * i * 5000, next: (2 * i + 1) * 5000,
  }));
};

const counting = (reader: SpanReader) => {
  const counts = { reads: 0 };
  const counted: SpanReader = {
    span: (from, size) => { counts.reads++; return reader.span(from, size); },
    line: (offset) => { counts.reads++; return reader.line(offset); },
  };
  return { counts, counted };
};

test('a read stopped early issues no more reads than its window', async () => {
  const file = join(dir, 'far.ndjson');
  const spans = await farApart(file);
  const handle = await open(file, 'r');
  try {
    const { counts, counted } = counting(handleReader(handle));
    const o = { ...streamReadAhead, stopped: () => false };
    for await (const _ of readLinesAhead(counted, (k) => spans[k] as LineSpan, 100, o)) break;
    assert.is(counts.reads, 16);
    // Fewer wanted than the window: no more reads than lines wanted.
    const few = counting(handleReader(handle));
    let n = 0;
    for await (const _ of readLinesAhead(few.counted, (k) => spans[k] as LineSpan, 3, o)) n++;
    assert.is(n, 3);
    assert.is(few.counts.reads, 3);
  } finally {
    await handle.close();
  }
});

test('lines close together are read with one read, and yielded as lines', async () => {
  const file = join(dir, 'close.ndjson');
  await writeFile(file, 'ab\ncde\n\nf\n');
  const spans = [{ offset: 0, next: 3 }, { offset: 3, next: 7 }, { offset: 8, next: 10 }];
  const handle = await open(file, 'r');
  try {
    const { counts, counted } = counting(handleReader(handle));
    const lines: string[] = [];
    const o = { ...streamReadAhead, stopped: () => false };
    for await (const l of readLinesAhead(counted, (k) => spans[k] as LineSpan, 3, o)) {
      lines.push(l.buffer.toString('utf8', l.start, l.end));
    }
    assert.equal(lines, ['ab', 'cde', 'f']);
    assert.is(counts.reads, 1);
  } finally {
    await handle.close();
  }
});

test('a stopped read ahead issues nothing more', async () => {
  const file = join(dir, 'stopped.ndjson');
  const spans = await farApart(file);
  const handle = await open(file, 'r');
  try {
    const { counts, counted } = counting(handleReader(handle));
    let stop = false;
    const o = { ...streamReadAhead, stopped: () => stop };
    let n = 0;
    for await (const _ of readLinesAhead(counted, (k) => spans[k] as LineSpan, 100, o)) {
      n++;
      stop = true;
    }
    assert.is(counts.reads, 16);
    assert.is(n, 16); // what was read before it stopped; the store refuses it (closed)
  } finally {
    await handle.close();
  }
});

// Ten lines: loan-1 and loan-2 alternating, one event per append.
const writeLog = async (file: string) => {
  const store = await openFileEventStore({ file, schema: noteSchema });
  for (let i = 1; i <= 10; i++)
    await store.appendToStream(`loan-${i % 2}`, [note(idOf(i), `n${i}`)]);
  return store;
};

const refused = async (read: () => Promise<unknown>) => {
  try {
    await read();
    assert.unreachable('a changed line was read');
  } catch (e) {
    assert.instance(e, StoreCorruptError);
  }
};

test('a line rewritten on disk after the open is refused by a read ahead', async () => {
  const file = join(dir, 'rewritten.ndjson');
  const store = await writeLog(file);
  try {
    const text = await readFile(file, 'utf8');
    const lines = text.split('\n');
    // One byte changed in line 5 (loan-1, revision 2): its hash no longer matches.
    const at = text.indexOf('"n5"');
    const w = await open(file, 'r+');
    await w.write('"n7"', at);
    await refused(async () => {
      for await (const _ of store.readStream('loan-1')) continue;
    });
    await refused(async () => {
      for await (const _ of store.readStream('loan-1', { direction: 'backwards' })) continue;
    });
    // Line 3 put back and line 5 overwritten with line 3, hash and all: a valid line, but
    // not the one the store verified there.
    await w.write(`"n5"`, at);
    const three = lines[2] ?? '';
    assert.is(three.length, (lines[4] ?? '').length);
    await w.write(three, text.indexOf(lines[4] ?? ''));
    await w.close();
    await refused(async () => {
      for await (const _ of store.readStream('loan-1', { fromRevision: 2n })) continue;
    });
    // The lines before it still read.
    const first: string[] = [];
    for await (const e of store.readStream('loan-1', { maxCount: 2 })) first.push(e.eventId);
    assert.equal(first, [idOf(1), idOf(3)]);
  } finally {
    await store.close();
  }
});

test('a closed store refuses a read ahead under way', async () => {
  const file = join(dir, 'closed.ndjson');
  const store = await writeLog(file);
  const reads = store.readStream('loan-0')[Symbol.asyncIterator]();
  assert.is((await reads.next()).done, false);
  await store.close();
  try {
    await reads.next();
    assert.unreachable('a closed store read on');
  } catch (e) {
    assert.match(String(e), /closed/);
  }
});

test.run();
