import { createHash } from 'node:crypto';
import { slotSize } from './slot.ts';

/** The file's first block: what it is, how its master key is recognised, what it held whole. */
export interface DirectoryHeader {
  /** 32 zero bytes sealed by the master key: a wrong key fails to open it. */
  readonly check: Buffer;
  /** SHA-256 of the body as written whole: proves a replacement file complete. */
  readonly bodyHash: Buffer;
  readonly bodyBytes: number;
}

const magic = Buffer.from('USHA-DIRECTORY-1', 'ascii');
const at = { slotSize: 16, check: 20, bodyHash: 80, bodyBytes: 112, hash: 120 };
const digest = (b: Buffer): Buffer => createHash('sha256').update(b).digest();

/** The associated data the check value is sealed with. */
export const checkAad = 'usha-directory-check';

/** The header block: fields, then the SHA-256 of the fields. */
export const encodeHeader = (h: DirectoryHeader): Buffer => {
  const b = Buffer.alloc(slotSize);
  magic.copy(b, 0);
  b.writeUInt32BE(slotSize, at.slotSize);
  h.check.copy(b, at.check);
  h.bodyHash.copy(b, at.bodyHash);
  b.writeBigUInt64BE(BigInt(h.bodyBytes), at.bodyBytes);
  digest(b.subarray(0, at.hash)).copy(b, at.hash);
  return b;
};

/** The header at the start of `b`, or undefined if there is none or it is damaged. */
export const decodeHeader = (b: Buffer): DirectoryHeader | undefined => {
  if (b.length < slotSize || !b.subarray(0, 16).equals(magic)) return undefined;
  if (b.readUInt32BE(at.slotSize) !== slotSize) return undefined;
  if (!digest(b.subarray(0, at.hash)).equals(b.subarray(at.hash, at.hash + 32))) {
    return undefined;
  }
  return {
    check: Buffer.from(b.subarray(at.check, at.check + 60)),
    bodyHash: Buffer.from(b.subarray(at.bodyHash, at.bodyHash + 32)),
    bodyBytes: Number(b.readBigUInt64BE(at.bodyBytes)),
  };
};

/** Whether `b` is a whole file as written whole: a header whose body hash matches. */
export const isWholeFile = (b: Buffer): boolean => {
  const h = decodeHeader(b);
  const body = b.subarray(slotSize);
  return h !== undefined && body.length === h.bodyBytes && digest(body).equals(h.bodyHash);
};

/** The SHA-256 a header records for `body`. */
export const bodyDigest = digest;
