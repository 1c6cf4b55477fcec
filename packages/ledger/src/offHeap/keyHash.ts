import { hashPair, pair } from '@usha/projections/string-keys';

// A 64-bit key for a string: the projections' two independent 32-bit hashes of it (one home for
// the hash, on their `string-keys` subpath), as the ledger's indexes key streams, event ids,
// commands and members with it. 64 bits make a collision among a million keys a chance of
// about 1 in 3.7e7; every index that uses it confirms a hit exactly, so a collision costs a
// read, never a wrong answer.

/** A function from a string to its 64-bit key (tests pass a weak one, to force collisions). */
export type KeyOf = (s: string) => Int32Array;

/** Where keyOf leaves the two halves of a key (one array reused: no allocation per key). */
export const key = new Int32Array(2);

/** The 64-bit key of `s`, left in `key[0]` and `key[1]`; returns `key`. */
export const keyOf = (s: string): Int32Array => {
  hashPair(s);
  key[0] = pair[0] ?? 0;
  key[1] = pair[1] ?? 0;
  return key;
};
