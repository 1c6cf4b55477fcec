import {
  f64Column, i32Column, pushF64, pushI32, type F64Column, type I32Column,
} from '../offHeap/columns.ts';
import { addRow, findRow, firstRow, hashRows, type HashRows } from '../offHeap/hashRows.ts';
import { keyOf as key64, type KeyOf } from '../offHeap/keyHash.ts';
import type { ScannedLine } from './scanLog.ts';

/**
 * What the file store keeps in memory instead of the events, in typed arrays outside the JS
 * heap (a log of a million streams would not fit a small heap as Maps of strings): the byte
 * offset of every line in order; for each line, the line before it in its stream; streams
 * numbered in order of first appearance, by a 64-bit key of the name, with their length and
 * last line; event ids by 64-bit key, pointing at the lines that may hold them. No stream name
 * or id is kept: a hit is confirmed by reading the line back (see `streamNumber`), and the few
 * names whose key an earlier name already had are kept by name in `collided`. About 30 to 46
 * bytes an event and 25 to 42 a stream (as the hash tables fill), none of it on the heap.
 */
export interface FileIndex {
  readonly lines: F64Column;
  /** Line number of the line before in the same stream, or -1: a stream's lines, backwards. */
  readonly previousInStream: I32Column;
  /** Stream name key -> stream number. */
  readonly streamKeys: HashRows;
  readonly streamLength: I32Column;
  readonly streamLast: I32Column;
  /** Streams whose name's key was taken by an earlier stream's: by name, exactly. */
  readonly collided: Map<string, number>;
  /** Names already confirmed by reading a line back, so a busy stream is read back once. */
  readonly confirmed: Map<string, number>;
  /** Event id key -> line numbers. */
  readonly ids: HashRows;
  /** Reads the stream name of the line at a byte offset (the rare path: confirming a key). */
  readonly streamOfLine: (offset: number) => string;
  readonly keyOf: KeyOf;
  /**
   * The stream of the line indexed last, and its number: the lines of an append share one,
   * so its key is hashed once an append, not once a line (a name's number never changes).
   */
  readonly last: { stream: string | undefined; number: number };
}

// Bounded so the heap stays small however many streams are touched; cleared when full, since
// the busy streams are confirmed again at the cost of one read each.
const confirmedMax = 4096;

/** The parts of an index a checkpoint keeps: the rest is rebuilt or relearnt. */
export type StoredIndex = Pick<FileIndex,
  | 'lines' | 'previousInStream' | 'streamKeys' | 'streamLength' | 'streamLast' | 'collided'
  | 'ids'>;

/** An index from stored parts (a checkpoint's), confirming stream keys with `streamOfLine`. */
export const restoredIndex = (
  stored: StoredIndex, streamOfLine: (offset: number) => string, keyOf: KeyOf = key64,
): FileIndex => ({
  ...stored, confirmed: new Map(), streamOfLine, keyOf, last: { stream: undefined, number: -1 },
});

/** An empty index, confirming stream keys with `streamOfLine`. */
export const emptyIndex = (
  streamOfLine: (offset: number) => string, keyOf: KeyOf = key64,
): FileIndex => restoredIndex({
  lines: f64Column(), previousInStream: i32Column(), streamKeys: hashRows(),
  streamLength: i32Column(), streamLast: i32Column(), collided: new Map(), ids: hashRows(),
}, streamOfLine, keyOf);

/**
 * Adds a line to the index; lines must come in log order, verified, with their revisions (the
 * scan checked them, or the committer assigned them from `streamLength`). Revision 0 starts a
 * stream, so a known key at revision 0 is a collision and no read is needed to tell. `idKey`
 * is `index.keyOf(line.eventId)` if the caller has it already (the committer does).
 */
