import { randomBytes } from 'node:crypto';
import { lstat } from 'node:fs/promises';
import { FileAccessError, hardLinked, onFile } from '../../durable/fileAccess.ts';
import { decodeHeader } from './directoryHeader.ts';
import { WrongMasterKeyError } from './directoryErrors.ts';
import { memoryStorage } from './directoryStorage.ts';
import { readIfExists, refuseUnusablePath } from './durableFile.ts';
import { refuseKeyBesideData, refuseKeyCopyBesideData } from './keyBesideData.ts';
import {
  commitNextKeyFile, nextKeyFileOf, openKeyFile, prepareNextKeyFile,
} from './keyFile.ts';
import { destroyLegacyTemps, isLegacyDirectory, legacySlots } from './legacyJson.ts';
import {
  checkedKey, describeSource, keyFromEnvOrProvider, opensCheck, type MasterKeySource,
} from './masterKey.ts';
import {
  appCustody, checkValueOf, memberDirectory, type KeyCustody, type MemberDirectory,
} from './memberDirectory.ts';
import { tryUnseal } from './sealed.ts';
import {
  finishReplacement, nextFileOf, slotFileStorage, writeWholeDirectory,
} from './slotFile.ts';
import { directoryOptions, type DirectoryOptions } from './directoryOptions.ts';
import { acquireDirectoryLock } from './directoryLock.ts';

const keyOf = async (o: MasterKeySource, file: string, bytes?: Buffer): Promise<Buffer> => {
  if ('masterKey' in o) return o.masterKey;
  if (!('keyFile' in o)) return keyFromEnvOrProvider(o);
  const check = bytes === undefined || isLegacyDirectory(bytes) ? undefined
    : decodeHeader(bytes)?.check;
  return openKeyFile(o.keyFile, { check, directoryExists: bytes !== undefined });
};

const custodyOf = (o: MasterKeySource): KeyCustody => 'keyFile' in o
  ? { prepare: (k) => prepareNextKeyFile(o.keyFile, k),
    commit: () => commitNextKeyFile(o.keyFile) }
  : appCustody;

// A first-format directory has no check value: its key is proved by opening a wrapped key.
const refuseWrongLegacyKey = (key: Buffer, bytes: Buffer, file: string, source: string) => {
  const live = legacySlots(file, bytes).find((s) => s.key !== null);
  if (live?.key && tryUnseal(key, live.key, `key:${live.memberId}`) === undefined) {
    throw new WrongMasterKeyError(file, source);
  }
};

// Every path the open may touch, refused before any is (FileAccessError naming the one at
// fault). The data file needs its folder; a key file's may be missing (for a directory that
// exists that is a lost key, MissingMasterKeyError). Each `.next` too: else a name too long
// for it would be found only after a key file was created, or once a rotation had begun.
const refuseUnusablePaths = async (o: DirectoryOptions): Promise<void> => {
  await refuseUnusablePath(o.file, { folder: true });
  await refuseUnusablePath(nextFileOf(o.file), { folder: false });
  if (!('keyFile' in o)) return;
  // A key may be reached through a link (a secret mounted so): read through it, never
  // rotated through it (prepareNextKeyFile refuses that).
  await refuseUnusablePath(o.keyFile, { folder: false, linkToFile: true });
  await refuseUnusablePath(nextKeyFileOf(o.keyFile), { folder: false });
};

/**
 * The embedded directory in `file`: fixed-size records updated in place, each synced, so no
 * copy of a wrapped key exists outside the one file. Opening finishes whatever a crash cut
 * short (a torn record, a forgetting, a rotation), destroys the temporary files of the first
 * format, and migrates a first-format `file` (the old file then zeroed and replaced).
 * The master key comes from apart from the data (see `MasterKeySource`); a key file inside
 * the directory's folder is refused (KeyBesideDataError), as is a copy of the key left there.
 * Options it cannot use (no path, no key source or two, a source of the wrong kind) are refused
 * with DirectoryOptionsError naming the field, before any file is touched. A path it cannot
 * use (a folder, a missing folder, a device or pipe, a name too long, its own or its `.next`;
 * for `file`, a symbolic link too) is refused with FileAccessError naming it, before anything
 * is written. A `keyFile` may be a link to a regular file: read through it, never rotated.
 * One opener at a time: the directory is locked from its open to its `close()` (or the
 * process's end, a crash included); a second open, in this process or another, is refused with
 * DirectoryLockedError before it reads or writes anything.
 * @example const directory = await openMemberDirectory({ file: 'data/members.dir',
 *   keyFile: '/etc/usha/members.key' })
 */
export const openMemberDirectory = async (
  options: { readonly file: string } & MasterKeySource,
): Promise<MemberDirectory> => {
  // Each field read once and checked (DirectoryOptionsError), before any file is touched.
  const o = directoryOptions(options);
  const source = describeSource(o);
  if ('keyFile' in o) await refuseKeyBesideData(o.keyFile, o.file);
  await refuseUnusablePaths(o);
  // Held from before the first write (a crash's repair, a migration) until close().
  const lock = await acquireDirectoryLock(o.file);
  try {
    return await openLocked(o, source, lock.release);
  } catch (e) {
    await lock.release();
    throw e;
  }
};

const openLocked = async (
  o: DirectoryOptions, source: string, release: () => Promise<void>,
): Promise<MemberDirectory> => {
  await destroyLegacyTemps(o.file);
  await finishReplacement(o.file);
  const found = await readIfExists(o.file);
  const key = checkedKey(await keyOf(o, o.file, found), source);
  await refuseKeyCopyBesideData(key, o.file);
  if (found === undefined || isLegacyDirectory(found)) {
    if (found !== undefined) refuseWrongLegacyKey(key, found, o.file, source);
    const slots = found === undefined ? [] : legacySlots(o.file, found);
    await writeWholeDirectory(o.file, slots, checkValueOf(key));
  }
  const bytes = await readIfExists(o.file) ?? Buffer.alloc(0);
  const check = decodeHeader(bytes)?.check;
  if (check !== undefined && !opensCheck(key, check)) {
    throw new WrongMasterKeyError(o.file, source);
  }
  // The lock is the name's: the same file under another name (a hard link) would let a second
  // opener in, and keep the wrapped keys a rotation or forgetting destroys here. (A first-format
  // file is migrated above into a new file of one name, its old bytes zeroed.)
  const names = await onFile(o.file, () => lstat(o.file));
  if (names.nlink > 1) throw new FileAccessError(o.file, hardLinked);
  const storage = await slotFileStorage(o.file, bytes);
  return memberDirectory(key, storage,
    { name: o.file, source, custody: custodyOf(o), release });
};

/** A directory in memory, with a fresh master key: for tests. */
export const inMemoryMemberDirectory = (): MemberDirectory => {
  const key = randomBytes(32);
  return memberDirectory(key, memoryStorage(checkValueOf(key)),
    { name: 'memory', source: 'a fresh key', custody: appCustody });
};
