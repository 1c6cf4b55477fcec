import type { KeyObject } from 'node:crypto';
import type { FileHandle } from 'node:fs/promises';
import { f64Column, pushF64, type I32Column } from '../offHeap/columns.ts';
import { bindCheckpoint } from './checkpointBinding.ts';
import { signatureSeed } from './checkpointSignatures.ts';
import {
  emptyIndex, firstLineAtOrAfter, indexLine, restoredIndex, type FileIndex, type StoredIndex,
} from './fileIndex.ts';
import {
  checkpointFileOf, readIndexCheckpoint, type IndexCheckpoint,
} from './fileIndexCheckpoint.ts';
import { lineDigests, type LineDigests } from './lineDigests.ts';
import { lineStreamName } from './lineStreamName.ts';
import { scanLog, type ScannedAppend, type ScannedLine, type ScanResult } from './scanLog.ts';
import { signatureRequirement, type RequirementSeed } from './signatureRequirement.ts';
import type { RevisionsSeed } from './streamRevisions.ts';
import { tailCollector, type VerifiedTail } from './verifiedTail.ts';

/** How a file store opened: from its index checkpoint or by scanning the whole log. */
export interface OpenedFrom {
  readonly from: 'checkpoint' | 'scan';
  /** Complete lines read and verified by the open (after the checkpoint, if from one). */
  readonly linesRead: number;
  /** Why the checkpoint was not used (with `from: 'scan'`). */
  readonly reason?: string;
}

/** The index of an open log, what its walk found and how it was built. */
export interface LoadedIndex {
  readonly index: FileIndex;
  readonly digests: LineDigests;
  readonly scan: ScanResult;
  readonly opened: OpenedFrom;
  /** Line number ending the last unsigned append (0 if none): what a checkpoint records. */
  readonly lastUnsignedLine: number;
  /** End offset of the checkpoint on disk that is current, or -1 if none is. */
  readonly checkpointEnd: number;
  /** The lines verified after the checkpoint, parsed, if there were any and few enough. */
  readonly tail?: VerifiedTail;
}

interface LoadOptions {
  readonly handle: FileHandle;
  readonly file: string;
  readonly verifyKey: KeyObject | undefined;
  readonly signedAfter: string | undefined;
  /** Walk the whole log even if a checkpoint could be used. */
  readonly full: boolean;
}

// What the walk after a checkpoint counts per stream, from the index (the walk changes its
// own copy: the index takes each append's lines only when the append is complete).
const revisionsOf = (index: FileIndex): RevisionsSeed => {
  const lastOffsets = f64Column(index.streamLast.length);
  for (let s = 0; s < index.streamLast.length; s++) {
    pushF64(lastOffsets, index.lines.data[index.streamLast.data[s] ?? 0] ?? 0);
  }
  const { streamKeys: keys, streamLength: counts } = index;
  return {
    keys: { slots: keys.slots.slice(), count: keys.count },
    counts: { data: counts.data.slice(), length: counts.length },
    lastOffsets, collided: new Map(index.collided), streamOfLine: index.streamOfLine,
  };
};

const storeIndex = (o: LoadOptions, stored: StoredIndex | undefined, words?: I32Column) => {
  const digests = lineDigests(words);
  const streamOfLine = lineStreamName(o.handle.fd, o.file, (offset, hash) =>
    digests.matches(firstLineAtOrAfter(index, BigInt(offset)), hash));
  const index = stored === undefined ? emptyIndex(streamOfLine)
    : restoredIndex(stored, streamOfLine);
  return { index, digests };
};

// Walks the log (from the checkpoint, with `c`), indexing each complete append.
const walk = async (
  o: LoadOptions, c?: { checkpoint: IndexCheckpoint; signatures?: RequirementSeed },
) => {
  const { index, digests } = storeIndex(o, c?.checkpoint.index, c?.checkpoint.digestWords);
  const required = o.verifyKey === undefined ? undefined
    : signatureRequirement(o.verifyKey, o.file, o.signedAfter, c?.signatures);
  let lastUnsignedLine = c?.checkpoint.lastUnsignedLine ?? 0;
  const onAppend = (a: ScannedAppend) => {
    if (a.signature === undefined) lastUnsignedLine = a.line;
    required?.onAppend(a);
  };
  const cp = c?.checkpoint;
  // Only after a checkpoint: a walk of the whole log is an open that reads everything anyway.
  const kept = cp === undefined ? undefined
    : tailCollector({ line: cp.lines, offset: cp.endOffset });
  const onLine = (line: ScannedLine) => {
    indexLine(index, line);
    digests.add(line.hash ?? '');
    kept?.onLine(line);
  };
  const from = cp === undefined ? undefined : {
    offset: cp.endOffset, lines: cp.lines, lastHash: cp.lastHash,
    lastLineOffset: cp.lastLineOffset, revisions: revisionsOf(index),
  };
  const scan = await scanLog(o.handle, o.file, onLine, undefined, onAppend, from);
  required?.finish();
  return { index, digests, scan, lastUnsignedLine, tail: kept?.tail(scan.endOffset) };
};

// The checkpoint, if it can be used for this open; else why not.
const usableCheckpoint = async (o: LoadOptions) => {
  if (o.full) return 'a full verification was asked for';
  const read = await readIndexCheckpoint(checkpointFileOf(o.file), o.verifyKey)
    .catch((e: unknown) => ({
      found: false as const, reason: `unreadable (${e instanceof Error ? e.message : String(e)})`,
    }));
  if (!read.found) return read.reason;
  const { checkpoint } = read;
  const bound = await bindCheckpoint(o.handle, checkpoint);
  if (typeof bound === 'string') return bound;
  if (o.verifyKey === undefined) return { checkpoint };
  const signatures = await signatureSeed({
    handle: o.handle, checkpoint, digests: lineDigests(checkpoint.digestWords), end: bound.end,
    signedAfter: o.signedAfter,
  });
  return typeof signatures === 'string' ? signatures : { checkpoint, signatures };
};

/**
 * Builds the index of the log open on `handle`: from its checkpoint, if one is there, belongs
 * to this log and (with a verify key) was signed by it, verifying only the lines after it;
 * else by verifying the whole log, saying why.
 */
export const loadIndex = async (o: LoadOptions): Promise<LoadedIndex> => {
  const usable = await usableCheckpoint(o);
  if (typeof usable === 'string') {
    const walked = await walk(o);
    const opened = { from: 'scan' as const, linesRead: walked.scan.lines, reason: usable };
    return { ...walked, opened, checkpointEnd: -1 };
  }
  const walked = await walk(o, usable);
  const { lines, endOffset } = usable.checkpoint;
  const opened = { from: 'checkpoint' as const, linesRead: walked.scan.lines - lines };
  return { ...walked, opened, checkpointEnd: endOffset };
};
