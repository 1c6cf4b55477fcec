import { writevSync } from 'node:fs';
import type { FileHandle } from 'node:fs/promises';

/**
 * Zero-filled bytes kept ahead of the log's end by default: grown a step at a time. 1 MiB: on the
 * disk measured, steps of 0.5 to 8 MiB gave the same mean append, and the longest appends (the
 * ones that write a step) grew with the step (docs/benchmarks.md).
 */
export const spaceStepBytes = 1024 * 1024;

/**
 * The most bytes the writer hands to one write call. With writes synced (O_DSYNC) each call is
 * durable when it returns, so a crash can tear one call's bytes only: in a log that ends in
 * zeros, every byte that is not zero lies within this many bytes after the first zero byte.
 */
export const writeCallBytes = 1024 * 1024;

// The zeros every fill is written from: never written to, so shared by every store.
const zeroChunkBytes = 1024 * 1024;
let zeroChunk: Buffer | undefined;
// The chunk named as often as needed for `bytes` zeros (at most 64 MiB a call).
const zeroRun = (bytes: number): Buffer[] => {
  zeroChunk ??= Buffer.alloc(zeroChunkBytes);
  const run: Buffer[] = [];
  for (let left = Math.min(bytes, 64 * zeroChunkBytes); left > 0; left -= zeroChunkBytes) {
    run.push(left >= zeroChunkBytes ? zeroChunk : zeroChunk.subarray(0, left));
  }
  return run;
};

/** Zero-filled space ahead of a log's end, where appends are written. */
export interface LogSpace {
  /**
   * Makes sure the file holds more than `end` bytes, growing it by a step of zeros if not;
   * never fails: if the zeros cannot be written, keeps no space from then on.
   */
  readonly ensure: (end: number) => Promise<void>;
  /**
   * Starts growing the file by a step past `end` (the log's end at open) in the background,
   * through the thread pool, if it holds no space there: the first append after an open then
   * finds space made while the app was opening (an `ensure` or `release` meanwhile waits for
   * it). Never fails, as `ensure`.
   */
  readonly prepare: (end: number) => void;
  /** Gives the space back: cuts the file at `end` (the last line's end), synced. */
  readonly release: (end: number) => Promise<void>;
  /** Bytes the file holds now: the log and the space after it. */
  readonly fileBytes: () => number;
}

/**
 * Keeps space ahead of the log on `handle`, whose file holds `fileBytes` now. A write that grows
 * a file costs its sync more (the file's size and new blocks must reach the disk too) than one
 * over blocks already there, so the file is grown `stepBytes` at a time, by writing zeros (not a
 * sparse truncate, which would leave the blocks to be allocated at each later write) and syncing
 * once: the appends then write over space the disk already holds. A step of 0 keeps none.
 * @example
 * const space = logSpace({ handle, fileBytes, stepBytes: 8 << 20, writesSynced: true,
 *   blocking: true })
 */
export const logSpace = (o: {
  readonly handle: FileHandle;
  readonly fileBytes: number;
  readonly stepBytes: number;
  /** The handle was opened with O_DSYNC: a write is durable when it returns. */
  readonly writesSynced: boolean;
  /**
   * The appends' writes are made by synchronous calls on the main thread: so are the zeros, up
   * to `writeCallBytes` and a default step of them at once (more go through the thread pool).
   */
  readonly blocking?: boolean;
}): LogSpace => {
  let fileBytes = o.fileBytes;
  let stepBytes = o.stepBytes;
  // Zeros a failed fill wrote that could not be given back: the file may then be longer than
  // `fileBytes` says, so `release` cuts it whatever `fileBytes` says.
  let zerosLeft = false;
  // The step `prepare` started, until it is made (or given up).
  let preparing: Promise<void> | undefined;
  const grow = async (end: number, blocking: boolean): Promise<void> => {
    // An append never reaches the file's last byte: a log with space always ends in a zero,
    // which is how an open tells a log that had space from one that never had (scanLog.ts).
    if (end < fileBytes) return;
    if (stepBytes <= 0) {
      fileBytes = end; // the append grows the file itself
      return;
    }
    const before = fileBytes;
    try {
      await fill(before, end + stepBytes - before, blocking);
      fileBytes = end + stepBytes;
    } catch {
      // The space is a saving, not a need: where it cannot be had (a disk nearly full), the
      // append is written growing the file as before, and no space is kept from then on.
      stepBytes = 0;
      await o.handle.truncate(before).catch(() => { // give back zeros written, if any
        zerosLeft = true;
      });
      fileBytes = end;
    }
  };
  const ensure = async (end: number): Promise<void> => {
    if (preparing !== undefined) await preparing;
    await grow(end, o.blocking === true);
  };
  const prepare = (end: number): void => {
    if (preparing !== undefined || end < fileBytes || stepBytes <= 0) return;
    preparing = grow(end, false).catch(() => {}).then(() => {
      preparing = undefined;
    });
  };
  // Writes `bytes` zeros at `at`, durably: from one chunk of zeros kept for every store of the
  // process, named as often as needed in one gathered write call; by a synchronous call where
  // the appends' writes are made so (`blocking`) and the zeros are no more than such a write's
  // group and a default step (larger ones, as larger groups, through the thread pool, the loop
  // free meanwhile). Both ways were measured (docs/benchmarks.md, "Space set aside ahead,
  // again"): a buffer made for each step cost 10-15 ms a step of 8 MiB, its fresh pages
  // faulted in by the copy; a step handed to the thread pool took 12-17 ms in most runs; the
  // shared zeros written by a synchronous call about 4 ms.
  const fill = async (at: number, bytes: number, mayBlock: boolean): Promise<void> => {
    const blocking = mayBlock && bytes <= writeCallBytes + spaceStepBytes;
    for (let written = 0; written < bytes;) {
      const zeros = zeroRun(bytes - written);
      const wrote = blocking
        ? writevSync(o.handle.fd, zeros, at + written)
        : (await o.handle.writev(zeros, at + written)).bytesWritten;
      if (wrote <= 0) throw new Error('a write of zeros wrote no byte');
      written += wrote;
    }
    // The size too must be durable: fdatasync (and O_DSYNC) include it, as it is needed to
    // read the data back.
    if (!o.writesSynced) await o.handle.datasync();
  };
  const release = async (end: number): Promise<void> => {
    if (preparing !== undefined) await preparing;
    if (fileBytes === end && !zerosLeft) return;
    await o.handle.truncate(end);
    await o.handle.sync();
    fileBytes = end;
    zerosLeft = false;
  };
  return { ensure, prepare, release, fileBytes: () => fileBytes };
};
