// The seal a signed file store lends the files kept beside its log that must be bound to its
// writer as the log is: the Ledger's index checkpoint, which decides what a command's retry is
// answered and which steps of a process are run. Carried on the store object under a symbol,
// so that a store the app wraps by spreading it (`{ ...store, appendToStream }`) keeps it.
// It signs a checkpoint's digest only as such (prefixed and hashed again), never a line's
// hash: it can seal a checkpoint, never sign an append.
import { createHash, createPublicKey, type KeyObject } from 'node:crypto';
import { signatureValid, signHash } from './signingKeys.ts';

/** The property of a file store that holds its seal. */
export const indexSealKey: unique symbol = Symbol.for('usha-ledger.indexSeal');

/** What a file store's keys lend a checkpoint beside its log. */
export interface IndexSeal {
  /** The writer's signature of a checkpoint's SHA-256 (hex); undefined: the store signs none. */
  readonly sign: (digestHex: string) => string | undefined;
  /**
   * Whether a signature is the log's writer's, over that digest; undefined when the store was
   * opened without the log's public key (it checks no signature).
   */
  readonly check: (digestHex: string, signature: string) => boolean | undefined;
}

// What is signed: the digest named as a checkpoint's, hashed again (a line's hash is of text
// beginning `{`, so no line can be made to carry a checkpoint's signature).
const sealed = (digestHex: string): string =>
  createHash('sha256').update(`usha-ledger index checkpoint\n${digestHex}`).digest('hex');

/**
 * The seal of a store opened with these keys. A writer opened with its private key alone checks
 * with the public key of that private key: its own checkpoints are the only ones it trusts.
 */
export const indexSealOf = (k: {
  readonly signingKey: KeyObject | undefined; readonly verifyKey: KeyObject | undefined;
}): IndexSeal => {
  const checkKey = k.verifyKey
    ?? (k.signingKey === undefined ? undefined : createPublicKey(k.signingKey));
  return {
    sign: (hex) => k.signingKey === undefined ? undefined : signHash(k.signingKey, sealed(hex)),
    check: (hex, signature) => checkKey === undefined ? undefined
      : /^[0-9a-f]{128}$/.test(signature) && signatureValid(checkKey, sealed(hex), signature),
  };
};

/** The seal a store carries; undefined for a store that is no signed file store's. */
export const indexSealOfStore = (store: object): IndexSeal | undefined => {
  const seal: unknown = Reflect.get(store, indexSealKey);
  return typeof seal === 'object' && seal !== null && typeof Reflect.get(seal, 'sign') ===
    'function' && typeof Reflect.get(seal, 'check') === 'function' ? seal as IndexSeal
    : undefined;
};
