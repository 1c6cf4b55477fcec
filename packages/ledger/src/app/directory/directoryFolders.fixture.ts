// Test support: a data folder and a key folder apart, both removed afterwards.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** Paths a directory test works in: the data folder and, apart from it, the key's folder. */
export interface Folders {
  readonly data: string;
  readonly keys: string;
  readonly file: string;
  readonly keyFile: string;
}

/** Runs `f` with fresh folders; removes them whatever happens. */
export const withFolders = async (f: (d: Folders) => Promise<void>): Promise<void> => {
  const data = await mkdtemp(join(tmpdir(), 'usha-directory-'));
  const keys = await mkdtemp(join(tmpdir(), 'usha-directory-keys-'));
  try {
    await f({ data, keys, file: join(data, 'members.dir'), keyFile: join(keys, 'members.key') });
  } finally {
    await rm(data, { recursive: true, force: true });
    await rm(keys, { recursive: true, force: true });
  }
};

/** A member's details for tests, from her number. */
export const detailsOf = (i: number) => ({ name: `Member Name ${i} Das`,
  phone: `+91 98300 ${String(10000 + i)}`, address: `${i} Sonagachi Lane` });
