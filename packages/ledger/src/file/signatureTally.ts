import type { KeyObject } from 'node:crypto';
import type { ScannedAppend } from './scanLog.ts';
import { signatureValid } from './signingKeys.ts';

/** Where an append's last line is: line number (from 1) and byte offset. */
export interface LineAt {
  readonly line: number;
  readonly offset: number;
}

/** What a walk of a log found of its appends' signatures. */
export interface SignatureReport {
  /** A public key was given: `signed` counts only signatures it verifies. */
  readonly checked: boolean;
  /** Appends whose last line carries a signature (that verifies with the key, if checked). */
  readonly signed: number;
  /** Appends without a signature: written before signing began, or not by the writer. */
  readonly unsigned: number;
  /** Appends whose signature does not verify with the key (0 if not checked). */
  readonly badlySigned: number;
  readonly firstUnsigned: LineAt | undefined;
  readonly firstBadlySigned: LineAt | undefined;
  /** With an anchor found: appends after it that are unsigned or badly signed, and the first. */
  readonly notSignedAfterAnchor: number;
  readonly firstNotSignedAfterAnchor: LineAt | undefined;
  /**
   * With a key: the first append that is unsigned or badly signed after `signedAfter` (from
   * the first append without it), and why: what fails the check. Undefined if none.
   */
  readonly firstFault: (LineAt & { readonly reason: string }) | undefined;
}

/**
 * Counts signed, unsigned and badly signed appends as `scanLog` hands them over (its
 * `onAppend`), checking each signature with `key` when one is given (about 0.1 ms each).
 * Appends up to the one whose last hash is `signedAfter` (written before signing began) are
 * counted but are no fault.
 */
export const signatureTally = (key: KeyObject | undefined, signedAfter?: string) => {
  let started = signedAfter === undefined;
  let firstFault: SignatureReport['firstFault'];
  let signed = 0;
  let unsigned = 0;
  let badlySigned = 0;
  let firstUnsigned: LineAt | undefined;
  let firstBadlySigned: LineAt | undefined;
  let notSignedAfterAnchor = 0;
  let firstNotSignedAfterAnchor: LineAt | undefined;
  const onAppend = (a: ScannedAppend): void => {
    const at = { line: a.line, offset: a.offset };
    const good = a.signature !== undefined
      && (key === undefined || signatureValid(key, a.hash, a.signature));
    const required = started;
    if (!started) started = a.hash === signedAfter;
    if (good) {
      signed++;
      return;
    }
    if (required) {
      firstFault ??= { ...at,
        reason: a.signature === undefined ? 'append not signed'
          : 'signature does not verify with the key' };
    }
    if (a.signature === undefined) {
      unsigned++;
      firstUnsigned ??= at;
    } else {
      badlySigned++;
      firstBadlySigned ??= at;
    }
    if (a.afterAnchor) {
      notSignedAfterAnchor++;
      firstNotSignedAfterAnchor ??= at;
    }
  };
  const report = (): SignatureReport => ({
    checked: key !== undefined, signed, unsigned, badlySigned, firstUnsigned, firstBadlySigned,
    notSignedAfterAnchor, firstNotSignedAfterAnchor,
    firstFault: key === undefined ? undefined : started ? firstFault
      : { line: 0, offset: 0, reason: 'signedAfter is the hash of no append' },
  });
  return { onAppend, report };
};
