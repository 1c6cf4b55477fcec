import type { KeyObject } from 'node:crypto';
import { StoreCorruptError } from '../eventStore/errors.ts';
import type { ScannedAppend } from './scanLog.ts';
import { signatureValid } from './signingKeys.ts';

/** Why an open with a verify key refuses a log whose appends are unsigned from the first. */
export const notSignedYet = 'append not signed (a log begun before signing opens with '
  + 'signedAfter: the last hash before signing began)';

/** What an open from a checkpoint knows of the appends before it (see `signatureSeed`). */
export interface RequirementSeed {
  /** The append whose hash is `signedAfter` is before the checkpoint (or none was given). */
  readonly started: boolean;
  /** The checkpoint's last append, if it must be signed and its signature is the last one. */
  readonly last: ScannedAppend | undefined;
}

/**
 * What an open with a verify key asks of a log, fed by `scanLog` (its `onAppend`): every append
 * after the line whose hash is `signedAfter` (or every append, without it) carries a signature,
 * and the last one's signature verifies with the key. Since each hash covers every line before
 * it, that one signature vouches for the content of the whole log; checking each signature
 * (about 0.1 ms apiece) is left to `verifyLog`. A fault throws StoreCorruptError naming the line.
 */
export const signatureRequirement = (
  key: KeyObject,
  file: string,
  signedAfter: string | undefined,
  seed?: RequirementSeed,
) => {
  let started = seed?.started ?? signedAfter === undefined;
  let last: ScannedAppend | undefined = seed?.last;
  const refuse = (a: ScannedAppend, reason: string) =>
    new StoreCorruptError({ file, line: a.line, offset: a.offset }, reason);
  const onAppend = (a: ScannedAppend): void => {
    if (!started) {
      started = a.hash === signedAfter;
      return;
    }
    if (a.signature === undefined) {
      // No append signed yet and no signedAfter: most likely a log begun before signing.
      throw refuse(a, signedAfter === undefined && last === undefined ? notSignedYet
        : 'append not signed');
    }
    last = a;
  };
  const finish = (): void => {
    if (!started) {
      throw new StoreCorruptError({ file, line: 0, offset: 0 },
        `signedAfter ${signedAfter ?? ''} is the hash of no append's last line`);
    }
    if (last?.signature !== undefined && !signatureValid(key, last.hash, last.signature)) {
      throw refuse(last, 'signature does not verify with the key');
    }
  };
  return { onAppend, finish };
};
