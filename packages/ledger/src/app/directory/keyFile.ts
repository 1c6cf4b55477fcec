import { randomBytes } from 'node:crypto';
import { MissingMasterKeyError } from './directoryErrors.ts';
import {
  destroyFile, readIfExists, replaceFile, writeNewFile,
} from './durableFile.ts';
import { checkedKey, opensCheck } from './masterKey.ts';
import { refuseAllButFileAt } from '../../durable/fileAccess.ts';

/** Where a rotation writes the new key before the records are re-wrapped under it. */
export const nextKeyFileOf = (keyFile: string): string => `${keyFile}.next`;

const readKey = async (file: string): Promise<Buffer | undefined> => {
  const bytes = await readIfExists(file);
  return bytes === undefined ? undefined
    : checkedKey(Buffer.from(bytes.toString('utf8').trim(), 'base64'), `the key file ${file}`);
};

/** Writes a key file: base64 and a newline, mode 0600, synced. */
export const writeKeyFile = (file: string, key: Buffer): Promise<void> =>
  writeNewFile(file, Buffer.from(`${key.toString('base64')}\n`, 'utf8'));

/**
 * The master key in `keyFile`, after finishing a rotation a crash cut short: the new key
 * (`<keyFile>.next`) is kept if the directory is already wrapped under it (`check`), else it
 * is destroyed. With no key file, a key is created only for a directory that does not exist.
 */
export const openKeyFile = async (
  keyFile: string, o: { readonly check?: Buffer; readonly directoryExists: boolean },
): Promise<Buffer> => {
  const next = nextKeyFileOf(keyFile);
  const nextKey = await readKey(next).catch(() => undefined);
  if (nextKey !== undefined && o.check !== undefined && opensCheck(nextKey, o.check)) {
    await replaceFile(next, keyFile);
  } else {
    await destroyFile(next);
  }
  const bytes = await readIfExists(keyFile);
  // An empty key file with no directory is one a first open made and never wrote (killed
  // between the file's creation and its write): no record is under any key yet, so a new key
  // is made. Beside a directory, an empty file is refused, like every key of the wrong size.
  const empty = bytes !== undefined && bytes.toString('utf8').trim() === '';
  if (bytes !== undefined && !(empty && !o.directoryExists)) {
    return checkedKey(Buffer.from(bytes.toString('utf8').trim(), 'base64'),
      `the key file ${keyFile}`);
  }
  if (o.directoryExists) {
    throw new MissingMasterKeyError(`the key file ${keyFile}`,
      'the file does not exist, and the directory was written under a key');
  }
  // Its 45 bytes go in one write call: a kill leaves the file empty (handled above) or whole.
  const created = randomBytes(32);
  await writeKeyFile(keyFile, created);
  return created;
};

/** A rotation's first step for a key file: the new key (given or fresh) in `<keyFile>.next`. */
export const prepareNextKeyFile = async (keyFile: string, newKey?: Buffer): Promise<Buffer> => {
  const key = checkedKey(newKey ?? randomBytes(32), 'the new master key');
  // A key read through a symbolic link is not rotated through it: the last step would zero
  // the file the link names and leave a plain file in the link's place (FileAccessError).
  await refuseAllButFileAt(keyFile);
  await writeKeyFile(nextKeyFileOf(keyFile), key);
  return key;
};

/** A rotation's last step for a key file: the old key zeroed, the new one renamed over it. */
export const commitNextKeyFile = (keyFile: string): Promise<void> =>
  replaceFile(nextKeyFileOf(keyFile), keyFile);
