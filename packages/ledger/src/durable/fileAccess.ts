// A path the library was given that the system will not let it use, or that names no regular
// file, refused by one typed error that names the path, with the system's code kept: every
// function of the library that takes a path refuses this way, never with the system's own
// error, and never by waiting on a pipe or writing over a device.
import { constants, type Stats } from 'node:fs';
import { lstat, open, unlink, type FileHandle } from 'node:fs/promises';

/** The code of a path that names something other than a regular file (a device, pipe, socket). */
export const notAFile = 'ENOTREG';

/** The code of a file that has other names besides the path (hard links). */
export const hardLinked = 'EHARDLINK';

const meanings: Readonly<Record<string, string>> = {
  ENOENT: 'no such file or folder',
  EISDIR: 'is a folder, not a file',
  ENOTDIR: 'a folder on its path is not a folder',
  ELOOP: 'too many symbolic links on its path (a loop?)',
  ENAMETOOLONG: 'its name, or a name the library makes from it, is too long',
  EACCES: 'permission denied',
  EPERM: 'operation not permitted',
  EEXIST: 'exists already',
  ENOSPC: 'no space left on the disk',
  EROFS: 'is on a read-only file system',
  EMFILE: 'too many files open in this process',
  [notAFile]: 'not a regular file (a device, pipe, socket or symbolic link)',
  [hardLinked]: 'the file has other names (hard links): an opener through another name would '
    + 'not meet its lock, and a copy there would keep what a rotation or forgetting destroys',
};

/** What a system error code means for a path, in words. */
export const fileAccessMeaning = (code: string): string =>
  Object.hasOwn(meanings, code) ? meanings[code] ?? code : `the system refused it (${code})`;

/**
 * A path that could not be used: `path` as given, `code` the system's (`ENOENT`, `EISDIR`...)
 * or `ENOTREG` for something that is not a regular file; the system's error as its cause.
 */
export class FileAccessError extends Error {
  override readonly name = 'FileAccessError';
  constructor(readonly path: string, readonly code: string, cause?: unknown) {
    super(`${path}: ${fileAccessMeaning(code)}`, cause === undefined ? undefined : { cause });
  }
}

const systemCode = (e: unknown): string | undefined => {
  if (!(e instanceof Error) || e instanceof FileAccessError) return undefined;
  const code: unknown = Reflect.get(e, 'code');
  // Node's own argument errors (a NUL byte in a path) are ERR_..., not the system's.
  return typeof code === 'string' && /^E[A-Z0-9]+$/.test(code) ? code : undefined;
};

/** `e` as a FileAccessError naming `path` if the system raised it; else `e` as it is. */
export const asFileAccess = (e: unknown, path: string): unknown => {
  const code = systemCode(e);
  return code === undefined ? e : new FileAccessError(path, code, e);
};

/** Runs `f`; a system error it throws comes out as a FileAccessError naming `path`. */
export const onFile = async <T>(path: string, f: () => Promise<T>): Promise<T> => {
  try {
    return await f();
  } catch (e) {
    throw asFileAccess(e, path);
  }
};

/**
 * Opens a regular file: without waiting (a pipe would block the open until a writer came), then
 * refused unless the handle is of a regular file (a folder, device, pipe or socket), so nothing
 * is read from or written to anything else. `flags` as `open` takes them, as a number.
 */
export const openRegularFile = async (
  path: string, flags: number, mode?: number,
): Promise<FileHandle> => {
  const handle = await openWithoutWaiting(path, flags, mode);
  let stats: Stats;
  try {
    stats = await handle.stat();
  } catch (e) {
    await handle.close();
    throw asFileAccess(e, path);
  }
  if (stats.isFile()) return handle;
  await handle.close();
  throw new FileAccessError(path, stats.isDirectory() ? 'EISDIR' : notAFile);
};

// A lease another process holds (an NFS delegation, an oplock) refuses an open that will not
// wait with EAGAIN, and the refusal asks the holder to let it go: the open is tried again,
// never waiting (a name swapped for a pipe meanwhile is then refused, not waited on), until
// the holder lets go or the system breaks the lease (after /proc/sys/fs/lease-break-time,
// 45 s by default). A socket refuses it with ENXIO: not a file.
const leaseWaitMs = 120_000;
const openWithoutWaiting = async (
  path: string, flags: number, mode: number | undefined,
): Promise<FileHandle> => {
  const started = Date.now();
  for (let pause = 5; ; pause = Math.min(pause * 2, 200)) {
    try {
      return await onFile(path, () => open(path, flags | constants.O_NONBLOCK, mode));
    } catch (e) {
      if (e instanceof FileAccessError && e.code === 'ENXIO') {
        throw new FileAccessError(path, notAFile, e);
      }
      if (!(e instanceof FileAccessError) || e.code !== 'EAGAIN') throw e;
      if (Date.now() - started > leaseWaitMs) throw e;
      await new Promise((resolve) => setTimeout(resolve, pause));
    }
  }
};

/** `open`'s flags for reading. */
export const readFlags = constants.O_RDONLY;

/** The whole of a regular file, opened as `openRegularFile` opens one (FileAccessError else). */
export const readRegularFile = async (path: string): Promise<Buffer> => {
  const h = await openRegularFile(path, readFlags);
  try {
    return await onFile(path, () => h.readFile());
  } finally {
    await h.close();
  }
};

/** `readRegularFile`, or undefined when nothing is at `path` (ENOENT). */
export const readRegularFileIfExists = (path: string): Promise<Buffer | undefined> =>
  readRegularFile(path).catch((e: unknown) => {
    if (e instanceof FileAccessError && e.code === 'ENOENT') return undefined;
    throw e;
  });

/**
 * Opens a new file at a name of the library's own making, written then renamed (a `.writing`,
 * a `.tmp`): whatever a killed write left there is unlinked first (a link only unlinked, never
 * written through), then the file is created afresh, refused if anything came back meanwhile.
 */
export const openFreshTemporary = async (path: string, mode = 0o666): Promise<FileHandle> => {
  await onFile(path, () => unlink(path)).catch((e: unknown) => {
    if (!(e instanceof FileAccessError && e.code === 'ENOENT')) throw e;
  });
  return openRegularFile(path, freshFlags, mode);
};
const freshFlags = constants.O_WRONLY | constants.O_CREAT | constants.O_EXCL
  | constants.O_NOFOLLOW;

/**
 * Refuses a name that something other than a regular file holds (a folder, device, pipe,
 * socket or symbolic link), before a file is renamed over it: a rename would replace it.
 * Nothing there, or a regular file, passes.
 */
export const refuseAllButFileAt = async (path: string): Promise<void> => {
  let stats: Stats;
  try {
    stats = await lstat(path);
  } catch (e) {
    if (systemCode(e) === 'ENOENT') return;
    throw asFileAccess(e, path);
  }
  if (stats.isFile()) return;
  throw new FileAccessError(path, stats.isDirectory() ? 'EISDIR' : notAFile);
};
