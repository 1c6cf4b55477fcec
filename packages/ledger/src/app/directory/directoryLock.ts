import { createHash } from 'node:crypto';
import { stat } from 'node:fs/promises';
import { basename, dirname } from 'node:path';
import { acquireLock, type WriterLock } from '../../durable/processLock.ts';
import { DirectoryLockedError } from './directoryErrors.ts';

/**
 * Takes the directory's lock, held until its `close()` or the process's end. It is named after
 * the folder and the file's name, not the file: a rotation or migration replaces the file (a
 * new inode), and the lock must outlive that; the file need not exist yet.
 */
export const acquireDirectoryLock = (file: string): Promise<WriterLock> => acquireLock({
  socketName: async () => {
    // The folder's birth time too: a folder removed while a directory in it was still open
    // (never closed) may have its inode number given to the next folder made.
    const s = await stat(dirname(file), { bigint: true });
    const place = createHash('sha256')
      .update(`${s.dev}:${s.ino}:${s.birthtimeNs}:${basename(file)}`).digest('hex');
    return `\0usha-ledger-directory:${place}`;
  },
  lockFile: `${file}.lock`,
  held: (detail) => new DirectoryLockedError(file, detail),
});
