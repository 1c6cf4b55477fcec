// The few durable file steps the directory is built of: write new, zero, destroy, replace.
// Each refuses a path it cannot use with FileAccessError naming it (never the system's own
// error), opens only regular files (never waiting on a pipe), and renames over nothing else.
import { constants } from 'node:fs';
import { lstat, rename, stat, unlink } from 'node:fs/promises';
import { dirname } from 'node:path';
import {
  FileAccessError, notAFile, onFile, openRegularFile, readRegularFileIfExists,
  refuseAllButFileAt,
} from '../../durable/fileAccess.ts';
import { syncFolder } from '../../durable/syncFolder.ts';

const isMissing = (e: unknown) => e instanceof FileAccessError && e.code === 'ENOENT';

// A regular file, or undefined if nothing is at `file`; anything else refused.
const openIfExists = (file: string, flags: number) =>
  openRegularFile(file, flags).catch((e: unknown) => {
    if (isMissing(e)) return undefined;
    throw e;
  });

/**
 * Overwrites every byte of `file` with zeros and syncs: what it held is gone from the file
 * (a copy-on-write file system or an SSD may keep old blocks; see docs/concepts/privacy.md).
 * Returns false if there is no such file.
 */
export const zeroFile = async (file: string): Promise<boolean> => {
  // Never through a link: what a link names is not the directory's to zero.
  const h = await openIfExists(file, constants.O_RDWR | constants.O_NOFOLLOW)
    .catch(async (e: unknown) => {
      const link = e instanceof FileAccessError && e.code === 'ELOOP'
        && (await lstat(file).catch(() => undefined))?.isSymbolicLink() === true;
      throw link ? new FileAccessError(file, notAFile, e) : e;
    });
  if (h === undefined) return false;
  try {
    await onFile(file, async () => {
      const { size } = await h.stat();
      const zeros = Buffer.alloc(Math.min(size, 1 << 20));
      for (let at = 0; at < size; at += zeros.length) {
        await h.write(zeros, 0, Math.min(zeros.length, size - at), at);
      }
      await h.sync();
    });
  } finally {
    await h.close();
  }
  return true;
};

/**
 * Zeros `file`, then unlinks it and syncs its folder; nothing if it does not exist. Anything
 * but a regular file there (a link, a pipe) is only unlinked: what a link names is not zeroed.
 */
export const destroyFile = async (file: string): Promise<void> => {
  const there = await onFile(file, () => lstat(file)).catch((e: unknown) => {
    if (isMissing(e)) return undefined;
    throw e;
  });
  if (there === undefined) return;
  if (there.isDirectory()) throw new FileAccessError(file, 'EISDIR');
  if (there.isFile() && !(await zeroFile(file))) return;
  await onFile(file, async () => {
    await unlink(file);
    await syncFolder(file);
  });
};

/**
 * Replaces `file` by `next`: the old content zeroed first, then the rename, synced. A name
 * held by anything but a regular file (a symbolic link, a device) is refused, not replaced.
 */
export const replaceFile = async (next: string, file: string): Promise<void> => {
  await refuseAllButFileAt(file);
  await zeroFile(file);
  await onFile(file, async () => {
    await rename(next, file);
    await syncFolder(file);
  });
};

/**
 * Writes `bytes` as a new `file` (mode 0600, replacing a regular file), synced with its
 * folder. Refused (FileAccessError) where anything else is at `file`; a write that fails
 * leaves no part of the file behind (it is destroyed).
 */
export const writeNewFile = async (file: string, bytes: Buffer): Promise<void> => {
  await refuseAllButFileAt(file);
  // A link put there since the check is refused by the open itself (O_NOFOLLOW), not followed.
  const flags = constants.O_WRONLY | constants.O_CREAT | constants.O_TRUNC | constants.O_NOFOLLOW;
  const h = await openRegularFile(file, flags, 0o600);
  try {
    await onFile(file, async () => {
      try {
        await h.writeFile(bytes);
        await h.sync();
      } finally {
        await h.close();
      }
      await syncFolder(file);
    });
  } catch (e) {
    await destroyFile(file).catch(() => undefined);
    throw e;
  }
};

/** The bytes of `file`, or undefined if it does not exist; anything but a file refused. */
export const readIfExists = readRegularFileIfExists;

/**
 * Refuses, before anything is touched, a path no file of the directory can be kept at: a
 * folder, device, pipe, socket or symbolic link there (EISDIR, ENOTREG), a path the system
 * will not resolve (ENOTDIR, ELOOP, ENAMETOOLONG, EACCES...) or, with `folder`, a folder to
 * hold it that does not exist (ENOENT). FileAccessError naming `path`; nothing there passes.
 * With `linkToFile`, a symbolic link to a regular file passes too (a key only read through it).
 */
export const refuseUnusablePath = async (
  path: string, o: { readonly folder: boolean; readonly linkToFile?: boolean },
): Promise<void> => {
  // Following links first, so a loop is named as one (ELOOP), not only as a link.
  const followed = await onFile(path, () => stat(path)).catch((e: unknown) => {
    if (!isMissing(e)) throw e;
    return undefined;
  });
  if (o.linkToFile === true && followed !== undefined) {
    if (followed.isFile()) return;
    throw new FileAccessError(path, followed.isDirectory() ? 'EISDIR' : notAFile);
  }
  await refuseAllButFileAt(path);
  if (!o.folder) return;
  const s = await onFile(path, () => stat(dirname(path)));
  if (!s.isDirectory()) throw new FileAccessError(path, 'ENOTDIR');
};
