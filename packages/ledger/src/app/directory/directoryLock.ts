import { createHash } from 'node:crypto';
import { close, constants, fstat, open } from 'node:fs';
import { basename, dirname } from 'node:path';
import { promisify } from 'node:util';
import { acquireLock, type WriterLock } from '../../durable/processLock.ts';
import { onFile } from '../../durable/fileAccess.ts';
import { DirectoryLockedError } from './directoryErrors.ts';

const openFd = promisify(open);
const closeFd = promisify(close);
const fstatFd = promisify((fd: number, cb: (e: Error | null, s: import('node:fs').BigIntStats)
  => void) => fstat(fd, { bigint: true }, cb));

/**
 * Takes the directory's lock, held until its `close()` or the process's end. It is named after
 * the folder and the file's name, not the file: a rotation or migration replaces the file (a
 * new inode), and the lock must outlive that; the file need not exist yet. The folder is held
 * open with it (a plain descriptor, never closed by the collector): a folder removed while a
 * directory in it is still open keeps its inode number until the lock is given back, so the
 * next folder made cannot be given that number and find itself locked.
 */
export const acquireDirectoryLock = async (file: string): Promise<WriterLock> => {
  const folder = dirname(file);
  const fd = process.platform === 'linux'
    ? await onFile(folder, () => openFd(folder, constants.O_RDONLY | constants.O_DIRECTORY))
    : undefined;
  const letGo = () => (fd === undefined ? Promise.resolve() : closeFd(fd));
  try {
    const lock = await acquireLock({
      socketName: async () => {
        const s = await fstatFd(fd ?? -1);
        const place = createHash('sha256')
          .update(`${s.dev}:${s.ino}:${basename(file)}`).digest('hex');
        return `\0usha-ledger-directory:${place}`;
      },
      lockFile: `${file}.lock`,
      held: (detail) => new DirectoryLockedError(file, detail),
    });
    return { release: async () => {
      await lock.release();
      await letGo();
    } };
  } catch (e) {
    await letGo();
    throw e;
  }
};
