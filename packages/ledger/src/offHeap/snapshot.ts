// An index's off-heap parts (columns, hash tables, string arenas) written as one run of bytes and
// read back as they were: how an index is kept across a restart instead of rebuilt from the log.
// Each part is a length and its bytes, 8-byte aligned, so a part read back from memory is a view
// on its bytes and one read from a file lands in memory of its own (no copy, nothing on the JS
// heap per row either way).
import { f64Column, i32Column, type F64Column, type I32Column } from './columns.ts';
import type { HashRows } from './hashRows.ts';
import type { StringArena } from './stringArena.ts';

/** The parts of a snapshot being written, in order. */
export interface SnapshotWriter {
  readonly parts: Uint8Array[];
  bytes: number;
}

/** An empty snapshot. */
export const snapshotWriter = (): SnapshotWriter => ({ parts: [], bytes: 0 });

const header = (n: number): Uint8Array => {
  const h = Buffer.alloc(8);
  h.writeDoubleLE(n, 0);
  return h;
};
const padding = (n: number): Uint8Array => Buffer.alloc((8 - (n % 8)) % 8);

/** Writes a run of bytes (its length first, then the bytes, padded to 8). */
export const writeBytes = (w: SnapshotWriter, bytes: Uint8Array): void => {
  const pad = padding(bytes.byteLength);
  w.parts.push(header(bytes.byteLength), bytes, pad);
  w.bytes += 8 + bytes.byteLength + pad.byteLength;
};

/** Writes a number (exact up to 2^53). */
export const writeNumber = (w: SnapshotWriter, n: number): void => {
  w.parts.push(header(n));
  w.bytes += 8;
};

// A lone surrogate has no UTF-8 form: Buffer.from would write U+FFFD and another string would
// be read back.
const loneSurrogate = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** Writes a string (UTF-8); one with a lone surrogate, which UTF-8 cannot hold, is refused. */
export const writeText = (w: SnapshotWriter, s: string): void => {
  if (loneSurrogate.test(s)) throw new RangeError('a string with a lone surrogate in a snapshot');
  writeBytes(w, Buffer.from(s, 'utf8'));
};

const bytesOf = (a: Float64Array | Int32Array, length: number): Uint8Array =>
  new Uint8Array(a.buffer, a.byteOffset, length * a.BYTES_PER_ELEMENT);

/** Writes the rows of a float64 column. */
export const writeF64 = (w: SnapshotWriter, c: F64Column): void =>
  writeBytes(w, bytesOf(c.data, c.length));

/** Writes the rows of an int32 column. */
export const writeI32 = (w: SnapshotWriter, c: I32Column): void =>
  writeBytes(w, bytesOf(c.data, c.length));

/** Writes a hash table (its slots as they are: read back, no key is placed again). */
export const writeHashRows = (w: SnapshotWriter, t: HashRows): void => {
  writeNumber(w, t.count);
  writeBytes(w, bytesOf(t.slots, t.slots.length));
};

/** Writes an arena's strings (each block up to its end: where a string is does not change). */
export const writeArena = (w: SnapshotWriter, a: StringArena): void => {
  writeNumber(w, a.blocks.length);
  a.blocks.forEach((b, i) => writeBytes(w, b.subarray(0, a.ends[i] ?? 0)));
};

/**
 * A snapshot being read, part after part: from memory (each part a view on its bytes) or from
 * a file (each part read into memory of its own, a column straight into an array with room to
 * grow). Every byte taken is fed to each hash in `taps`, in order.
 */
export interface SnapshotReader {
  /** Bytes taken so far, from the snapshot's start. */
  at: number;
  /** Where the snapshot ends. */
  readonly end: number;
  /** True when parts are read into memory of their own (views on nothing else). */
  readonly owned: boolean;
  /** The next `n` bytes (`at + n` within `end`, checked by the caller). */
  readonly take: (n: number) => Buffer;
  /** Fills `into` with the next bytes (`into.byteLength` of them). */
  readonly fill: (into: Uint8Array) => void;
  /**
   * Memory of `bytes` for a part read into memory of its own: a file's reader gives shared
   * memory, so that its hash is taken on another thread from the bytes as they lie.
   */
  readonly memory: (bytes: number) => ArrayBufferLike;
  readonly taps: Set<{ update: (b: Uint8Array) => unknown }>;
}

/** The snapshot in `buffer`, to be read from `at` (an 8-byte aligned offset). */
export const snapshotReader = (buffer: Buffer, at = 0): SnapshotReader => {
  const r: SnapshotReader = {
    at, end: buffer.length, owned: false, taps: new Set(),
    memory: (bytes) => new ArrayBuffer(bytes),
    take: (n) => {
      const bytes = buffer.subarray(r.at, r.at + n);
      r.at += n;
      for (const t of r.taps) t.update(bytes);
      return bytes;
    },
    fill: (into) => { into.set(r.take(into.byteLength)); },
  };
  return r;
};

