// A 64-bit key for a string, as two independent 32-bit hashes (FNV-1a, and a multiplicative
// hash with another seed, each finished with a murmur3 mix): the same family as the
// projections' event-id keys, kept here since the ledger's indexes key streams, event ids,
// commands and members with it. 64 bits make a collision among a million keys a chance of
// about 1 in 3.7e7; every index that uses it confirms a hit exactly, so a collision costs a
// read, never a wrong answer.
const mix = (h: number): number => {
  let x = h ^ (h >>> 16);
  x = Math.imul(x, 0x85ebca6b);
  x ^= x >>> 13;
  x = Math.imul(x, 0xc2b2ae35);
  return x ^ (x >>> 16);
};

/** A function from a string to its 64-bit key (tests pass a weak one, to force collisions). */
export type KeyOf = (s: string) => Int32Array;

/** Where keyOf leaves the two halves of a key (one array reused: no allocation per key). */
export const key = new Int32Array(2);

/** The 64-bit key of `s`, left in `key[0]` and `key[1]`; returns `key`. */
export const keyOf = (s: string): Int32Array => {
  let a = 0x811c9dc5;
  let b = 0x9747b28c ^ s.length;
  for (let i = 0; i < s.length; i += 1) {
    const c = s.charCodeAt(i);
    a = Math.imul(a ^ c, 0x01000193);
    b = Math.imul(b + c, 0x2f0f2b1d) ^ (b >>> 15);
  }
  key[0] = mix(a);
  key[1] = mix(b);
  return key;
};
