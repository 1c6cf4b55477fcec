import { mkdtemp, open, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import fc from 'fast-check';
import { readLineChunks, type LineTail } from './lineReader.ts';

const dir = await mkdtemp(join(tmpdir(), 'usha-lines-'));
test.after(() => rm(dir, { recursive: true, force: true }));

interface Read {
  readonly lines: string[];
  tail: LineTail | undefined;
}

const readAllLines = async (file: string, from: number, to: number, chunk: number) => {
  const handle = await open(file, 'r');
  const read: Read = { lines: [], tail: undefined };
  try {
    const onTail = (t: LineTail) => (read.tail = t);
    for await (const c of readLineChunks(handle, from, to, onTail, chunk)) {
      for (let i = 0; i < c.lines; i++) {
        const start = c.bounds[i] ?? 0;
        const end = (c.bounds[i + 1] ?? 0) - 1;
        assert.is(c.buffer[end], 10, 'a line ends at its newline');
        const text = c.buffer.toString('utf8', start, end);
        assert.is(c.ascii ? /^[\x00-\x7f]*$/.test(text) : true, true, 'ascii is told truly');
        read.lines.push(`${c.offset + start}:${text}`);
        c.buffer[start] = 0x21; // the caller owns the buffer: writing to it must not matter
      }
    }
  } finally {
    await handle.close();
  }
  return read;
};

const lineText = fc.string({ unit: fc.constantFrom('a', 'b', 'é', '{', '"'), maxLength: 40 });

test('each complete line is read once, in order, at its offset, for any chunk size', async () => {
  await fc.assert(
    fc.asyncProperty(
      fc.array(lineText, { maxLength: 30 }),
      lineText,
      fc.integer({ min: 1, max: 64 }),
      async (lines, tail, chunk) => {
        const file = join(dir, 'lines.txt');
        const text = lines.map((l) => `${l}\n`).join('') + tail;
        await writeFile(file, text);
        const size = Buffer.byteLength(text);
        const read = await readAllLines(file, 0, size, chunk);
        let offset = 0;
        const expected = lines.map((l) => {
          const at = offset;
          offset += Buffer.byteLength(l) + 1;
          return `${at}:${l}`;
        });
        assert.equal(read.lines, expected);
        assert.equal(read.tail, tail === '' ? undefined : { offset, writtenEnd: size });
      },
    ),
    { numRuns: 200 },
  );
});

test('in a range ending in zeros, the first zero ends the lines at its line\'s start, and the '
  + 'tail tells it and where the bytes that are not zero end, for any chunk size', async () => {
  await fc.assert(
    fc.asyncProperty(
      fc.array(lineText, { minLength: 1, maxLength: 20 }),
      fc.nat(),
      fc.integer({ min: 1, max: 100 }),
      fc.integer({ min: 1, max: 64 }),
      async (lines, zeroAt, zerosAfter, chunk) => {
        const file = join(dir, 'zeros.txt');
        const bytes = Buffer.from(lines.map((l) => `${l}\n`).join(''));
        const zero = zeroAt % bytes.length;
        bytes[zero] = 0; // a zero in some line (its newline too), then zeros after the lines
        await writeFile(file, Buffer.concat([bytes, Buffer.alloc(zerosAfter)]));
        const size = bytes.length + zerosAfter;
        const read = await readAllLines(file, 0, size, chunk);
        // (lastIndexOf counts a negative offset from the end: a zero at 0 is its own case.)
        const lineStart = zero === 0 ? 0 : bytes.lastIndexOf(10, zero - 1) + 1;
        const before = bytes.subarray(0, lineStart).toString().split('\n').slice(0, -1);
        assert.equal(read.lines.length, before.length);
        const lastByte = bytes.findLastIndex((b) => b !== 0);
        const writtenEnd = Math.max(zero, lastByte + 1);
        assert.equal(read.tail, { offset: lineStart, zeroAt: zero, writtenEnd });
      },
    ),
    { numRuns: 200 },
  );
});

test('in a range ending in a byte that is not zero, a zero byte is read as any other, for any '
  + 'chunk size (the checks of its line then refuse it)', async () => {
  await fc.assert(
    fc.asyncProperty(
      fc.array(lineText, { minLength: 2, maxLength: 20 }),
      fc.nat(),
      fc.integer({ min: 1, max: 64 }),
      async (lines, zeroAt, chunk) => {
        const file = join(dir, 'zero-inside.txt');
        const bytes = Buffer.from(lines.map((l) => `${l}\n`).join(''));
        bytes[zeroAt % (bytes.length - 1)] = 0; // never the last newline
        await writeFile(file, bytes);
        const read = await readAllLines(file, 0, bytes.length, chunk);
        let offset = 0;
        const expected = bytes.toString('latin1').split('\n').slice(0, -1).map((l) => {
          const at = offset;
          offset += Buffer.byteLength(l, 'latin1') + 1;
          return `${at}:${Buffer.from(l, 'latin1').toString('utf8')}`;
        });
        assert.equal(read.lines, expected);
        assert.is(read.tail, undefined);
      },
    ),
    { numRuns: 200 },
  );
});

test('reads only between the two offsets', async () => {
  const file = join(dir, 'range.txt');
  await writeFile(file, 'one\ntwo\nthree\nfour\n');
  const read = await readAllLines(file, 4, 14, 3);
  assert.equal(read.lines, ['4:two', '8:three']);
  assert.is(read.tail, undefined);
});

test('a read of a few lines holds a buffer of their bytes, not a whole chunk', async () => {
  // A Ledger's catch-up reads the few lines appended since it last looked, at every command:
  // a chunk-sized buffer for each was a megabyte allocated and scanned (its fresh pages faulted
  // in) for a read of a kilobyte.
  const file = join(dir, 'few.txt');
  await writeFile(file, 'one\ntwo\nthree\nfour\n');
  const handle = await open(file, 'r');
  const sizes: number[] = [];
  try {
    for await (const chunk of readLineChunks(handle, 4, 19)) sizes.push(chunk.buffer.length);
  } finally {
    await handle.close();
  }
  assert.equal(sizes, [15]);
});

test('a reader that stops early leaves no read in flight: the file closes at once', async () => {
  const file = join(dir, 'early.txt');
  await writeFile(file, 'x'.repeat(99).concat('\n').repeat(1000));
  const handle = await open(file, 'r');
  let chunks = 0;
  for await (const chunk of readLineChunks(handle, 0, 100_000, undefined, 1000)) {
    chunks += chunk.lines > 0 ? 1 : 0;
    if (chunks === 2) break;
  }
  await handle.close();
  assert.is(chunks, 2);
});

test.run();