/** A snapshot that ends before a part it should hold, or holds one out of shape. */
export class SnapshotShapeError extends Error {
  override readonly name = 'SnapshotShapeError';
}

/** Reads a number. */
export const readNumber = (r: SnapshotReader): number => {
  if (r.at + 8 > r.end) throw new SnapshotShapeError(`ends at byte ${r.at}`);
  return r.take(8).readDoubleLE(0);
};

// A part's length, checked against what the snapshot holds after it.
const partLength = (r: SnapshotReader): number => {
  const n = readNumber(r);
  if (!Number.isSafeInteger(n) || n < 0 || r.at + n > r.end) {
    throw new SnapshotShapeError(`a part of ${n} bytes at byte ${r.at - 8}`);
  }
  return n;
};

// Past the padding after a part of `n` bytes (padding counts in the snapshot's hash too).
const skipPadding = (r: SnapshotReader, n: number): void => {
  const pad = (8 - (n % 8)) % 8;
  if (pad === 0) return;
  if (r.at + pad > r.end) throw new SnapshotShapeError(`ends at byte ${r.at}`);
  r.take(pad);
};

/** Reads a run of bytes: a view on the snapshot's buffer, or bytes of its own from a file. */
export const readBytes = (r: SnapshotReader): Buffer => {
  const n = partLength(r);
  const bytes = r.take(n);
  skipPadding(r, n);
  return bytes;
};

/** Reads a string. */
export const readText = (r: SnapshotReader): string => readBytes(r).toString('utf8');

type Typed = Float64Array | Int32Array;
interface TypedMaker<A extends Typed> {
  new (buffer: ArrayBufferLike, offset: number, length: number): A;
  new (length: number): A;
  readonly BYTES_PER_ELEMENT: number;
}

// A typed array over the bytes: a view when they are aligned for it, else a copy.
const typed = <A extends Typed>(b: Buffer, make: TypedMaker<A>): A => {
  const size = make.BYTES_PER_ELEMENT;
  if (b.byteLength % size !== 0) throw new SnapshotShapeError(`${b.byteLength} bytes of ${size}`);
  if (b.byteOffset % size === 0) return new make(b.buffer, b.byteOffset, b.byteLength / size);
  const copy = new make(b.byteLength / size);
  new Uint8Array(copy.buffer).set(b);
  return copy;
};

/**
 * Room for a restored column of `rows` to grow by a quarter before it is copied. Without it
 * the first row pushed after an open copies the whole column into one twice its size (at 4M
 * rows, 32 MiB a float64 column): the first command paid that for every column it touched.
 * Pages of the room never written are never touched, so they cost address space only.
 */
export const restoredCapacity = (rows: number): number => rows + Math.max(1024, rows >> 2);

// A column's rows: read from a file straight into an array with room to grow, else a view.
const column = <A extends Typed>(r: SnapshotReader, make: TypedMaker<A>): { data: A;
  length: number } => {
  if (!r.owned) {
    const data = typed(readBytes(r), make);
    return { data, length: data.length };
  }
  const n = partLength(r);
  const size = make.BYTES_PER_ELEMENT;
  if (n % size !== 0) throw new SnapshotShapeError(`${n} bytes of ${size}`);
  const rows = restoredCapacity(n / size);
  const data = new make(r.memory(rows * size), 0, rows);
  r.fill(new Uint8Array(data.buffer, 0, n));
  skipPadding(r, n);
  return { data, length: n / size };
};

/** Reads a float64 column. */
export const readF64 = (r: SnapshotReader): F64Column => {
  const c = column(r, Float64Array);
  return c.length === 0 ? f64Column() : c;
};

/** Reads an int32 column. */
export const readI32 = (r: SnapshotReader): I32Column => {
  const c = column(r, Int32Array);
  return c.length === 0 ? i32Column() : c;
};

/** Reads a hash table. */
export const readHashRows = (r: SnapshotReader): HashRows => {
  const count = readNumber(r);
  const slots = typed(readBytes(r), Int32Array);
  const capacity = slots.length / 3;
  if (!Number.isInteger(capacity) || capacity < 16 || (capacity & (capacity - 1)) !== 0
    || !Number.isSafeInteger(count) || count < 0 || count * 10 > capacity * 7) {
    throw new SnapshotShapeError(`a hash table of ${slots.length} slots and ${count} keys`);
  }
  return { slots, count };
};

/**
 * Reads an arena. Its blocks are views on the snapshot, full up to their end: the next string
 * goes into a new block, as one that does not fit would.
 */
export const readArena = (r: SnapshotReader): StringArena => {
  const n = readNumber(r);
  if (!Number.isSafeInteger(n) || n < 0) throw new SnapshotShapeError(`an arena of ${n} blocks`);
  const blocks: Buffer[] = [];
  const ends: number[] = [];
  for (let i = 0; i < n; i++) {
    const b = readBytes(r);
    blocks.push(b);
    ends.push(b.length);
  }
  return { blocks, ends };
};
