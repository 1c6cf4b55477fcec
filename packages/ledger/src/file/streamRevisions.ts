import type { FileHandle } from 'node:fs/promises';
import {
  f64Column, i32Column, pushF64, pushI32, type F64Column, type I32Column,
} from '../offHeap/columns.ts';
import { addRow, firstRow, hashRows, type HashRows } from '../offHeap/hashRows.ts';
import { keyOf as key64, type KeyOf } from '../offHeap/keyHash.ts';
import { readLineAt } from './readLineAt.ts';

/**
 * The next revision of each stream, as a walk through a log counts them: streams by a 64-bit
 * key of the name in typed arrays (a million streams cost the heap nothing per stream), with
 * the offset of each stream's last line to confirm a key when it matters. It matters only at
 * revision 0 of a known key: a collision (a new name) or a stream starting twice (a fault);
 * one read of the earlier line tells which. Names that collided are then kept by name.
 */
export interface StreamRevisions {
  /** The revision the next line of `stream` must have; stream must be `resolve`d first. */
  readonly expected: () => number;
  /** Finds `stream`; at revision 0 of a known key, reads back whether it is that stream. */
  readonly resolve: (stream: string, revision: number) => Promise<void> | undefined;
  /** Counts a line of the stream last resolved, at `offset`. */
  readonly advance: (offset: number) => void;
}

/** What a walk that starts part way knows of the streams before that point. */
export interface RevisionsSeed {
  readonly keys: HashRows;
  /** Events in each stream, by stream number. */
  readonly counts: I32Column;
  /** Offset of each stream's last line, by stream number. */
  readonly lastOffsets: F64Column;
  readonly collided: Map<string, number>;
  /** Reads the stream name of an indexed line (checked against what was verified). */
  readonly streamOfLine: (offset: number) => string;
}

/** Counts revisions for a walk through the log open on `handle`, from its start or `seed`. */
export const streamRevisions = (
  handle: FileHandle, keyOf: KeyOf = key64, seed?: RevisionsSeed,
): StreamRevisions => {
  const keys = seed?.keys ?? hashRows();
  const counts = seed?.counts ?? i32Column();
  const lastOffsets = seed?.lastOffsets ?? f64Column();
  const collided = seed?.collided ?? new Map<string, number>();
  let current = -1; // the stream resolved last; -1 for a stream not seen yet
  let pendingName = '';
  const streamOfLine = async (offset: number): Promise<unknown> =>
    Reflect.get(Object(JSON.parse(await readLineAt(handle, offset))), 'stream');
  // Lines before a seeded walk's start were not walked here: names are read checked against
  // the digests (the lines of each append the walk passes are indexed as it ends).
  const nameAt = (s: number): Promise<unknown> | string => {
    const offset = lastOffsets.data[s] ?? 0;
    return seed !== undefined ? seed.streamOfLine(offset) : streamOfLine(offset);
  };
  const confirm = async (stream: string, s: number): Promise<void> => {
    if ((await nameAt(s)) === stream) return;
    current = -1;
    pendingName = stream; // a new name whose key another has: kept by name from now on
  };
  return {
    expected: () => (current < 0 ? 0 : counts.data[current] ?? 0),
    resolve: (stream, revision) => {
      pendingName = '';
      current = collided.get(stream) ?? -1;
      if (current >= 0) return undefined;
      const k = keyOf(stream);
      current = firstRow(keys, k);
      if (current < 0) {
        pendingName = stream;
        return undefined;
      }
      return revision === 0 ? confirm(stream, current) : undefined;
    },
    advance: (offset) => {
      if (current < 0) {
        current = pushI32(counts, 0);
        pushF64(lastOffsets, 0);
        const k = keyOf(pendingName);
        if (firstRow(keys, k) >= 0) collided.set(pendingName, current);
        else addRow(keys, k, current);
      }
      counts.data[current] = (counts.data[current] ?? 0) + 1;
      lastOffsets.data[current] = offset;
    },
  };
};
