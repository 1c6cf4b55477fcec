import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { f64Column, i32Column, pushF64, pushI32 } from './columns.ts';
import {
  readF64, readI32, readNumber, readText, restoredCapacity, snapshotWriter, writeF64, writeI32,
  writeNumber, writeText, type SnapshotWriter,
} from './snapshot.ts';
import { readSnapshotFile, writeSnapshotFile } from './snapshotFile.ts';

const inTemp = async (f: (dir: string) => Promise<void>): Promise<void> => {
  const dir = await mkdtemp(join(tmpdir(), 'usha-snapshot-file-'));
  try {
    await f(dir);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
};

// A float64 column of 5,000 rows and an int32 column of 3 rows, then a text.
const sample = (): SnapshotWriter => {
  const f = f64Column(8);
  for (let i = 0; i < 5_000; i++) pushF64(f, i / 4);
  const n = i32Column(8);
  for (const v of [7, -1, 2 ** 31 - 1]) pushI32(n, v);
  const w = snapshotWriter();
  writeF64(w, f);
  writeI32(w, n);
  writeText(w, 'loan-L-1');
  return w;
};

test('a column read from a file has room to grow: the next rows are pushed without a copy',
  () => inTemp(async (dir) => {
    const file = join(dir, 'columns.snapshot');
    await writeSnapshotFile(file, sample());
    const read = await readSnapshotFile(file, (r) => {
      const f = readF64(r);
      const n = readI32(r);
      return { f, n, text: readText(r), end: r.at === r.end };
    });
    if (!read.found) throw new Error(read.reason);
    const { f, n, text, end } = read.value;
    assert.equal([f.length, f.data.length, restoredCapacity(5_000)], [5_000, 6_250, 6_250]);
    assert.equal([n.length, n.data.length], [3, 1_027]);
    assert.equal([f.data[4_999], ...n.data.subarray(0, 3), text, end],
      [1_249.75, 7, -1, 2 ** 31 - 1, 'loan-L-1', true]);
    const before = f.data;
    for (let i = 0; i < 1_250; i++) pushF64(f, -i);
    assert.ok(f.data === before, 'a quarter more rows fit in the array read');
    pushF64(f, 1);
    assert.equal([f.length, f.data.length, f.data[6_250], f.data[4_999]],
      [6_251, 12_500, 1, 1_249.75]);
  }));

test('a file garbled where parse never reads is still refused by its SHA-256', () =>
  inTemp(async (dir) => {
    const file = join(dir, 'tail.snapshot');
    await writeSnapshotFile(file, sample());
    const bytes = await readFile(file);
    const at = bytes.length - 3; // inside the text, after the columns
    bytes.writeUInt8(bytes.readUInt8(at) ^ 1, at);
    await writeFile(file, bytes);
    const read = await readSnapshotFile(file, (r) => readNumber(r));
    assert.equal(read, { found: false,
      reason: 'its SHA-256 does not match: changed or damaged' });
  }));

test('what parse throws on a garbled file is answered with the SHA-256 mismatch', () =>
  inTemp(async (dir) => {
    const file = join(dir, 'garbled.snapshot');
    await writeSnapshotFile(file, sample());
    const bytes = await readFile(file);
    const at = 56 + 8; // the first row of the first column
    bytes.writeUInt8(bytes.readUInt8(at) ^ 0x40, at);
    await writeFile(file, bytes);
    const read = await readSnapshotFile(file, (r) => {
      if (readF64(r).data[0] !== 0) throw new TypeError('a row out of place');
      return 'restored';
    });
    assert.equal(read, { found: false,
      reason: 'its SHA-256 does not match: changed or damaged' });
  }));

test('what parse throws on an intact file is thrown, not hidden', () =>
  inTemp(async (dir) => {
    const file = join(dir, 'intact.snapshot');
    const w = snapshotWriter();
    writeNumber(w, 1);
    await writeSnapshotFile(file, w);
    try {
      await readSnapshotFile(file, () => { throw new TypeError('a defect in parse'); });
      assert.unreachable('parse threw');
    } catch (e) {
      assert.ok(e instanceof TypeError && e.message === 'a defect in parse', String(e));
    }
  }));

// A column of 200,000 rows (1.6 MB): past the size read into shared memory and hashed there,
// on the hash worker, while the read goes on.
const wide = (): SnapshotWriter => {
  const f = f64Column(8);
  for (let i = 0; i < 200_000; i++) pushF64(f, i);
  const w = snapshotWriter();
  writeF64(w, f);
  writeText(w, 'end');
  return w;
};

test('a large column is read into shared memory, rows as written, hashed on the worker', () =>
  inTemp(async (dir) => {
    const file = join(dir, 'wide.snapshot');
    await writeSnapshotFile(file, wide());
    const read = await readSnapshotFile(file, (r) => ({ f: readF64(r), text: readText(r) }));
    if (!read.found) throw new Error(read.reason);
    const { f, text } = read.value;
    assert.ok(f.data.buffer instanceof SharedArrayBuffer, 'the column is in shared memory');
    assert.equal([f.length, f.data[0], f.data[123_456], f.data[199_999], text],
      [200_000, 0, 123_456, 199_999, 'end']);
  }));

test('a byte flipped in a column hashed on the worker: refused, its rows never returned', () =>
  inTemp(async (dir) => {
    const file = join(dir, 'flipped.snapshot');
    await writeSnapshotFile(file, wide());
    const bytes = await readFile(file);
    const at = 56 + 8 + 8 * 150_000 + 3; // inside row 150,000 of the column
    bytes.writeUInt8(bytes.readUInt8(at) ^ 0x10, at);
    await writeFile(file, bytes);
    let parsedRow: number | undefined;
    const read = await readSnapshotFile(file, (r) => {
      const f = readF64(r);
      parsedRow = f.data[150_000];
      return f;
    });
    assert.ok(parsedRow !== 150_000, 'the parse saw the changed row');
    assert.equal(read, { found: false,
      reason: 'its SHA-256 does not match: changed or damaged' });
  }));

test('no file, a file of other bytes and a file cut short are told apart', () =>
  inTemp(async (dir) => {
    const file = join(dir, 'cut.snapshot');
    assert.equal(await readSnapshotFile(file, readNumber),
      { found: false, reason: 'no snapshot' });
    await writeFile(file, 'not a snapshot at all, but long enough to hold a header of 56 bytes');
    assert.equal(await readSnapshotFile(file, readNumber),
      { found: false, reason: 'not a snapshot file' });
    await writeSnapshotFile(file, sample());
    const bytes = await readFile(file);
    await writeFile(file, bytes.subarray(0, bytes.length - 8));
    const body = bytes.length - 56;
    assert.equal(await readSnapshotFile(file, readNumber),
      { found: false, reason: `${body - 8} bytes, not ${body}` });
  }));

test('a directory, or a name that cannot be opened, in the snapshot\'s place is set aside, '
  + 'saying why', () =>
  inTemp(async (dir) => {
    const inPlace = join(dir, 'a-directory.snapshot');
    await mkdir(inPlace);
    assert.equal(await readSnapshotFile(inPlace, readNumber),
      { found: false, reason: 'not a file' });
    assert.equal(await readSnapshotFile(join(dir, 'x'.repeat(300)), readNumber),
      { found: false, reason: 'could not be opened (ENAMETOOLONG)' });
    await writeFile(join(dir, 'plain'), 'a file');
    assert.equal(await readSnapshotFile(join(dir, 'plain', 'below'), readNumber),
      { found: false, reason: 'could not be opened (ENOTDIR)' });
  }));

test.run();
