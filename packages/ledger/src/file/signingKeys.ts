import {
  createPrivateKey, createPublicKey, generateKeyPairSync, KeyObject, sign, verify,
} from 'node:crypto';
import { constants } from 'node:fs';
import { unlink } from 'node:fs/promises';
import {
  asFileAccess, FileAccessError, fileAccessMeaning, openRegularFile, readRegularFile,
} from '../durable/fileAccess.ts';
import { checkedPath, readOptionFields } from '../eventStore/storeOptionFields.ts';
import { join } from 'node:path';

/**
 * A key given to the store or to `verifyLog`: a KeyObject, PEM text, a PEM file, or an
 * environment variable holding PEM text. Like the member directory's master key, the private
 * key is kept apart from the data: never beside the log, never in it.
 */
export type KeyInput =
  | KeyObject
  | { readonly pem: string }
  | { readonly file: string }
  | { readonly env: string };

/** A key that is missing, unreadable or not an Ed25519 key of the kind asked for. */
export class SigningKeyError extends Error {
  constructor(readonly detail: string, options?: ErrorOptions) {
    super(`signing key: ${detail}`, options);
    this.name = 'SigningKeyError';
  }
}

// A KeyInput given from JavaScript may be any value: anything but the four forms is refused.
const stringField = (input: unknown, name: 'pem' | 'file' | 'env'): string | undefined => {
  if (typeof input !== 'object' || input === null || !(name in input)) return undefined;
  const value: unknown = Reflect.get(input, name);
  if (typeof value !== 'string') throw new SigningKeyError(`{ ${name} } must be a string`);
  return value;
};

// Where a key's text came from, for a refusal to name: the file, the variable, or `{ pem }`.
interface KeyText {
  readonly pem: string;
  readonly from: string;
}

const pemOf = async (input: Exclude<KeyInput, KeyObject>): Promise<KeyText> => {
  const [pem, file, env] = (['pem', 'file', 'env'] as const).map((n) => stringField(input, n));
  if (pem === undefined && file === undefined && env === undefined) {
    throw new SigningKeyError('expected a KeyObject, { pem }, { file } or { env }');
  }
  if (pem !== undefined) return { pem, from: 'the { pem } given' };
  if (file !== undefined) return { pem: await fileText(file), from: file };
  const text = process.env[env ?? ''];
  if (text === undefined || text === '') throw new SigningKeyError(`${env ?? ''} is not set`);
  return { pem: text, from: `$${env ?? ''}` };
};

const fileText = async (file: string): Promise<string> => {
  try {
    // Only a regular file: a pipe would hold the open until a writer came.
    return (await readRegularFile(file)).toString('utf8');
  } catch (e) {
    const why = e instanceof FileAccessError ? fileAccessMeaning(e.code) : String(e);
    throw new SigningKeyError(`cannot read ${file}: ${why}`, { cause: e });
  }
};

const ed25519 = (key: KeyObject, kind: 'private' | 'public'): KeyObject => {
  if (key.asymmetricKeyType !== 'ed25519' || key.type !== kind) {
    throw new SigningKeyError(`expected an Ed25519 ${kind} key, got ${key.type} `
      + `${key.asymmetricKeyType ?? 'symmetric'}`);
  }
  return key;
};

// The system's reason (an OpenSSL code) is kept as the cause, not shown: it names neither the
// key nor what was expected.
const parsed = (from: string, make: () => KeyObject): KeyObject => {
  try {
    return make();
  } catch (e) {
    throw new SigningKeyError(`${from}: not an Ed25519 key in PEM form (-----BEGIN ...`
      + ' KEY-----)', { cause: e });
  }
};

/** Loads the writer's Ed25519 private key. */
export const loadPrivateKey = async (input: KeyInput): Promise<KeyObject> => {
  if (input instanceof KeyObject) return ed25519(input, 'private');
  const { pem, from } = await pemOf(input);
  return ed25519(parsed(from, () => createPrivateKey(pem)), 'private');
};

