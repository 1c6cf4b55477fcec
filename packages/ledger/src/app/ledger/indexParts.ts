// How an off-heap index is kept in a checkpoint: its parts (columns, hash tables, arenas) named
// once, in order, each with how it is written and read back. A part that only grows (an arena,
// a column rows are only pushed to) is written as a view: the rows written never change. A part
// changed in place (a count, a link, a hash table's slots) is written as a copy taken at the
// call, so the snapshot is the index at that moment however long the write takes after it.
import type { F64Column, I32Column } from '../../offHeap/columns.ts';
import type { HashRows } from '../../offHeap/hashRows.ts';
import {
  readArena, readF64, readHashRows, readI32, readText, SnapshotShapeError, writeArena, writeF64,
  writeHashRows, writeI32, writeText, type SnapshotReader, type SnapshotWriter,
} from '../../offHeap/snapshot.ts';
import type { StringArena } from '../../offHeap/stringArena.ts';

/** How one part of an index is written to a snapshot and read back. */
export interface PartKind<T> {
  readonly write: (w: SnapshotWriter, part: T) => void;
  readonly read: (r: SnapshotReader) => T;
}

/** A part of an index that can be kept in a checkpoint and read back. */
export interface Snapshots {
  /** Writes the index as it is now; later changes to it do not change what is written. */
  readonly snapshot: (w: SnapshotWriter) => void;
}

/** A float64 column rows are only pushed to. */
export const grownF64: PartKind<F64Column> = { write: writeF64, read: readF64 };

/** An int32 column rows are only pushed to. */
export const grownI32: PartKind<I32Column> = { write: writeI32, read: readI32 };

/** An int32 column whose rows change in place (counts, links, flags). */
export const changedI32: PartKind<I32Column> = {
  write: (w, c) => writeI32(w, { data: c.data.slice(0, c.length), length: c.length }),
  read: readI32,
};

/** A hash table (keys are put into free slots in place, so always copied). */
export const hashTable: PartKind<HashRows> = {
  write: (w, t) => writeHashRows(w, { slots: t.slots.slice(), count: t.count }),
  read: readHashRows,
};

/** A string arena (strings are only added after the last). */
export const arena: PartKind<StringArena> = { write: writeArena, read: readArena };

/** The parts of an index, by name, in the order they are written. */
export type Shape<P> = { readonly [K in keyof P]: PartKind<P[K]> };

const names = (shape: object): string => Object.keys(shape).join(',');

/** Writes an index's parts, after their names (what `readParts` checks first). */
export const writeParts = <P extends object>(shape: Shape<P>, w: SnapshotWriter, parts: P):
  void => {
  writeText(w, names(shape));
  for (const k of Object.keys(shape) as Array<keyof P>) shape[k].write(w, parts[k]);
};

/** Reads an index's parts; SnapshotShapeError if they are not the ones `shape` names. */
export const readParts = <P extends object>(shape: Shape<P>, r: SnapshotReader): P => {
  const found = readText(r);
  if (found !== names(shape)) {
    throw new SnapshotShapeError(`parts ${found}, not ${names(shape)}`);
  }
  const out: Partial<P> = {};
  for (const k of Object.keys(shape) as Array<keyof P>) out[k] = shape[k].read(r);
  return out as P; // every key of the shape was read just above
};

/** Throws SnapshotShapeError unless every column has `rows` rows. */
export const requireRows = (
  rows: number, columns: Readonly<Record<string, F64Column | I32Column>>,
): void => {
  for (const [name, c] of Object.entries(columns)) {
    if (c.length !== rows) {
      throw new SnapshotShapeError(`column ${name} has ${c.length} rows, not ${rows}`);
    }
  }
};
