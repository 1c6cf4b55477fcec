// A snapshot kept in a file: written beside under another name, synced, then renamed over the
// old one (a crash leaves the old snapshot or the new, never a part of one), and used only if
// its SHA-256 still matches (a damaged snapshot is reported and not used: the caller rebuilds
// what it held from the log, which stays the only record). The SHA-256 of a read is taken on
// another thread while its parts are read (parallelSha256.ts), and awaited before any is used.
import { createHash } from 'node:crypto';
import { readSync } from 'node:fs';
import { rename, rm, type FileHandle } from 'node:fs/promises';
import {
  asFileAccess, FileAccessError, notAFile, onFile, openFreshTemporary, openRegularFile,
  readFlags, refuseAllButFileAt,
} from '../durable/fileAccess.ts';
import { hashingRead, parallelSha256 } from './parallelSha256.ts';
import { SnapshotShapeError, type SnapshotReader, type SnapshotWriter } from './snapshot.ts';
import { syncFolder } from '../durable/syncFolder.ts';

// Magic (16 bytes), SHA-256 of the body (32), body length (8): 56 bytes, so the body starts
// 8-byte aligned, as its parts need.
const magic = Buffer.from('usha-snapshot 1\n', 'ascii');
const headerBytes = 56;

// Hashed a few MiB at a time, the event loop let run between: a snapshot of hundreds of MiB
// written while an app takes commands would otherwise stall them for the whole hash.
const hashSliceBytes = 4 << 20;
const nextTurn = () => new Promise<void>((resolve) => setImmediate(resolve));

/**
 * The SHA-256 of `parts` one after another, hashed a few MiB at a time with the event loop let
 * run between. The parts must not change meanwhile.
 */
export const sha256InTurns = async (parts: readonly Uint8Array[]): Promise<Buffer> => {
  const sha = createHash('sha256');
  let sinceTurn = 0;
  for (const p of parts) {
    for (let at = 0; at < p.byteLength; at += hashSliceBytes) {
      const slice = p.subarray(at, at + hashSliceBytes);
      sha.update(slice);
      sinceTurn += slice.byteLength;
      if (sinceTurn >= hashSliceBytes) { sinceTurn = 0; await nextTurn(); }
    }
  }
  return sha.digest();
};

/** Writes the snapshot to `file`, atomically and durably (see above). */
export const writeSnapshotFile = async (file: string, w: SnapshotWriter): Promise<void> => {
  const digest = await sha256InTurns(w.parts);
  const head = Buffer.alloc(headerBytes);
  magic.copy(head, 0);
  digest.copy(head, 16);
  head.writeDoubleLE(w.bytes, 48);
  // Nothing but a file is replaced: a folder, device, pipe or link there is refused.
  await refuseAllButFileAt(file);
  const temporary = `${file}.writing`;
  const h = await openFreshTemporary(temporary);
  try {
    try {
      // writev takes at most IOV_MAX buffers at a time on some platforms: a few hundred a call.
      const all = [head, ...w.parts];
      for (let i = 0; i < all.length; i += 512) await h.writev(all.slice(i, i + 512));
      await h.sync();
    } finally {
      await h.close();
    }
    await rename(temporary, file);
  } catch (e) {
    await rm(temporary, { force: true }).catch(() => undefined); // a write that failed leaves none
    throw asFileAccess(e, temporary);
  }
  await onFile(file, () => syncFolder(file));
};

/** What was read from a snapshot file, or why nothing could be. */
export type SnapshotRead<T> =
  | { readonly found: true; readonly value: T; readonly bytes: number }
  | { readonly found: false; readonly reason: string };

const shaMismatch = 'its SHA-256 does not match: changed or damaged';
// Small parts (numbers, texts, headers) are served from one read of this many bytes.
const aheadBytes = 64 << 10;
// Parts larger than this are read into shared memory, hashed where they lie; smaller ones are
// copied for the hash (a shared buffer costs more to make than a small copy).
const sharedFromBytes = 64 << 10;

// Reads into `into` from `position` until full; a file cut short meanwhile ends the snapshot.
const readFully = (fd: number, into: Uint8Array, position: number): void => {
  for (let done = 0; done < into.byteLength;) {
    const n = readSync(fd, into, done, into.byteLength - done, position + done);
    if (n === 0) throw new SnapshotShapeError(`the file ends at byte ${position + done}`);
    done += n;
  }
};

