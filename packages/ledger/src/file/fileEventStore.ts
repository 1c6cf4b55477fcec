import type { KeyObject } from 'node:crypto';
import { constants } from 'node:fs';
import type { FileHandle } from 'node:fs/promises';
import {
  asFileAccess, FileAccessError, onFile, openRegularFile, readFlags,
} from '../durable/fileAccess.ts';
import { catchUpSubscription } from '../eventStore/catchUpSubscription.ts';
import { changeSignal } from '../eventStore/changeSignal.ts';
import { chunkedIterable, type ChunkedSource } from '../eventStore/chunkedIterable.ts';
import {
  InvalidAppendError, InvalidReadError, StoreClosedError, StoreCorruptError, StreamNotFoundError,
} from '../eventStore/errors.ts';
import {
  refusedRead, takeReadAllOptions, takeStreamRead, type TakenReadAllOptions,
} from '../eventStore/readOptions.ts';
import type { EventSchema } from '../eventStore/eventSchema.ts';
import type {
  EventShape,
  EventStore,
  ReadAllOptions,
  ReadStreamOptions,
  RecordedEvent,
} from '../eventStore/port.ts';
import { clampRevision } from '../eventStore/clampRevision.ts';
import { prepareAppend } from '../eventStore/prepareAppend.ts';
import { takeAppendOptions } from '../eventStore/appendConditions.ts';
import {
  firstLineAtOrAfter, lineCount, lineOffset, streamLength,
} from './fileIndex.ts';
import {
  indexCheckpointer, type IndexCheckpointer,
} from './fileIndexCheckpointer.ts';
import { loadIndex, type LoadedIndex, type OpenedFrom } from './loadIndex.ts';
import { notVerified } from './checkedLine.ts';
import { groupCommitter, type GroupCommitter } from './groupCommit.ts';
import { lineDecoder, type ChainLink } from './lineDecoder.ts';
import { logSpace, spaceStepBytes, type LogSpace } from './logSpace.ts';
import { genesisHash } from './lineFormat.ts';
import { readLineChunks, type LineChunk } from './lineReader.ts';
import { readLineBytesAt } from './readLineAt.ts';
import {
  handleReader, readLinesAhead, streamReadAhead, syncReadBytes, type LineBytes, type LineSpan,
} from './readAhead.ts';
import { streamLines } from './streamLines.ts';
import type { TornTail } from './scanLog.ts';
import {
  checkWriterKeys, loadPrivateKey, loadPublicKey, signHash, type KeyInput,
} from './signingKeys.ts';
import { indexSealKey, indexSealOf } from './storeKeys.ts';
import { verifyLog, type VerifyResult } from './verifyLog.ts';
import { concatSources, keptLines } from './verifiedTail.ts';
import { acquireWriterLock, type WriterLock } from './writerLock.ts';
import { fileStoreOptions, type FileStoreSettings } from './fileStoreOptions.ts';
import { syncFolder } from '../durable/syncFolder.ts';

