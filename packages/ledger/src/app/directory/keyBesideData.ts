// A master key beside the data it protects defeats it: a copy of the folder (a backup, a disk
// sent for repair) would open every record, forgotten members' too. Both checks refuse.
import { readdir, realpath, stat } from 'node:fs/promises';
import { dirname, isAbsolute, join, relative, resolve } from 'node:path';
import { onFile, openRegularFile, readFlags } from '../../durable/fileAccess.ts';
import { KeyBesideDataError } from './directoryErrors.ts';

const real = (path: string): Promise<string> => realpath(path).catch(() => resolve(path));

/**
 * Refuses a key file inside the directory's folder (at any depth): KeyBesideDataError. A key
 * file given as a link is refused if the link, or the file it names, is there.
 */
export const refuseKeyBesideData = async (keyFile: string, file: string): Promise<void> => {
  const folder = await real(dirname(resolve(file)));
  const inside = (keyFolder: string) => {
    const r = relative(folder, keyFolder);
    return r === '' || (!r.startsWith('..') && !isAbsolute(r));
  };
  const keyFolders = [await real(dirname(resolve(keyFile))), dirname(await real(keyFile))];
  if (keyFolders.some(inside)) throw new KeyBesideDataError(keyFile, folder);
};

/**
 * Refuses a copy of the master key left in the directory's folder (e.g. the `members.key` an
 * earlier setup kept there): any small file there that holds `key` in base64.
 */
export const refuseKeyCopyBesideData = async (key: Buffer, file: string): Promise<void> => {
  const folder = dirname(resolve(file));
  for (const name of await onFile(file, () => readdir(folder))) {
    const path = join(folder, name);
    const s = await stat(path).catch(() => undefined);
    if (s === undefined || !s.isFile() || s.size > 128) continue;
    const text = (await smallFileText(path)).trim();
    if (Buffer.from(text, 'base64').equals(key)) throw new KeyBesideDataError(path, folder);
  }
};

// The text of a small regular file, or '' if it cannot be read as one: a name swapped for a
// pipe since it was listed is not waited on.
const smallFileText = async (path: string): Promise<string> => {
  const h = await openRegularFile(path, readFlags).catch(() => undefined);
  if (h === undefined) return '';
  try {
    const bytes = Buffer.alloc(129);
    const { bytesRead } = await h.read(bytes, 0, bytes.length, 0);
    return bytes.subarray(0, bytesRead).toString('utf8');
  } catch {
    return '';
  } finally {
    await h.close();
  }
};
