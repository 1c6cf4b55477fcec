import { read, readSync } from 'node:fs';
import type { FileHandle } from 'node:fs/promises';
import { readLineBytesAt } from './readLineAt.ts';

/** Where a wanted line starts, and where the next line starts when the index knows it. */
export interface LineSpan {
  readonly offset: number;
  readonly next: number | undefined;
}

/** A line's bytes, without its newline: `buffer[start, end)`, read from `offset`. */
export interface LineBytes {
  readonly buffer: Buffer;
  readonly start: number;
  readonly end: number;
  readonly offset: number;
}

/** How far a read runs ahead of its consumer. */
export interface ReadAheadOptions {
  /** Lines read but not yet yielded, at most. */
  readonly windowLines: number;
  /** Lines this far apart, or closer, are read with one read. */
  readonly gapBytes: number;
  /** One read covers at most this many bytes. */
  readonly maxReadBytes: number;
  /** True once no more reads may be issued (the store closed). */
  readonly stopped: () => boolean;
}

/** The defaults of a stream read: 16 lines ahead, reads of up to 64 KiB. */
export const streamReadAhead = { windowLines: 16, gapBytes: 4096, maxReadBytes: 65536 };

/** The two reads a read ahead makes: a span of bytes, and a line whose end is not known. */
export interface SpanReader {
  readonly span: (from: number, size: number) => Promise<Buffer>;
  readonly line: (offset: number) => Promise<Buffer>;
}

/**
 * The bytes a read makes by synchronous calls, at most, before the rest go through the thread
 * pool: a command's reads (a few events) are made at once; a long read, after its first
 * 64 KiB, lets the event loop run between its batches, as every read did before.
 */
export const syncReadBytes = 64 * 1024;

/**
 * The reads of `handle`, for one read: spans read by `fs.read` on its descriptor, through the
 * thread pool; the first `syncBytes` of them (0 by default) by a synchronous call on the main
 * thread instead, as the store's durable writes are made by default. A line a command reads is
 * almost always in the page cache (the store wrote it, or read it lately): there a synchronous
 * read of 1 KiB took 3.5-4.2 µs, where the thread pool's round trip took 42-53 µs on the machine
 * measured (docs/benchmarks.md); the loop waits on the disk only for a line that is not cached.
 */
export const handleReader = (handle: FileHandle, syncBytes = 0): SpanReader => {
  let left = syncBytes;
  return {
    span: (from, size) => {
      if (size > left) return readSpan(handle, from, size);
      left -= size;
      return readSpanNow(handle, from, size);
    },
    line: (offset) => readLineBytesAt(handle, offset),
  };
};

interface Batch {
  readonly read: Promise<Buffer>;
  readonly from: number; // the file offset of buffer[0]
  readonly spans: LineSpan[];
  taken: number;
}

const noop = () => undefined;

/** Reads the lines of `spans(k)` for k < count, yielding them strictly in that order, with up
 *  to `windowLines` read ahead in parallel and lines close together read with one read. */
export async function* readLinesAhead(
  reader: SpanReader, spans: (k: number) => LineSpan, count: number, o: ReadAheadOptions,
): AsyncGenerator<LineBytes> {
  const queue: Batch[] = [];
  let issued = 0;
  const issue = (yielded: number) => {
    while (issued < count && issued - yielded < o.windowLines && !o.stopped()) {
      const batch = batchFrom(reader, spans, issued, Math.min(count, yielded + o.windowLines), o);
      // A read left behind when the consumer stops must not raise an unhandled rejection.
      batch.read.catch(noop);
      queue.push(batch);
      issued += batch.spans.length;
    }
  };
  for (let k = 0; k < count; k++) {
    issue(k);
    const head = queue[0];
    if (head === undefined) return; // stopped: the caller refuses or ends
    const buffer = await head.read;
    const span = head.spans[head.taken++] as LineSpan;
    if (head.taken === head.spans.length) queue.shift();
    yield lineIn(buffer, head.from, span);
  }
}

// The spans from k on (up to `limit`) that one read covers: each next one within `gapBytes`
// of the bytes covered so far, all within `maxReadBytes`, and each with its end known.
const batchFrom = (
  reader: SpanReader, spans: (k: number) => LineSpan, k: number, limit: number,
  o: ReadAheadOptions,
): Batch => {
  const first = spans(k);
  if (first.next === undefined) {
    return { read: reader.line(first.offset), from: first.offset, spans: [first],
      taken: 0 };
  }
  let lo = first.offset;
  let hi = first.next;
  const taken = [first];
  for (let j = k + 1; j < limit; j++) {
    const s = spans(j);
    if (s.next === undefined) break;
    const newLo = Math.min(lo, s.offset);
    const newHi = Math.max(hi, s.next);
    const apart = s.offset >= hi ? s.offset - hi : s.next <= lo ? lo - s.next : 0;
    if (apart > o.gapBytes || newHi - newLo > o.maxReadBytes) break;
    lo = newLo;
    hi = newHi;
    taken.push(s);
  }
  return { read: reader.span(lo, hi - lo), from: lo, spans: taken, taken: 0 };
};

// The same read as readSpan's, made now: it cannot race the store's close (nothing runs
// meanwhile), and after one the descriptor is -1, which the call refuses.
const readSpanNow = (handle: FileHandle, from: number, size: number): Promise<Buffer> => {
  try {
    const buffer = Buffer.allocUnsafe(size);
    return Promise.resolve(buffer.subarray(0, readSync(handle.fd, buffer, 0, size, from)));
  } catch (e) {
    return Promise.reject(e instanceof Error ? e : new Error(String(e)));
  }
};

// fs.read on the handle's descriptor, not FileHandle.read: the same read on the thread pool,
// without the promise machinery of the FileHandle API (a third of a read's CPU). Its close does
// not wait for such a read, so one may race it: its bytes are never yielded (the store checks
// it is open before each line) and a pread has no effect on the descriptor, whatever it is.
const readSpan = (handle: FileHandle, from: number, size: number): Promise<Buffer> =>
  new Promise((resolve, reject) => {
    const buffer = Buffer.allocUnsafe(size);
    read(handle.fd, buffer, 0, size, from, (e, bytesRead) => {
      if (e === null) resolve(buffer.subarray(0, bytesRead));
      else reject(e);
    });
  });

// A line's bytes within its batch: up to its first newline, which is where the next line
// starts unless the file changed (then the line's hash check refuses it).
const lineIn = (buffer: Buffer, from: number, span: LineSpan): LineBytes => {
  if (span.next === undefined) {
    return { buffer, start: 0, end: buffer.length, offset: span.offset };
  }
  const start = span.offset - from;
  const stop = Math.min(span.next - from, buffer.length);
  const end = stop > start && buffer[stop - 1] === 10 ? stop - 1 : buffer.indexOf(10, start);
  if (end === -1 || end >= stop) throw new Error(`no complete line at byte ${span.offset}`);
  return { buffer, start, end, offset: span.offset };
};