export interface FileEventStoreOptions<E extends EventShape> {
  /** Path of the NDJSON log; created if absent (read-write only). */
  readonly file: string;
  readonly schema: EventSchema<E>;
  /** `'read-only'` takes no lock and refuses appends; it sees the log as it was at open. */
  readonly mode?: 'read-write' | 'read-only';
  /** Largest append, in UTF-8 bytes of data and metadata JSON. Default 1 MiB. */
  readonly maxAppendBytes?: number;
  /** The clock for `recordedAt`; defaults to the system clock. */
  readonly now?: () => Date;
  /**
   * The writer's Ed25519 private key: each append's last line then carries its signature of
   * that line's hash. Kept apart from the data, like the member directory's master key.
   */
  readonly signingKey?: KeyInput;
  /**
   * The writer's public key: the open refuses a log with an unsigned append (after
   * `signedAfter`) or whose last signature does not verify with it; `verify()` checks all.
   */
  readonly verifyKey?: KeyInput;
  /** With `verifyKey`: the last hash before signing began; appends up to it may be unsigned. */
  readonly signedAfter?: string;
  /**
   * `'full'` verifies every line at open, as `verify()` does the chain, even when the index
   * checkpoint (`<file>.index`) could be used; by default only the lines after it are.
   */
  readonly verify?: 'checkpoint' | 'full';
  /** Bytes appended between index checkpoints written beside the appends (read-write). 64 MiB. */
  readonly checkpointEveryBytes?: number;
  /**
   * The least bytes after the last index checkpoint for `close()` to write one (read-write).
   * 4 MiB: a close after less writes none and the next open verifies those lines instead (and
   * writes one beside the first appends if they were half this or more), so a restart costs
   * what was appended, not a checkpoint of the whole history. 0: a close always brings the
   * checkpoint to the log's end; `Infinity`: never.
   */
  readonly checkpointOnCloseAfterBytes?: number;
  /**
   * Zero-filled bytes set aside ahead of the log's end, grown a step at a time, where appends
   * are written (read-write, where writes are synced by O_DSYNC); given back at a clean close.
   * Default 1 MiB (`spaceStepBytes`): on the disk measured (docs/benchmarks.md) an append's
   * durable write over space already written took about 0.6 of the time of one growing the
   * file, and the zeros, written from one shared chunk, cost back about a fifth of that. 0
   * keeps none (the log file then always ends at its last line, as it did by default before);
   * so does a value that is not a whole number of bytes up to 1 GiB.
   */
  readonly spaceAheadBytes?: number;
  /**
   * How an append's durable write is made. `'blocking'` (the default): a group of appends of up
   * to 1 MiB (`writeCallBytes`) is written, and synced, by one synchronous call on the main
   * thread, as better-sqlite3 writes: the event loop waits for the disk meanwhile (about 0.2 to
   * 0.3 ms for an append of 100 events, 59 KiB, on the disk measured; a group of 1 MiB several
   * ms; longer on a slower disk), and the hand-offs to and from libuv's thread pool are saved:
   * a writer appending one event at a time took 10 to 26% less time, one appending 100 at a
   * time from 1% more to 18% less (docs/benchmarks.md). Larger groups, and
   * every group with `'threaded'`, are written through the thread pool, the loop free
   * meanwhile: for an app that must keep answering while a slow disk writes, or whose many
   * writers each append many events at once (there the thread pool was as fast or faster). The
   * bytes written, and when an append counts as durable, are the same. A stream's reads follow:
   * a read's first 64 KiB by synchronous calls with `'blocking'` (a line a command reads is
   * almost always in the page cache), the rest, and all with `'threaded'`, through the pool.
   */
  readonly durableWrites?: 'blocking' | 'threaded';
}

// The space to keep ahead: a step of `spaceStepBytes` if none is given, none unless what is
// given is a whole number of bytes up to 1 GiB.
const spaceStep = (bytes: unknown): number =>
  bytes === undefined ? spaceStepBytes
    : typeof bytes === 'number' && Number.isSafeInteger(bytes) && bytes > 0 && bytes <= 2 ** 30
      ? bytes : 0;

/** The embedded file store: the port, plus what opening found and a full verification. */
export interface FileEventStore<E extends EventShape> extends EventStore<E> {
  readonly file: string;
  readonly readOnly: boolean;
  /**
   * An unfinished append a crash left: cut off on a read-write open (`cutBytes` from its
   * `offset`), ignored read-only.
   */
  readonly recovery: TornTail | undefined;
  /** Hash of the last line: anchor it to detect a rewritten history later. */
  readonly lastHash: () => string;
  /** Walks the whole chain again, and every signature with `verifyKey` (see `verifyLog`). */
  readonly verify: () => Promise<VerifyResult>;
  /** Bytes of complete appends, verified or written by this store: what an export copies. */
  readonly appendedBytes: () => number;
  /** How the open built its index: from the checkpoint, or by a scan (and why). */
  readonly opened: OpenedFrom;
}

const defaultMaxAppendBytes = 1024 * 1024;
const emptySource: ChunkedSource<never> = { take: () => undefined, refill: async () => false };

// Where the platform has O_DSYNC, each write returns once it is as durable as a write and an
// fdatasync make it: a commit is then one write call instead of a write and an fdatasync (made
// on the main thread, or in the thread pool with `durableWrites: 'threaded'`; see
// docs/benchmarks.md). Elsewhere the committer syncs after writing.
const dsync: unknown = Reflect.get(constants, 'O_DSYNC');
const syncedWrites = typeof dsync === 'number' && dsync !== 0 ? dsync : 0;
const readWrite = constants.O_RDWR | syncedWrites;

