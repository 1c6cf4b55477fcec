import { randomBytes } from 'node:crypto';
import { open, readFile } from 'node:fs/promises';
import { jsonDirectoryFile, memoryDirectoryFile } from './directoryFile.ts';
import { memberDirectory, type MemberDirectory } from './memberDirectory.ts';

const readOrCreateKey = async (keyFile: string): Promise<Buffer> => {
  try {
    return Buffer.from((await readFile(keyFile, 'utf8')).trim(), 'base64');
  } catch (e) {
    if (!(e instanceof Error) || Reflect.get(e, 'code') !== 'ENOENT') throw e;
  }
  const key = randomBytes(32);
  const h = await open(keyFile, 'wx', 0o600);
  try {
    await h.writeFile(`${key.toString('base64')}\n`, 'utf8');
    await h.sync();
  } finally {
    await h.close();
  }
  return key;
};

/**
 * The embedded directory: rows in `file`, the master key given or kept in `keyFile` (created,
 * mode 0600, if absent; keep it apart from the data and the log in production).
 * @example const directory = await openMemberDirectory({ file: 'dir/members.json',
 *   keyFile: 'dir/members.key' })
 */
export const openMemberDirectory = async (
  o: { readonly file: string } & ({ readonly masterKey: Buffer } | { readonly keyFile: string }),
): Promise<MemberDirectory> => {
  const key = 'masterKey' in o ? o.masterKey : await readOrCreateKey(o.keyFile);
  return memberDirectory(key, jsonDirectoryFile(o.file));
};

/** A directory in memory, with a fresh master key: for tests. */
export const inMemoryMemberDirectory = (): MemberDirectory =>
  memberDirectory(randomBytes(32), memoryDirectoryFile());
