import fc from 'fast-check';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { f64Column, i32Column, pushF64, pushI32 } from './columns.ts';
import { addRow, findRow, hashRows } from './hashRows.ts';
import {
  readArena, readBytes, readF64, readHashRows, readI32, readNumber, readText, snapshotReader,
  snapshotWriter, SnapshotShapeError, writeArena, writeBytes, writeF64, writeHashRows, writeI32,
  writeNumber, writeText, type SnapshotReader, type SnapshotWriter,
} from './snapshot.ts';
import { addString, stringArena, stringAt } from './stringArena.ts';

// One part of each kind, as a value to write and the plain form it must be read back as.
type Part = { kind: string; write: (w: SnapshotWriter) => void; plain: unknown;
  read: (r: SnapshotReader) => unknown };

const numbers = fc.array(fc.double(), { maxLength: 40 });
const ints = fc.array(fc.integer({ min: -(2 ** 31), max: 2 ** 31 - 1 }), { maxLength: 40 });
const rowsOf = (t: ReturnType<typeof hashRows>, keys: ReadonlyArray<[number, number]>) =>
  keys.map(([a, b]) => {
    const rows: number[] = [];
    findRow(t, Int32Array.of(a, b), (row) => (rows.push(row), false));
    return rows.sort((x, y) => x - y);
  });

const partArb: fc.Arbitrary<Part> = fc.oneof(
  fc.double().map((n) => ({ kind: 'number', write: (w: SnapshotWriter) => writeNumber(w, n),
    plain: n, read: readNumber })),
  fc.string({ unit: 'grapheme' }).map((s) => ({ kind: 'text',
    write: (w: SnapshotWriter) => writeText(w, s), plain: s, read: readText })),
  fc.uint8Array({ maxLength: 30 }).map((b) => ({ kind: 'bytes',
    write: (w: SnapshotWriter) => writeBytes(w, b), plain: [...b],
    read: (r: SnapshotReader) => [...readBytes(r)] })),
  numbers.map((xs) => {
    const c = f64Column(4);
    for (const x of xs) pushF64(c, x);
    return { kind: 'f64', write: (w: SnapshotWriter) => writeF64(w, c), plain: xs,
      read: (r: SnapshotReader) => {
        const back = readF64(r);
        return [...back.data.subarray(0, back.length)];
      } };
  }),
  ints.map((xs) => {
    const c = i32Column(4);
    for (const x of xs) pushI32(c, x);
    return { kind: 'i32', write: (w: SnapshotWriter) => writeI32(w, c), plain: xs,
      read: (r: SnapshotReader) => {
        const back = readI32(r); // grows by copying when pushed to, keeping its rows
        pushI32(back, 7);
        return [...back.data.subarray(0, back.length - 1)];
      } };
  }),
  fc.array(fc.tuple(fc.integer({ min: -5, max: 40 }), fc.integer({ min: -3, max: 3 })),
    { maxLength: 60 }).map((keys) => {
    const t = hashRows(16);
    keys.forEach(([a, b], row) => addRow(t, Int32Array.of(a, b), row));
    return { kind: 'rows', write: (w: SnapshotWriter) => writeHashRows(w, t),
      plain: rowsOf(t, keys), read: (r: SnapshotReader) => rowsOf(readHashRows(r), keys) };
  }),
  fc.array(fc.string({ unit: 'grapheme', maxLength: 20 }), { maxLength: 20 }).map((ss) => {
    const a = stringArena();
    const at = ss.map((s) => addString(a, s));
    return { kind: 'arena', write: (w: SnapshotWriter) => writeArena(w, a), plain: ss,
      read: (r: SnapshotReader) => {
        const back = readArena(r);
        return at.map((p) => stringAt(back, p));
      } };
  }),
);

test('what is written is read back as it was, for any parts in any order', () => {
  fc.assert(fc.property(fc.array(partArb, { maxLength: 12 }), (parts) => {
    const w = snapshotWriter();
    for (const p of parts) p.write(w);
    const body = Buffer.concat(w.parts);
    assert.is(body.length, w.bytes);
    const r = snapshotReader(body);
    for (const p of parts) assert.equal(p.read(r), p.plain, p.kind);
    assert.is(r.at, body.length);
    try {
      readNumber(r);
      assert.unreachable('read past the end');
    } catch (e) {
      assert.instance(e, SnapshotShapeError);
    }
  }));
});

test('a string UTF-8 cannot hold (a lone surrogate) is refused, not changed', () => {
  assert.throws(() => writeText(snapshotWriter(), 'loan-\ud800'), RangeError);
  const w = snapshotWriter();
  writeText(w, 'loan-\ud83d\ude00'); // a pair is one character
  assert.is(readText(snapshotReader(Buffer.concat(w.parts))), 'loan-\ud83d\ude00');
});

test.run();
