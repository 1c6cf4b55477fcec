import type { FileHandle } from 'node:fs/promises';
import {
  contentBraceAt, hasHexHash, hasLineFrame, notALogLine, sha256HexOf,
} from './lineFormat.ts';
import { readLineBytesAt } from './readLineAt.ts';

/** Why a line that matches its own hash is still refused: it was rewritten with its hash. */
export const notVerified = 'not the line verified at open or written by the store';

/** Why a line read back is refused: the first fault found. */
export type LineFault = typeof notALogLine | 'hash does not match content';

/**
 * Checks the line in bytes [start, end) against its own hash and, on success, writes `{` over
 * the byte before its content so that the content is the bytes from there to `end`. Returns
 * where that `{` is, and the hash; or the fault. The buffer must be the caller's own.
 */
export const checkLine = (
  buffer: Buffer,
  start: number,
  end: number,
): { readonly brace: number; readonly hash: string } | LineFault => {
  if (!hasLineFrame(buffer, start, end)) return notALogLine;
  const brace = contentBraceAt(buffer, start, end);
  buffer[brace] = 0x7b;
  const hash = sha256HexOf(buffer, brace, end);
  // One native string comparison (the hot path of every read); the field's form only matters
  // for saying why it differs.
  if (buffer.toString('latin1', start + 9, start + 73) === hash) return { brace, hash };
  return hasHexHash(buffer, start) ? 'hash does not match content'
    : notALogLine;
};

/**
 * Reads the line at `offset`, checks it against its hash (and with `verified`, that the hash
 * is the one the store holds for that line) and returns its parsed content (the hash and any
 * signature left out); a fault throws what `corrupt` makes of it.
 */
export const readCheckedLine = async (
  handle: FileHandle,
  offset: number,
  corrupt: (offset: number, reason: string) => Error,
  verified?: (offset: number, hashHex: string) => boolean,
): Promise<unknown> => {
  let bytes: Buffer;
  try {
    bytes = await readLineBytesAt(handle, offset);
  } catch (e) {
    if (e instanceof Error && Reflect.get(e, 'code') !== undefined) throw e; // an I/O error
    throw corrupt(offset, 'no complete line there');
  }
  const checked = checkLine(bytes, 0, bytes.length);
  if (typeof checked === 'string') throw corrupt(offset, checked);
  if (verified !== undefined && !verified(offset, checked.hash)) {
    throw corrupt(offset, notVerified);
  }
  try {
    return JSON.parse(bytes.toString('utf8', checked.brace));
  } catch {
    throw corrupt(offset, 'not JSON');
  }
};
