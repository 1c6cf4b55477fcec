import { open, readFile, rename } from 'node:fs/promises';
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
 * directory synced. A crash leaves the old checkpoint or the new one, never half of one.
 */
let saves = 0;

export const fileCheckpointStore = (file: string): CheckpointStore => ({
  load: async () => {
    try {
      return await readFile(file, 'utf8');
    } catch (e) {
      if (e instanceof Error && Reflect.get(e, 'code') === 'ENOENT') return undefined;
      throw e;
    }
  },
  save: async (text) => {
    const temporary = `${file}.${process.pid}.${saves += 1}.tmp`;
    const h = await open(temporary, 'w');
    try {
      await h.writeFile(text, 'utf8');
      await h.sync();
    } finally {
      await h.close();
    }
    await rename(temporary, file);
    await syncFolder(file);
  },
});
