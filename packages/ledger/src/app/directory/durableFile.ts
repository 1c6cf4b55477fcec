// The few durable file steps the directory is built of: write new, zero, destroy, replace.
import { open, readFile, rename, stat, unlink } from 'node:fs/promises';
import { syncFolder } from '../../durable/syncFolder.ts';

const isMissing = (e: unknown) => e instanceof Error && Reflect.get(e, 'code') === 'ENOENT';

/**
 * Overwrites every byte of `file` with zeros and syncs: what it held is gone from the file
 * (a copy-on-write file system or an SSD may keep old blocks; see docs/concepts/privacy.md).
 * Returns false if there is no such file.
 */
export const zeroFile = async (file: string): Promise<boolean> => {
  let h;
  try {
    h = await open(file, 'r+');
  } catch (e) {
    if (isMissing(e)) return false;
    throw e;
  }
  try {
    const { size } = await h.stat();
    const zeros = Buffer.alloc(Math.min(size, 1 << 20));
    for (let at = 0; at < size; at += zeros.length) {
      await h.write(zeros, 0, Math.min(zeros.length, size - at), at);
    }
    await h.sync();
  } finally {
    await h.close();
  }
  return true;
};

/** Zeros `file`, then unlinks it and syncs its folder; nothing if it does not exist. */
export const destroyFile = async (file: string): Promise<void> => {
  if (!(await zeroFile(file))) return;
  await unlink(file);
  await syncFolder(file);
};

/** Replaces `file` by `next`: the old content zeroed first, then the rename, synced. */
export const replaceFile = async (next: string, file: string): Promise<void> => {
  await zeroFile(file);
  await rename(next, file);
  await syncFolder(file);
};

/** Whether `file` exists. */
export const exists = (file: string): Promise<boolean> =>
  stat(file).then(() => true, (e: unknown) => { if (isMissing(e)) return false; throw e; });

/** Writes `bytes` as a new `file` (mode 0600, replacing any), synced with its folder. */
export const writeNewFile = async (file: string, bytes: Buffer): Promise<void> => {
  const h = await open(file, 'w', 0o600);
  try {
    await h.writeFile(bytes);
    await h.sync();
  } finally {
    await h.close();
  }
  await syncFolder(file);
};

/** The bytes of `file`, or undefined if it does not exist. */
export const readIfExists = async (file: string): Promise<Buffer | undefined> => {
  try {
    return await readFile(file);
  } catch (e) {
    if (isMissing(e)) return undefined;
    throw e;
  }
};