// A reader taking the snapshot's bytes from the file as they are asked for: a large part is
// read straight into the memory it stays in (a column into its array), small ones through
// a buffer read ahead.
const fileReader = (fd: number, at: number, end: number): SnapshotReader => {
  const ahead = Buffer.allocUnsafe(aheadBytes);
  let aheadFrom = 0;
  let aheadTo = 0; // the file's bytes [aheadFrom, aheadTo) are in `ahead`
  const r: SnapshotReader = {
    at, end, owned: true, taps: new Set(),
    memory: (bytes) => new SharedArrayBuffer(bytes),
    take: (n) => {
      const out = n > sharedFromBytes ? Buffer.from(new SharedArrayBuffer(n))
        : Buffer.allocUnsafe(n);
      if (n <= aheadBytes / 16 && (r.at < aheadFrom || r.at + n > aheadTo)) {
        aheadFrom = r.at;
        aheadTo = Math.min(end, r.at + aheadBytes);
        readFully(fd, ahead.subarray(0, aheadTo - aheadFrom), aheadFrom);
      }
      r.fill(out);
      return out;
    },
    fill: (into) => {
      const n = into.byteLength;
      const cached = r.at >= aheadFrom && r.at < aheadTo ? Math.min(n, aheadTo - r.at) : 0;
      into.set(ahead.subarray(r.at - aheadFrom, r.at - aheadFrom + cached));
      if (cached < n) readFully(fd, into.subarray(cached), r.at + cached);
      r.at += n;
      for (const t of r.taps) t.update(into);
    },
  };
  return r;
};

/**
 * Reads the snapshot in `file` with `parse`, checking its header, and its SHA-256 over every
 * byte (the bytes `parse` left too): a snapshot whose hash does not match is refused with that
 * reason, whatever `parse` made of it or threw, and nothing `parse` made is returned before
 * the hash matched (a promise it returns is awaited after that). Parts are read as `parse`
 * asks for them, so a column lands once, in the array it stays in (see `restoredCapacity`).
 */
export const readSnapshotFile = async <T>(
  file: string, parse: (r: SnapshotReader) => T,
): Promise<SnapshotRead<Awaited<T>>> => {
  let h: FileHandle;
  try {
    // Never waiting on a pipe, nor reading a device: only a regular file is opened.
    h = await openRegularFile(file, readFlags);
  } catch (e) {
    if (!(e instanceof FileAccessError)) throw e;
    if (e.code === 'ENOENT') return { found: false, reason: 'no snapshot' };
    // A cache that cannot be opened (no permission, a name too long), or is no file (a folder,
    // pipe, device), is set aside as one that is damaged: whoever reads it reads what it would
    // have spared instead.
    if (e.code === 'EISDIR' || e.code === notAFile) return { found: false, reason: 'not a file' };
    return { found: false, reason: `could not be opened (${e.code})` };
  }
  let endHashing: (() => void) | undefined;
  try {
    const { size } = await h.stat();
    const head = Buffer.alloc(headerBytes);
    if (size >= headerBytes) readFully(h.fd, head, 0);
    if (size < headerBytes || !head.subarray(0, 16).equals(magic)) {
      return { found: false, reason: 'not a snapshot file' };
    }
    const body = head.readDoubleLE(48);
    if (body !== size - headerBytes) {
      return { found: false, reason: `${size - headerBytes} bytes, not ${body}` };
    }
    const r = fileReader(h.fd, headerBytes, size);
    endHashing = hashingRead();
    const sha = parallelSha256();
    r.taps.add(sha);
    let parsed: { value: T } | { error: unknown };
    try {
      parsed = { value: parse(r) };
      // Awaited below only if the hash matches: a rejection meanwhile is not unhandled.
      if (parsed.value instanceof Promise) parsed.value.catch(() => undefined);
    } catch (error) {
      parsed = { error };
    }
    r.taps.clear();
    r.taps.add(sha);
    // The bytes after where parse stopped, through a small buffer: only the hash needs them.
    const rest = Buffer.allocUnsafe(Math.min(4 << 20, Math.max(0, size - r.at)));
    try {
      while (r.at < size) r.fill(rest.subarray(0, Math.min(rest.length, size - r.at)));
    } catch (e) {
      if (e instanceof SnapshotShapeError) return { found: false, reason: e.message };
      throw e;
    }
    const digest = await sha.digest().catch((e: unknown) => e instanceof Error ? e : undefined);
    if (!(digest instanceof Buffer)) {
      const why = digest instanceof Error ? digest.message : 'unknown';
      return { found: false, reason: `its SHA-256 could not be taken (${why})` };
    }
    if (!digest.equals(head.subarray(16, 48))) return { found: false, reason: shaMismatch };
    if ('error' in parsed) throw parsed.error;
    return { found: true, value: await parsed.value, bytes: size };
  } finally {
    endHashing?.();
    await h.close();
  }
};

/** Removes a snapshot (and a write a crash left unfinished). */
export const removeSnapshotFile = async (file: string): Promise<void> => {
  await rm(file, { force: true });
  await rm(`${file}.writing`, { force: true });
};
