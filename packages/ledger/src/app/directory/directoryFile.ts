import * as E from 'fp-ts/lib/Either.js';
import * as t from 'io-ts';
import { open, readFile, rename } from 'node:fs/promises';
import { dirname } from 'node:path';
import { DirectoryRow } from './memberDirectory.ts';

/** The directory's table of rows by member id. */
export type DirectoryTable = Readonly<Record<string, DirectoryRow>>;

/** Where the rows are kept: read whole, replaced whole. Updates run one at a time. */
export interface DirectoryFile {
  readonly read: () => Promise<DirectoryTable>;
  readonly update: (f: (table: DirectoryTable) => DirectoryTable) => Promise<void>;
}

const Table = t.record(t.string, DirectoryRow);

const serial = (write: (table: DirectoryTable) => Promise<void>, initial: () =>
  Promise<DirectoryTable>): DirectoryFile => {
  let table: Promise<DirectoryTable> | undefined;
  let queue: Promise<void> = Promise.resolve();
  const read = () => (table ??= initial());
  const update: DirectoryFile['update'] = (f) => {
    const next = queue.then(async () => {
      const after = f(await read());
      await write(after);
      table = Promise.resolve(after);
    });
    queue = next.catch(() => undefined);
    return next;
  };
  return { read, update };
};

/** Rows in memory: for tests. */
export const memoryDirectoryFile = (): DirectoryFile =>
  serial(() => Promise.resolve(), () => Promise.resolve({}));

/** Rows in a JSON file, replaced atomically (written beside it, synced, renamed). */
export const jsonDirectoryFile = (file: string): DirectoryFile => serial(async (table) => {
  const temporary = `${file}.${process.pid}.tmp`;
  const h = await open(temporary, 'w', 0o600);
  try {
    await h.writeFile(JSON.stringify({ version: 1, members: table }), 'utf8');
    await h.sync();
  } finally {
    await h.close();
  }
  await rename(temporary, file);
  const dir = await open(dirname(file), 'r');
  try { await dir.sync(); } finally { await dir.close(); }
}, async () => {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (e) {
    if (e instanceof Error && Reflect.get(e, 'code') === 'ENOENT') return {};
    throw e;
  }
  const json: unknown = JSON.parse(text);
  const members = Table.decode(typeof json === 'object' && json !== null
    ? Reflect.get(json, 'members') : undefined);
  if (E.isLeft(members)) throw new Error(`${file}: not a member directory`);
  return members.right;
});
