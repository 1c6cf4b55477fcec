import { constants } from 'node:fs';
import { open, stat, unlink } from 'node:fs/promises';
import * as net from 'node:net';
import { StoreLockedError } from '../eventStore/errors.ts';

/** A held writer lock. */
export interface WriterLock {
  readonly release: () => Promise<void>;
}

// On Linux the lock is an abstract Unix socket named after the log's device and inode: binding
// is exclusive across processes, and the kernel frees it when the holder dies, even by SIGKILL,
// so a crash never leaves a stale lock. Abstract sockets are per network namespace: containers
// that share the log's volume but not a network namespace do not see each other's lock.
const socketLock = (file: string, name: string): Promise<WriterLock> =>
  new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', (e: NodeJS.ErrnoException) => {
      if (e.code === 'EADDRINUSE') reject(new StoreLockedError(file, 'the writer lock is held'));
      else reject(e);
    });
    server.listen({ path: name, exclusive: true }, () => {
      server.unref();
      resolve({ release: () => new Promise<void>((done) => server.close(() => done())) });
    });
  });

// Elsewhere, a lock file created exclusively. A crash leaves it behind; the error says so, and
// an operator who has checked that no writer runs removes it. Nothing is removed automatically,
// because breaking a lock safely needs more than a file system offers.
const fileLock = async (file: string): Promise<WriterLock> => {
  const path = `${file}.lock`;
  try {
    const h = await open(path, constants.O_CREAT | constants.O_EXCL | constants.O_WRONLY);
    await h.writeFile(`${process.pid}\n`);
    await h.close();
  } catch (e) {
    if (e instanceof Error && Reflect.get(e, 'code') === 'EEXIST') {
      throw new StoreLockedError(file, `${path} exists; if no writer runs, remove it`);
    }
    throw e;
  }
  return { release: () => unlink(path) };
};

/** Takes the exclusive writer lock of a log file (which must exist). */
export const acquireWriterLock = async (file: string): Promise<WriterLock> => {
  if (process.platform !== 'linux') return fileLock(file);
  const s = await stat(file, { bigint: true });
  return socketLock(file, `\0usha-ledger-writer:${s.dev}:${s.ino}`);
};
