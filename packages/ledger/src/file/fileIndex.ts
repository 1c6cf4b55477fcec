import type { ScannedLine } from './scanLog.ts';

/**
 * What the file store keeps in memory instead of the events: for each stream, the byte offset
 * of each revision; the offset of every line in order; and event ids hashed to 30 bits (so each
 * fits a small integer) pointing at the lines that may hold them. About 40 bytes per event.
 */
export interface FileIndex {
  readonly streams: Map<string, number[]>;
  readonly lines: number[];
  readonly ids: Map<number, number | number[]>;
}

/** An empty index. */
export const emptyIndex = (): FileIndex => ({ streams: new Map(), lines: [], ids: new Map() });

/** FNV-1a of an event id, folded to 30 bits. Collisions are resolved by reading the line. */
export const idKey = (eventId: string): number => {
  let h = 0x811c9dc5;
  for (let i = 0; i < eventId.length; i++) {
    h ^= eventId.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h & 0x3fffffff;
};

/** Adds a line to the index; lines must come in log order. */
export const indexLine = (index: FileIndex, line: ScannedLine): void => {
  const offsets = index.streams.get(line.stream);
  if (offsets === undefined) index.streams.set(line.stream, [line.offset]);
  else offsets.push(line.offset);
  index.lines.push(line.offset);
  const key = idKey(line.eventId);
  const seen = index.ids.get(key);
  if (seen === undefined) index.ids.set(key, line.offset);
  else if (typeof seen === 'number') index.ids.set(key, [seen, line.offset]);
  else seen.push(line.offset);
};

/** Offsets of the lines whose event id hashes like this one. */
export const candidateOffsets = (index: FileIndex, eventId: string): readonly number[] => {
  const seen = index.ids.get(idKey(eventId));
  return seen === undefined ? [] : typeof seen === 'number' ? [seen] : seen;
};

/** Index in `lines` of the first line at or after `offset` (lines.length if none). */
export const firstLineAtOrAfter = (index: FileIndex, offset: bigint): number => {
  let lo = 0;
  let hi = index.lines.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (BigInt(index.lines[mid] ?? 0) < offset) lo = mid + 1;
    else hi = mid;
  }
  return lo;
};
