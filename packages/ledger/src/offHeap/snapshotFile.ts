// A snapshot kept in a file: written beside under another name, synced, then renamed over the
// old one (a crash leaves the old snapshot or the new, never a part of one), and read back only
// if its SHA-256 still matches (a damaged snapshot is reported and not used: the caller rebuilds
// what it held from the log, which stays the only record).
import { createHash } from 'node:crypto';
import { open, readFile, rename, rm } from 'node:fs/promises';
import { dirname } from 'node:path';
import { snapshotReader, type SnapshotReader, type SnapshotWriter } from './snapshot.ts';

// Magic (16 bytes), SHA-256 of the body (32), body length (8): 56 bytes, so the body starts
// 8-byte aligned, as its parts need.
const magic = Buffer.from('usha-snapshot 1\n', 'ascii');
const headerBytes = 56;

// Hashed a few MiB at a time, the event loop let run between: a snapshot of hundreds of MiB
// written while an app takes commands would otherwise stall them for the whole hash.
const hashSliceBytes = 4 << 20;
const nextTurn = () => new Promise<void>((resolve) => setImmediate(resolve));

/** Writes the snapshot to `file`, atomically and durably (see above). */
export const writeSnapshotFile = async (file: string, w: SnapshotWriter): Promise<void> => {
  const sha = createHash('sha256');
  let sinceTurn = 0;
  for (const p of w.parts) {
    for (let at = 0; at < p.byteLength; at += hashSliceBytes) {
      const slice = p.subarray(at, at + hashSliceBytes);
      sha.update(slice);
      sinceTurn += slice.byteLength;
      if (sinceTurn >= hashSliceBytes) { sinceTurn = 0; await nextTurn(); }
    }
  }
  const head = Buffer.alloc(headerBytes);
  magic.copy(head, 0);
  sha.digest().copy(head, 16);
  head.writeDoubleLE(w.bytes, 48);
  const temporary = `${file}.writing`;
  const h = await open(temporary, 'w');
  try {
    // writev takes at most IOV_MAX buffers at a time on some platforms: a few hundred a call.
    const all = [head, ...w.parts];
    for (let i = 0; i < all.length; i += 512) await h.writev(all.slice(i, i + 512));
    await h.sync();
  } finally {
    await h.close();
  }
  await rename(temporary, file);
  const dir = await open(dirname(file), 'r');
  try {
    await dir.sync();
  } finally {
    await dir.close();
  }
};

/** A snapshot read back, or why none could be. */
export type SnapshotRead =
  | { readonly found: true; readonly reader: SnapshotReader; readonly bytes: number }
  | { readonly found: false; readonly reason: string };

/** Reads the snapshot in `file`, checking its header and SHA-256. */
export const readSnapshotFile = async (file: string): Promise<SnapshotRead> => {
  let buffer: Buffer;
  try {
    buffer = await readFile(file);
  } catch (e) {
    if (e instanceof Error && Reflect.get(e, 'code') === 'ENOENT') {
      return { found: false, reason: 'no snapshot' };
    }
    throw e;
  }
  if (buffer.length < headerBytes || !buffer.subarray(0, 16).equals(magic)) {
    return { found: false, reason: 'not a snapshot file' };
  }
  const body = buffer.readDoubleLE(48);
  if (body !== buffer.length - headerBytes) {
    return { found: false, reason: `${buffer.length - headerBytes} bytes, not ${body}` };
  }
  const sha = createHash('sha256').update(buffer.subarray(headerBytes)).digest();
  if (!sha.equals(buffer.subarray(16, 48))) {
    return { found: false, reason: 'its SHA-256 does not match: changed or damaged' };
  }
  return { found: true, reader: snapshotReader(buffer, headerBytes), bytes: buffer.length };
};

/** Removes a snapshot (and a write a crash left unfinished). */
export const removeSnapshotFile = async (file: string): Promise<void> => {
  await rm(file, { force: true });
  await rm(`${file}.writing`, { force: true });
};
