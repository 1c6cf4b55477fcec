import { sep } from 'node:path';
import { checkedPath, readOptionFields } from '../../eventStore/storeOptionFields.ts';
import { DirectoryOptionsError } from './directoryErrors.ts';
import { bytesCopyOf, type MasterKeySource } from './masterKey.ts';

/** What `openMemberDirectory` takes: where the directory lives, and one source of its key. */
export type DirectoryOptions = { readonly file: string } & MasterKeySource;

const refuse = (field: string, reason: string): never => {
  throw new DirectoryOptionsError(field, reason);
};

const sources = ['masterKey', 'keyFile', 'keyEnv', 'keyProvider'] as const;
// An environment variable's name as shells write one.
const envName = /^[A-Za-z_][A-Za-z0-9_]{0,127}$/;

const fileOf = (field: string, v: unknown): string => {
  const path = checkedPath(field, v, refuse);
  return path.endsWith('/') || path.endsWith(sep) ? refuse(field, 'a folder, not a file') : path;
};

/**
 * The options read once, each field checked, into a plain record: `file` a path, and exactly
 * one key source of its kind (a master key of bytes, copied; a key file's path; a variable's
 * name; a provider function). Anything else is refused with DirectoryOptionsError naming the
 * field; the key's size is checked where it is read (MasterKeySizeError).
 */
export const directoryOptions = (given: unknown): DirectoryOptions => {
  const o = readOptionFields(given, ['file', ...sources], refuse);
  const file = fileOf('file', o.file);
  const named = sources.filter((s) => o[s] !== undefined);
  if (named.length !== 1) {
    return refuse(named.length === 0 ? '' : named.join(', '), named.length === 0
      ? 'no key source: give one of masterKey, keyFile, keyEnv, keyProvider'
      : 'more than one key source: give one');
  }
  const { masterKey, keyFile, keyEnv, keyProvider } = o;
  if (masterKey !== undefined) {
    // A copy: the caller's buffer may be zeroed or changed after, this one is the directory's.
    const bytes = bytesCopyOf(masterKey);
    return bytes !== undefined ? { file, masterKey: bytes }
      : refuse('masterKey', 'not bytes (a Buffer or Uint8Array of 32 bytes)');
  }
  if (keyFile !== undefined) return { file, keyFile: fileOf('keyFile', keyFile) };
  if (keyEnv !== undefined) {
    return typeof keyEnv === 'string' && envName.test(keyEnv) ? { file, keyEnv }
      : refuse('keyEnv', 'not the name of an environment variable');
  }
  return typeof keyProvider === 'function'
    // Called on the options object, as `options.keyProvider()` was.
    ? { file, keyProvider: () => Reflect.apply(keyProvider, given, []) }
    : refuse('keyProvider', 'not a function');
};
