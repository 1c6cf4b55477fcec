import { stat } from 'node:fs/promises';
import { StoreLockedError } from '../eventStore/errors.ts';
import { acquireLock, type WriterLock } from '../durable/processLock.ts';

export type { WriterLock } from '../durable/processLock.ts';

/** Takes the exclusive writer lock of a log file (which must exist). */
export const acquireWriterLock = (file: string): Promise<WriterLock> => acquireLock({
  socketName: async () => {
    const s = await stat(file, { bigint: true });
    return `\0usha-ledger-writer:${s.dev}:${s.ino}`;
  },
  lockFile: `${file}.lock`,
  held: (detail) => new StoreLockedError(file, detail),
});
