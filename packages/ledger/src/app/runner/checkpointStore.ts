import { rename, rm } from 'node:fs/promises';
import {
  asFileAccess, onFile, openFreshTemporary, readRegularFileIfExists,
  refuseAllButFileAt,
} from '../../durable/fileAccess.ts';
import { sep } from 'node:path';
import { checkedPath } from '../../eventStore/storeOptionFields.ts';
import { syncFolder } from '../../durable/syncFolder.ts';

/** Where a runner keeps its checkpoint: one text, replaced whole. */
export interface CheckpointStore {
  readonly load: () => Promise<string | undefined>;
  readonly save: (text: string) => Promise<void>;
}

/** A checkpoint kept in memory: for tests, and for a runner that rebuilds at every start. */
export const memoryCheckpointStore = (): CheckpointStore => {
  let text: string | undefined;
  return {
    load: () => Promise.resolve(text),
    save: (t) => { text = t; return Promise.resolve(); },
  };
};

/**
 * A checkpoint in a file, replaced atomically: written beside it, synced, renamed over it, the
 * directory synced. A crash leaves the old checkpoint or the new one, never half of one; a save
 * that fails removes what it wrote beside it. `file` is a path (a non-empty string without NUL
 * bytes, not ending in a separator), else `CheckpointFileError` at once; a text to save that is
 * no string is refused the same way, nothing written. A path the system refuses, or one that
 * names a folder, device, pipe or link, is refused with FileAccessError naming it (nothing
 * there yet loads as undefined); nothing is read from or written over anything but a file.
 */
let saves = 0;

/** A checkpoint file's path, or a text to save in it, that cannot be used. */
export class CheckpointFileError extends TypeError {
  override readonly name = 'CheckpointFileError';
  constructor(readonly field: string, readonly reason: string) {
    super(`fileCheckpointStore ${field}: ${reason}`);
  }
}

const refuse = (field: string, reason: string): never => {
  throw new CheckpointFileError(field, reason);
};

export const fileCheckpointStore = (file: unknown): CheckpointStore => {
  const path = checkedPath('file', file, refuse);
  if (path.endsWith('/') || path.endsWith(sep)) refuse('file', 'a folder, not a file');
  return {
    load: async () => (await readRegularFileIfExists(path))?.toString('utf8'),
    save: async (text: unknown) => {
      if (typeof text !== 'string') return refuse('text', 'not a string');
      const temporary = `${path}.${process.pid}.${saves += 1}.tmp`;
      // Nothing but a file is replaced: a folder, device, pipe or link there is refused.
      await refuseAllButFileAt(path);
      try {
        const h = await openFreshTemporary(temporary);
        try {
          await h.writeFile(text, 'utf8');
          await h.sync();
        } finally {
          await h.close();
        }
        await rename(temporary, path);
      } catch (e) {
        await rm(temporary, { force: true }).catch(() => undefined);
        throw asFileAccess(e, path); // one of ours already names its own path
      }
      await onFile(path, () => syncFolder(path));
    },
  };
};