// Only a regular file is opened (a device would take appends and keep none; a pipe would
// block the open): anything else, or a path the system refuses, is a FileAccessError.
const openHandle = async (file: string, readOnly: boolean): Promise<FileHandle> => {
  if (readOnly) return openRegularFile(file, readFlags);
  try {
    return await openRegularFile(file, readWrite);
  } catch (e) {
    if (!(e instanceof FileAccessError) || e.code !== 'ENOENT') throw e;
  }
  const handle = await openRegularFile(file, readWrite | constants.O_CREAT);
  // A new file's name is durable only once its directory is synced.
  await onFile(file, () => syncFolder(file)).catch(async (e: unknown) => {
    await handle.close();
    throw e;
  });
  return handle;
};

/**
 * Opens (or creates) a log file. Read-write takes the writer lock. The index comes from the
 * index checkpoint (`<file>.index`) if it belongs to this log, and the lines after it are
 * verified; else every line is (`opened` says which, and why). Cuts an unfinished last append
 * left by a crash (reported in `recovery`) and refuses any other damage it reads with
 * StoreCorruptError naming the line; `verify()` checks the lines before the checkpoint too.
 * Options that cannot be used are refused with FileStoreOptionsError before any file is touched.
 */
export const openFileEventStore = async <E extends EventShape>(
  given: FileEventStoreOptions<E>,
): Promise<FileEventStore<E>> => {
  // Read once and checked (fileStoreOptions.ts): from here on no getter runs again.
  const options = fileStoreOptions(given);
  const { file } = options;
  const readOnly = options.mode === 'read-only';
  const signingKey =
    options.signingKey === undefined ? undefined : await loadPrivateKey(options.signingKey);
  const verifyKey =
    options.verifyKey === undefined ? undefined : await loadPublicKey(options.verifyKey);
  checkWriterKeys({ signingKey, verifyKey, readOnly });
  const handle = await openHandle(file, readOnly);
  let lock: WriterLock | undefined;
  try {
    if (!readOnly) lock = await acquireWriterLock(file);
    const loaded = await loadIndex({
      handle, file, verifyKey, signedAfter: options.signedAfter, full: options.verify === 'full',
    });
    const { scan } = loaded;
    const cut = scan.tornTail === undefined || readOnly ? undefined
      : { ...scan.tornTail, cutBytes: scan.fileBytes - scan.endOffset };
    // A torn tail is cut, and the space after it with it (grown again at the next append);
    // zeros alone after the last line are space set aside, kept as such.
    if (cut !== undefined) {
      await handle.truncate(scan.endOffset);
      await handle.sync();
    }
    const space = readOnly ? undefined : logSpace({
      handle, fileBytes: scan.tornTail === undefined ? scan.fileBytes : scan.endOffset,
      // Only where each write call is durable when it returns does a torn write stay within
      // the reach the open allows it (logSpace.ts).
      stepBytes: syncedWrites === 0 ? 0 : spaceStep(options.spaceAheadBytes),
      writesSynced: syncedWrites !== 0,
      blocking: options.durableWrites !== 'threaded',
    });
    // Space for the first appends is made while the app goes on opening (logSpace.ts).
    space?.prepare(scan.endOffset);
    const recovery = cut ?? scan.tornTail;
    const store = fileStore(options,
      { handle, lock, readOnly, signingKey, verifyKey, loaded, space, recovery });
    // Enumerable, so a store spread into a wrapper keeps it (storeKeys.ts).
    Object.defineProperty(store, indexSealKey,
      { value: indexSealOf({ signingKey, verifyKey }), enumerable: true });
    return store;
  } catch (e) {
    await lock?.release();
    await handle.close();
    throw asFileAccess(e, file);
  }
};

interface Opened {
  readonly handle: FileHandle;
  readonly lock: WriterLock | undefined;
  readonly readOnly: boolean;
  readonly signingKey: KeyObject | undefined;
  readonly verifyKey: KeyObject | undefined;
  readonly loaded: LoadedIndex;
  readonly space: LogSpace | undefined;
  readonly recovery: TornTail | undefined;
}

