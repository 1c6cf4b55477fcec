// An exclusive lock between processes (and between openers in one), freed when its holder
// dies: the file store's writer lock and the member directory's.
import { constants } from 'node:fs';
import { open, unlink } from 'node:fs/promises';
import * as net from 'node:net';

/** A held lock. */
export interface WriterLock {
  readonly release: () => Promise<void>;
}

/** Where a lock is held: its name on Linux, its file elsewhere, and how it says it is held. */
export interface LockPlace {
  /** The abstract socket's name (Linux), made from what identifies the thing locked. */
  readonly socketName: () => Promise<string>;
  /** The lock file created exclusively where there are no abstract sockets. */
  readonly lockFile: string;
  /** The typed error of a lock another holder has, `detail` saying how it was found. */
  readonly held: (detail: string) => Error;
}

// On Linux the lock is an abstract Unix socket named after what it locks: binding is exclusive
// across processes (and within one), and the kernel frees it when the holder dies, even by
// SIGKILL, so a crash never leaves a stale lock. Abstract sockets are per network namespace:
// containers that share a volume but not a network namespace do not see each other's lock.
const socketLock = (place: LockPlace, name: string): Promise<WriterLock> =>
  new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', (e: NodeJS.ErrnoException) => {
      if (e.code === 'EADDRINUSE') reject(place.held('the writer lock is held'));
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
const fileLock = async (place: LockPlace): Promise<WriterLock> => {
  const path = place.lockFile;
  try {
    const h = await open(path, constants.O_CREAT | constants.O_EXCL | constants.O_WRONLY);
    await h.writeFile(`${process.pid}\n`);
    await h.close();
  } catch (e) {
    if (e instanceof Error && Reflect.get(e, 'code') === 'EEXIST') {
      throw place.held(`${path} exists; if no writer runs, remove it`);
    }
    throw e;
  }
  return { release: () => unlink(path) };
};

/** Takes the exclusive lock of `place`. */
export const acquireLock = async (place: LockPlace): Promise<WriterLock> =>
  process.platform === 'linux' ? socketLock(place, await place.socketName()) : fileLock(place);