/** Loads an Ed25519 public key (a private key gives its public half). */
export const loadPublicKey = async (input: KeyInput): Promise<KeyObject> => {
  if (input instanceof KeyObject) {
    return input.type === 'private' ? ed25519(createPublicKey(input), 'public')
      : ed25519(input, 'public');
  }
  const { pem, from } = await pemOf(input);
  return ed25519(parsed(from, () => createPublicKey(pem)), 'public');
};

/** Signs a line's hash (its 64 hex digits, as ASCII bytes): 128 hex digits. */
export const signHash = (key: KeyObject, hashHex: string): string =>
  sign(null, Buffer.from(hashHex, 'latin1'), key).toString('hex');

/** True if `signatureHex` is `key`'s signature of the hash. */
export const signatureValid = (key: KeyObject, hashHex: string, signatureHex: string): boolean =>
  verify(null, Buffer.from(hashHex, 'latin1'), key, Buffer.from(signatureHex, 'hex'));

/** Where `generateSigningKeys` wrote the pair. */
export interface SigningKeyFiles {
  readonly privateKeyFile: string;
  readonly publicKeyFile: string;
}

/**
 * Generates an Ed25519 key pair into `dir`: `usha-signing.key` (PKCS#8 PEM, mode 0600: for the
 * writer only) and `usha-signing.pub` (SPKI PEM: for auditors). Refuses to write over either
 * (FileAccessError `EEXIST`), as it refuses a folder the system will not let it use (its code);
 * a `dir` that is no path is a SigningKeyError. The pair is written whole or not at all.
 * @example const { publicKeyFile } = await generateSigningKeys({ dir: '/etc/usha' })
 */
export const generateSigningKeys = async (
  o: { readonly dir: string },
): Promise<SigningKeyFiles> => {
  const dir = folderOf(o);
  const { privateKey, publicKey } = generateKeyPairSync('ed25519');
  const privateKeyFile = join(dir, 'usha-signing.key');
  const publicKeyFile = join(dir, 'usha-signing.pub');
  // A new file (anything at the name refuses it), whole or removed.
  const write = async (file: string, text: string, mode: number) => {
    const h = await openRegularFile(file, writeNew, mode);
    try {
      try {
        await h.writeFile(text, 'utf8');
        await h.sync();
      } finally {
        await h.close();
      }
    } catch (e) {
      await unlink(file).catch(() => {});
      throw asFileAccess(e, file);
    }
  };
  await write(privateKeyFile, String(privateKey.export({ type: 'pkcs8', format: 'pem' })), 0o600);
  try {
    await write(publicKeyFile, String(publicKey.export({ type: 'spki', format: 'pem' })), 0o644);
  } catch (e) {
    // A public key there already (or none could be written): the private key just written
    // matches nothing, and goes. The pair is written whole or not at all.
    await unlink(privateKeyFile).catch(() => {});
    throw e;
  }
  return { privateKeyFile, publicKeyFile };
};

const writeNew = constants.O_WRONLY | constants.O_CREAT | constants.O_EXCL;

// `{ dir }`: a folder's path, read once; else SigningKeyError (an empty one would write the
// pair into whatever folder the process runs in).
const folderOf = (o: unknown): string => {
  const refuse = (field: string, reason: string): never => {
    throw new SigningKeyError(`${field === '' ? 'options' : `{ ${field} }`}: ${reason}`);
  };
  return checkedPath('dir', readOptionFields(o, ['dir'], refuse).dir, refuse);
};

/**
 * Refuses keys a writer would regret: with `verifyKey`, a read-write store must sign with the
 * matching private key, or its own appends would make its next open fail.
 */
export const checkWriterKeys = (o: {
  readonly signingKey: KeyObject | undefined;
  readonly verifyKey: KeyObject | undefined;
  readonly readOnly: boolean;
}): void => {
  if (o.verifyKey === undefined || o.readOnly) return;
  if (o.signingKey === undefined) {
    throw new SigningKeyError('a writer opened with verifyKey needs its signingKey too');
  }
  const spki = (k: KeyObject) => k.export({ type: 'spki', format: 'der' });
  if (!spki(createPublicKey(o.signingKey)).equals(spki(o.verifyKey))) {
    throw new SigningKeyError('signingKey is not the private half of verifyKey');
  }
};
