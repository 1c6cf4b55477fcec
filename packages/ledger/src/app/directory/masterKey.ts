import { checkAad } from './directoryHeader.ts';
import { MasterKeySizeError, MissingMasterKeyError } from './directoryErrors.ts';
import { tryUnseal } from './sealed.ts';
import { thrownMessage } from '../../eventStore/thrownName.ts';

/**
 * Where the directory's master key comes from: always from somewhere apart from the data
 * (a backup of the directory's folder must not carry the key that opens it).
 * - `masterKey`: the key itself (32 bytes), e.g. fetched by the app from a key service;
 * - `keyFile`: a file outside the directory's folder (base64, created 0600 if the directory
 *   is new); the directory rotates it itself;
 * - `keyEnv`: the name of an environment variable holding the key in base64;
 * - `keyProvider`: a function the app passes, called once at open.
 */
export type MasterKeySource =
  | { readonly masterKey: Buffer }
  | { readonly keyFile: string }
  | { readonly keyEnv: string }
  | { readonly keyProvider: () => Promise<Buffer> };

/** How a source is named in errors (never the key itself). */
export const describeSource = (s: MasterKeySource): string =>
  'masterKey' in s ? 'the masterKey option' : 'keyFile' in s ? `the key file ${s.keyFile}`
    : 'keyEnv' in s ? `the environment variable ${s.keyEnv}` : 'the key provider';

/** `key` if it is 32 bytes, else MasterKeySizeError naming `source`. */
export const checkedKey = (key: Buffer, source: string): Buffer => {
  if (key.length !== 32) throw new MasterKeySizeError(source, key.length);
  return key;
};

/**
 * A key given as bytes (a Buffer or Uint8Array of 32 bytes), copied: anything else is refused
 * (MissingMasterKeyError: a string of 32 characters is no AES-256 key), a wrong length too.
 */
export const keyBytesOf = (key: unknown, source: string): Buffer => {
  const bytes = bytesCopyOf(key);
  if (bytes === undefined) {
    throw new MissingMasterKeyError(source, `it is ${key === null ? 'null' : typeof key}, `
      + 'not bytes (a Buffer or Uint8Array of 32 bytes)');
  }
  return checkedKey(bytes, source);
};

/**
 * A copy of the bytes of a Buffer or Uint8Array (the caller may wipe hers), read through the
 * typed array's own getters, never through the value's: a proxy (refused by them, or by its
 * own traps), or an own `length` or `valueOf`, is not asked what the bytes are. Undefined for
 * anything else.
 */
export const bytesCopyOf = (key: unknown): Buffer | undefined => {
  try {
    if (!(key instanceof Uint8Array)) return undefined;
    const buffer = Reflect.apply(viewGetter('buffer'), key, []) as ArrayBufferLike;
    const offset = Reflect.apply(viewGetter('byteOffset'), key, []) as number;
    const length = Reflect.apply(viewGetter('byteLength'), key, []) as number;
    return Buffer.from(new Uint8Array(buffer, offset, length));
  } catch {
    return undefined;
  }
};

// The getters every typed array shares (%TypedArray%.prototype), which no value overrides.
const viewGetter = (name: 'buffer' | 'byteOffset' | 'byteLength'): () => unknown => {
  const get = Object.getOwnPropertyDescriptor(Object.getPrototypeOf(Uint8Array.prototype), name)
    ?.get;
  if (get === undefined) throw new Error(`unreachable: no typed array getter ${name}`);
  return get;
};

/** The key of an environment variable or a provider (a key file is read by `keyFile.ts`). */
export const keyFromEnvOrProvider = async (
  s: { readonly keyEnv: string } | { readonly keyProvider: () => Promise<Buffer> },
): Promise<Buffer> => {
  const source = describeSource(s);
  if ('keyEnv' in s) {
    const text = process.env[s.keyEnv];
    if (text === undefined || text.trim() === '') {
      throw new MissingMasterKeyError(source, 'it is not set');
    }
    return checkedKey(Buffer.from(text.trim(), 'base64'), source);
  }
  let key: unknown;
  try {
    key = await s.keyProvider();
  } catch (e) {
    // Its own words only when it threw an Error whose message reads as text; anything else
    // thrown is named by its kind (read without a throw of its own: thrownMessage).
    throw new MissingMasterKeyError(source, thrownMessage(e));
  }
  // Bytes only, copied: a string of 32 characters is no AES-256 key, however long.
  const bytes = bytesCopyOf(key);
  if (bytes === undefined) {
    throw new MissingMasterKeyError(source, `it gave ${key === null ? 'null' : typeof key}, `
      + 'not bytes (a Buffer or Uint8Array of 32 bytes)');
  }
  return checkedKey(bytes, source);
};

/** Whether `key` opens a directory's check value. */
export const opensCheck = (key: Buffer, check: Buffer): boolean =>
  tryUnseal(key, check, checkAad) !== undefined;