export const indexLine = (index: FileIndex, line: ScannedLine, idKey?: Int32Array): void => {
  let s: number;
  if (line.revision === 0) {
    s = pushI32(index.streamLength, 0);
    pushI32(index.streamLast, -1);
    const k = index.keyOf(line.stream);
    if (firstRow(index.streamKeys, k) >= 0) index.collided.set(line.stream, s);
    else addRow(index.streamKeys, k, s);
  } else if (line.stream === index.last.stream) {
    s = index.last.number;
  } else {
    s = index.collided.get(line.stream) ?? -1;
    if (s < 0) {
      const k = index.keyOf(line.stream);
      s = firstRow(index.streamKeys, k);
      if (s < 0) throw new Error(`unreachable: revision ${line.revision} of a new stream`);
    }
  }
  index.last.stream = line.stream;
  index.last.number = s;
  const n = pushF64(index.lines, line.offset);
  pushI32(index.previousInStream, index.streamLast.data[s] ?? -1);
  index.streamLast.data[s] = n;
  index.streamLength.data[s] = (index.streamLength.data[s] ?? 0) + 1;
  addRow(index.ids, idKey ?? index.keyOf(line.eventId), n);
};

/** The number of a stored stream (exact: a key's hit is confirmed), or -1 if none. */
export const streamNumber = (index: FileIndex, stream: string): number => {
  const known = index.collided.get(stream) ?? index.confirmed.get(stream);
  if (known !== undefined) return known;
  const k = index.keyOf(stream);
  const s = firstRow(index.streamKeys, k);
  if (s < 0) return -1;
  const last = index.lines.data[index.streamLast.data[s] ?? 0] ?? 0;
  if (index.streamOfLine(last) !== stream) return -1; // another name's key: this one is new
  if (index.confirmed.size >= confirmedMax) index.confirmed.clear();
  index.confirmed.set(stream, s);
  return s;
};

/** Events stored in `stream` (0 if none). */
export const streamLength = (index: FileIndex, stream: string): number => {
  const s = streamNumber(index, stream);
  return s < 0 ? 0 : index.streamLength.data[s] ?? 0;
};

/**
 * Byte offsets of the stream's lines, by revision, from `from` on (a forward read from there
 * needs no more; the entries before it are left 0); undefined if the stream has none. The
 * lines are found from the last one backwards, so a read of a stream's tail, the usual one,
 * walks only the tail.
 */
export const streamOffsets = (
  index: FileIndex, stream: string, from: bigint | 'start' | 'end' = 'start',
): Float64Array | undefined => {
  const s = streamNumber(index, stream);
  if (s < 0) return undefined;
  const offsets = new Float64Array(index.streamLength.data[s] ?? 0);
  const first = from === 'start' ? 0 : from === 'end' ? offsets.length - 1 : Number(from);
  let line = index.streamLast.data[s] ?? -1;
  for (let r = offsets.length - 1; r >= first && r >= 0 && line >= 0; r--) {
    offsets[r] = index.lines.data[line] ?? 0;
    line = index.previousInStream.data[line] ?? -1;
  }
  return offsets;
};

/** Lines in the index. */
export const lineCount = (index: FileIndex): number => index.lines.length;

/** Byte offset of line `i` (from 0), or undefined past the end. */
export const lineOffset = (index: FileIndex, i: number): number | undefined =>
  i >= 0 && i < index.lines.length ? index.lines.data[i] : undefined;

/** False when no stored event has this id; true when one may (`candidateOffsets` tells). */
export const mayHoldId = (index: FileIndex, eventId: string): boolean => {
  const k = index.keyOf(eventId);
  return firstRow(index.ids, k) >= 0;
};

/** `mayHoldId` for an id whose key (`index.keyOf(eventId)`) the caller has already. */
export const mayHoldIdKey = (index: FileIndex, idKey: Int32Array): boolean =>
  firstRow(index.ids, idKey) >= 0;

/** Offsets of the lines whose event id has this one's key: read them to confirm. */
export const candidateOffsets = (index: FileIndex, eventId: string): readonly number[] => {
  const offsets: number[] = [];
  const k = index.keyOf(eventId);
  findRow(index.ids, k, (line) => {
    offsets.push(index.lines.data[line] ?? 0);
    return false;
  });
  return offsets;
};

/** Index of the first line at or after `offset` (the line count if none). */
export const firstLineAtOrAfter = (index: FileIndex, offset: bigint): number => {
  let lo = 0;
  let hi = index.lines.length;
  const at = Number(offset); // offsets are below 2^53: exact
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((index.lines.data[mid] ?? 0) < at) lo = mid + 1;
    else hi = mid;
  }
  return lo;
};
