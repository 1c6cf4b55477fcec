import type { DividendPart } from './events.ts';
import { sha256Hex } from './sha256.ts';

/**
 * Parts per DividendAllocated event. A part is at most about 170 bytes of JSON (a 100-character
 * member id, share-days, an amount), so a batch stays far below a store's 1 MiB append limit
 * whatever the membership.
 */
export const DIVIDEND_BATCH_SIZE = 1000;

/** The digest a chain of batches starts from: that of no text. */
export const EMPTY_ALLOCATION_DIGEST = sha256Hex('');

/** The digest after one more batch: SHA-256 of the digest before and the batch's lines. */
export const chainDigest = (before: string, parts: ReadonlyArray<DividendPart>): string => {
  let text = before;
  for (const p of parts) text += `\n${p.memberId},${p.shareDays},${p.amount}`;
  return sha256Hex(text);
};

/** Batch `i` of an allocation: parts i*size to (i+1)*size. */
export const allocationBatch = (
  parts: ReadonlyArray<DividendPart>, i: number, size = DIVIDEND_BATCH_SIZE,
): ReadonlyArray<DividendPart> => parts.slice(i * size, (i + 1) * size);

/** How many batches hold `members` parts. */
export const batchCount = (members: number, size = DIVIDEND_BATCH_SIZE): number =>
  Math.ceil(members / size);

/** The parts of batch `i` of `members` parts in batches of `size`. */
export const batchLength = (members: number, i: number, size = DIVIDEND_BATCH_SIZE): number =>
  Math.max(0, Math.min(size, members - i * size));

/**
 * The digest an allocation commits to: the chain over its batches, in order. The declaration
 * carries it; each DividendAllocated carries the chain so far, so a reader checks it batch by
 * batch without holding the whole list.
 */
export const allocationDigest = (
  parts: ReadonlyArray<DividendPart>, size = DIVIDEND_BATCH_SIZE,
): string => {
  let d = EMPTY_ALLOCATION_DIGEST;
  for (let i = 0; i < batchCount(parts.length, size); i++) {
    d = chainDigest(d, allocationBatch(parts, i, size));
  }
  return d;
};

/** Parts in the order batches record them: by member id (UTF-16 code units), one order for all. */
export const byMemberId = (
  a: { readonly memberId: string }, b: { readonly memberId: string },
): number =>
  a.memberId < b.memberId ? -1 : a.memberId > b.memberId ? 1 : 0;