const fileStore = <E extends EventShape>(
  options: FileStoreSettings<E>,
  opened: Opened,
): FileEventStore<E> => {
  const { file, schema } = options;
  const { handle, readOnly, signingKey, verifyKey, loaded } = opened;
  const { index, digests, scan } = loaded;
  // The lines the open verified after the index checkpoint, parsed: the first read forwards
  // over them takes them from here (verifiedTail.ts).
  let tail = loaded.tail;
  const maxAppendBytes = options.maxAppendBytes ?? defaultMaxAppendBytes;
  // A stream's first spans are read as the appends are written: at once unless threaded.
  const syncBytes = options.durableWrites === 'threaded' ? 0 : syncReadBytes;
  const changes = changeSignal();
  let closed: string | undefined;
  let lastUnsignedLine = loaded.lastUnsignedLine;
  let checkpointer: IndexCheckpointer | undefined;
  const onCommitted = () => {
    if (signingKey === undefined) lastUnsignedLine = lineCount(index);
    checkpointer?.onCommitted();
    changes.notify();
  };
  const committer: GroupCommitter | undefined = readOnly
    ? undefined
    : groupCommitter({
        handle,
        index,
        size: scan.endOffset,
        lastHash: scan.lastHash,
        writesSynced: syncedWrites !== 0,
        blocking: options.durableWrites !== 'threaded',
        now: options.now ?? (() => new Date()),
        onCommitted,
        ...(signingKey === undefined ? {} : { sign: (hash) => signHash(signingKey, hash) }),
        corrupt: (offset, reason) => corrupt(offset, reason),
        onWritten: (line) => digests.add(line.hash ?? ''),
        verified: (offset, hash) =>
          digests.matches(firstLineAtOrAfter(index, BigInt(offset)), hash),
        ...(opened.space === undefined ? {} : { space: opened.space }),
      });
  const size = () => committer?.size() ?? scan.endOffset;
  const lastHash = () => committer?.lastHash() ?? scan.lastHash;
  checkpointer = committer === undefined ? undefined : indexCheckpointer({
    log: file, index, digests, signingKey, currentEnd: loaded.checkpointEnd,
    everyBytes: options.checkpointEveryBytes,
    closeAfterBytes: options.checkpointOnCloseAfterBytes,
    end: () => ({ offset: size(), hash: lastHash() }), lastUnsignedLine: () => lastUnsignedLine,
  });
  const refuseIfClosed = () => {
    const broken = committer?.broken();
    if (broken !== undefined) throw new StoreClosedError(broken);
    if (closed !== undefined) throw new StoreClosedError(closed);
  };
  let closing: Promise<void> | undefined;
  const closeOnce = async (): Promise<void> => {
    closed = 'the store is closed';
    changes.close();
    await committer?.drain();
    // A checkpoint being written is waited for either way; a store whose writes failed starts
    // none (its log is to be verified again by a reopen).
    if (committer?.broken() === undefined) await checkpointer?.close();
    else await checkpointer?.settled();
    try {
      // A cleanly closed log ends at its last line, as one written without space ahead.
      await opened.space?.release(size());
    } finally {
      try {
        // FileHandle.close waits for reads in flight; later reads see the store closed.
        await handle.close();
      } finally {
        await opened.lock?.release(); // given back whatever failed before
      }
    }
  };

  const corrupt = (offset: number, reason: string): StoreCorruptError =>
    new StoreCorruptError({ file, line: 0, offset }, `${reason} (changed since opened?)`);
  const decodeLine = lineDecoder(schema, corrupt);
  // A line that hashes right but not to what the store verified was rewritten with its hash.
  const refuseUnlessVerified = (line: number, offset: number, link: ChainLink): void => {
    if (!digests.matches(line, link.prev ?? '')) {
      throw corrupt(offset, notVerified);
    }
  };
  const decodeLineAt = async (offset: number, line?: number): Promise<RecordedEvent<E>> => {
    const bytes = await readLineBytesAt(handle, offset).catch((e: unknown) => {
      if (e instanceof Error && Reflect.get(e, 'code') !== undefined) throw e; // an I/O error
      throw corrupt(offset, 'no complete line there');
    });
    const link: ChainLink = { prev: undefined }; // brings the line's hash out
    const event = decodeLine(bytes, 0, bytes.length, offset, false, link);
    refuseUnlessVerified(line ?? firstLineAtOrAfter(index, BigInt(offset)), offset, link);
    return event;
  };
  // A read checks the store is open when it starts and between chunks; FileHandle.close
  // waits for a read in flight, and one that races it fails with the handle's error.

  // A line read ahead, checked as `decodeLineAt` checks it; its line number is known.
  const decodeRead = (read: LineBytes, line: number): RecordedEvent<E> => {
    const link: ChainLink = { prev: undefined }; // brings the line's hash out
    const event = decodeLine(read.buffer, read.start, read.end, read.offset, false, link);
    refuseUnlessVerified(line, read.offset, link);
    return event;
  };

  // A stream's lines are read ahead of the consumer (readAhead.ts): its wait is that of a few
  // parallel reads, not of one read per event; each line is checked before it is yielded.
  async function* readStream(stream: string, options?: ReadStreamOptions) {
    refuseIfClosed();
    const o = takeStreamRead(stream, options); // read once: only this copy is used
    if (o === undefined) return;
    const lines = streamLines(index, stream);
    if (lines === undefined) {
      if (o.notFoundAsEmpty) return; // the caller's hint: no error to build
      throw new StreamNotFoundError(stream);
    }
    const backwards = o.direction === 'backwards';
    const last = lines.length - 1; // appends after this point are not seen by this read
    const from = o.fromRevision ?? (backwards ? 'end' : 'start');
    // Backwards from past the end starts at the end, as EventStoreDB does.
    const start =
      from === 'start' ? 0 : from === 'end' ? last : clampRevision(from, last, backwards);
    const left = o.maxCount;
    // A negative revision (a caller's error) has no line: nothing is read, as in every store.
    const available = start < 0 ? 0 : backwards ? start + 1 : last - start + 1;
    const count = left > 0 ? Math.max(0, Math.min(available, left)) : 0;
    const step = backwards ? -1 : 1;
    // Only the lines the read yields are looked up (a read of a long stream's end, or of its
    // last event backwards, walks no further back than it reads).
    const wanted = backwards ? lines.range(start - count + 1, start)
      : lines.range(start, start + count - 1);
    const lineOf = (k: number) => wanted.line(start + k * step);
    // A line ends where the next starts; the log's last line, where the log ends (the index
    // and the end move together, in one step of the committer): every line is read as a span
    // of known end.
    const span = (k: number): LineSpan => {
      const line = lineOf(k);
      return { offset: lineOffset(index, line) ?? 0, next: lineOffset(index, line + 1) ?? size() };
    };
    const stopped = () => closed !== undefined || committer?.broken() !== undefined;
    const reads = readLinesAhead(handleReader(handle, syncBytes), span, count,
      { ...streamReadAhead, stopped });
    try {
      for (let k = 0; ; k++) {
        const read = await reads.next().catch((e: unknown) => {
          refuseIfClosed(); // a read that raced the close
          if (e instanceof Error && Reflect.get(e, 'code') !== undefined) throw e; // I/O error
          throw corrupt(span(k).offset, 'no complete line there');
        });
        if (read.done === true) {
          if (k < count) { // it stopped short: the store closed, or (never yet) a fault
            refuseIfClosed();
            throw corrupt(span(k).offset, 'the read of the stream stopped short');
          }
          return;
        }
        refuseIfClosed();
        yield decodeRead(read.value, lineOf(k));
      }
    } finally {
      await reads.return(undefined); // a consumer that stops early: issue no more reads
    }
  }

  async function* readBackwards(from: ReadAllOptions['from'] = 'end', maxCount = Infinity) {
    refuseIfClosed();
    const count = lineCount(index);
    const start =
      from === 'start' ? -1 : from === 'end' ? count - 1 : lastAtOrBefore(from.commit, count);
    for (let i = start, left = maxCount; i >= 0 && left > 0; i--, left--) {
      const offset = lineOffset(index, i);
      if (offset === undefined) return;
      refuseIfClosed();
      yield await decodeLineAt(offset, i);
    }
  }

  // Forwards, the common case (replays, subscriptions): the file is read in large chunks and
  // each event is decoded when it is asked for, so a read that stops early decodes no more.
  const readForwards = (o: TakenReadAllOptions): ChunkedSource<RecordedEvent<E>> => {
    refuseIfClosed();
    const from = o.from ?? 'start';
    const count = lineCount(index);
    const first =
      from === 'start' ? 0 : from === 'end' ? count : firstLineAtOrAfter(index, from.commit);
    const startOffset = lineOffset(index, first);
    const budget = { left: o.maxCount };
    if (startOffset === undefined || budget.left <= 0) return emptySource;
    // Consecutive lines: each must link to the one before (the first to genesis, if first).
    const link: ChainLink = { prev: first === 0 ? genesisHash : undefined };
    const end = size();
    const kept = tail;
    if (kept === undefined || first >= kept.firstLine + kept.lines.length) {
      // A read from past the kept lines: the catch-up they were kept for is behind it.
      if (kept !== undefined) tail = undefined;
      return fileLines({ first, startOffset, end, link, budget });
    }
    const at = Math.max(first, kept.firstLine);
    const afterKept = kept.firstLine + kept.lines.length;
    const onEnd = () => { tail = undefined; }; // read once: later reads go to the file
    return concatSources([
      () => fileLines({ first, startOffset, end: Math.max(startOffset, kept.startOffset), link,
        budget }),
      () => keptLines(schema, kept, at - kept.firstLine, { link, budget, corrupt, onEnd }),
      () => fileLines({ first: afterKept, startOffset: kept.endOffset, end, link, budget }),
    ]);
  };
  // The lines [first, ...) of the file from `startOffset` to `end`, checked as they are read.
  const fileLines = (r: {
    first: number; startOffset: number; end: number; link: ChainLink; budget: { left: number };
  }): ChunkedSource<RecordedEvent<E>> => {
    const { link, budget } = r;
    const chunks = readLineChunks(handle, r.startOffset, r.end);
    let chunk: LineChunk | undefined;
    let i = 0;
    let line = r.first; // the number (from 0) of the next line taken
    return {
      take: () => {
        if (chunk === undefined || i >= chunk.lines || budget.left <= 0) return undefined;
        const start = chunk.bounds[i] ?? 0;
        const end = (chunk.bounds[i + 1] ?? 0) - 1;
        i++;
        budget.left--;
        const at = chunk.offset + start;
        const event = decodeLine(chunk.buffer, start, end, at, chunk.ascii, link);
        refuseUnlessVerified(line++, at, link);
        return event;
      },
      refill: async () => {
        if (budget.left <= 0) return false;
        const read = await chunks.next();
        if (read.done === true) return false;
        refuseIfClosed();
        chunk = read.value;
        i = 0;
        return true;
      },
    };
  };

  // The options read once, here; a refusal comes at the read's first step, like its other errors.
  const readAll = (options?: ReadAllOptions): AsyncIterable<RecordedEvent<E>> => {
    const o = takeReadAllOptions(options);
    if (o instanceof InvalidReadError) return refusedRead(o);
    return o.direction === 'backwards'
      ? readBackwards(o.from, o.maxCount)
      : chunkedIterable(() => readForwards(o));
  };
  const lastAtOrBefore = (commit: bigint, count: number): number => {
    const i = firstLineAtOrAfter(index, commit + 1n);
    return Math.min(i, count) - 1;
  };

  return {
    file,
    readOnly,
    recovery: opened.recovery,
    opened: loaded.opened,
    lastHash,
    verify: () => verifyLog(file, verifyKey === undefined ? {} : {
      publicKey: verifyKey,
      ...(options.signedAfter === undefined ? {} : { signedAfter: options.signedAfter }),
    }),
    appendedBytes: size,
    eventIdScope: 'store',
    appendConditions: 'atomic',
    appendToStream: async (stream, events, appendOptions) => {
      refuseIfClosed();
      if (committer === undefined) throw new StoreClosedError('the log was opened read-only');
      // The name checked before it is looked up, and the options read once, now: the
      // committer checks this copy a turn later, never the caller's objects.
      const taken = takeAppendOptions(stream, appendOptions);
      if (taken instanceof InvalidAppendError) throw taken;
      const nextRevision = BigInt(streamLength(index, stream));
      const prepared = prepareAppend(schema, stream, events, { maxAppendBytes, nextRevision });
      if (prepared._tag === 'Left') throw prepared.left;
      // Preparing ran the caller's code (encode, getters), which may have closed the store:
      // nothing may be queued after close() has drained the committer.
      refuseIfClosed();
      return committer.append(prepared.right, taken.expectedRevision, taken.conditions);
    },
    readStream,
    readAll,
    subscribeToAll: (o = {}) => catchUpSubscription(readAll, changes, o),
    // Once: a second call waits for the first, so that no caller goes on (to reopen, say)
    // while a checkpoint is still being written or the writer lock still held.
    close: () => {
      closing ??= closeOnce();
      return closing;
    },
  };
};
