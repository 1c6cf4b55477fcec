import type { KeyObject } from 'node:crypto';
import { lineCount, lineOffset, type FileIndex } from './fileIndex.ts';
import {
  checkpointFileOf, checkpointWriter, writeIndexCheckpoint, type IndexCheckpoint,
} from './fileIndexCheckpoint.ts';
import type { LineDigests } from './lineDigests.ts';
import type { SnapshotWriter } from '../offHeap/snapshot.ts';

/** Default bytes appended between index checkpoints (see docs/benchmarks.md). */
export const defaultCheckpointEveryBytes = 64 * 1024 * 1024;

/**
 * Default bytes after the last checkpoint below which a close writes none. The next open
 * verifies those lines instead (about 0.2 s for 4 MiB on the machine of docs/benchmarks.md),
 * where writing the checkpoint costs in proportion to the whole log's lines (seconds at a
 * decade of the society): a restart then costs what changed, not the history.
 */
export const defaultCheckpointOnCloseAfterBytes = 4 * 1024 * 1024;

/**
 * Writes a read-write store's index checkpoint: every so many bytes appended, on close when
 * enough were appended after the last one, and at open when half that many were.
 */
export interface IndexCheckpointer {
  /** After each commit (the index, digests and end agree): writes one if enough was appended. */
  readonly onCommitted: () => void;
  /**
   * Waits for a write under way, then writes one if at least `closeAfterBytes` of the log are
   * after the last (any, if that is 0 and the last does not cover the log's end).
   */
  readonly close: () => Promise<void>;
  /** Waits for a write under way, if any, and starts none (a store whose writes failed). */
  readonly settled: () => Promise<void>;
  /** Checkpoints written by this store, and the last write's failure, if any. */
  readonly written: () => { readonly count: number; readonly failure: string | undefined };
}

/** The checkpointer of an open log whose current checkpoint (if any) ends at `currentEnd`. */
export const indexCheckpointer = (o: {
  readonly log: string;
  readonly index: FileIndex;
  readonly digests: LineDigests;
  readonly signingKey: KeyObject | undefined;
  readonly everyBytes: number;
  readonly closeAfterBytes: number;
  readonly currentEnd: number;
  /** The end of the verified log and its last hash, now. */
  readonly end: () => { readonly offset: number; readonly hash: string };
  readonly lastUnsignedLine: () => number;
}): IndexCheckpointer => {
  const file = checkpointFileOf(o.log);
  let writtenEnd = o.currentEnd;
  let running: Promise<void> | undefined;
  let count = 0;
  let failure: string | undefined;
  const state = (): IndexCheckpoint => {
    const { offset, hash } = o.end();
    const lines = lineCount(o.index);
    return {
      index: o.index, digestWords: o.digests.words(), endOffset: offset, lines, lastHash: hash,
      lastLineOffset: lineOffset(o.index, lines - 1), lastUnsignedLine: o.lastUnsignedLine(),
    };
  };
  // A checkpoint is a cache: a failed write leaves the old one (or none), and the next open
  // scans more of the log; the store goes on.
  const write = (copy: boolean): Promise<void> => {
    const c = state();
    let w: SnapshotWriter;
    try {
      w = checkpointWriter(c, { copy });
    } catch (e) { // never into the commit that called it
      failure = e instanceof Error ? e.message : String(e);
      return Promise.resolve();
    }
    return writeIndexCheckpoint(file, w, o.signingKey).then(() => {
      writtenEnd = c.endOffset;
      count++;
      failure = undefined;
    }, (e: unknown) => {
      failure = e instanceof Error ? e.message : String(e);
    });
  };
  const after = (): number => o.end().offset - Math.max(writtenEnd, 0);
  const due = (): boolean => after() >= o.everyBytes;
  const onCommitted = (early = false): void => {
    if (running !== undefined || !(due() || early)) return;
    // Taken now, between commits, so it is one state; written while appends go on.
    running = write(true).finally(() => (running = undefined));
  };
  // A log scanned at open gets one as soon as it is long enough to be worth it; and an open
  // that verified half the close's bound after the checkpoint writes one beside the first
  // appends, so that a close seldom has to (with 0 every close writes, so no open needs to).
  const openBound = o.closeAfterBytes > 0 ? o.closeAfterBytes / 2 : Number.POSITIVE_INFINITY;
  onCommitted(writtenEnd !== o.end().offset && after() >= openBound);
  return {
    onCommitted: () => onCommitted(),
    close: async () => {
      while (running !== undefined) await running;
      if (writtenEnd !== o.end().offset && after() >= o.closeAfterBytes) await write(false);
    },
    settled: async () => {
      while (running !== undefined) await running;
    },
    written: () => ({ count, failure }),
  };
};
