// Two independent 32-bit hashes of a string (FNV-1a, and a multiplicative hash with another
// seed, both finished with a murmur3 mix): 64 bits, so that an index of a million ids costs 8
// bytes a key instead of the id string itself. Event ids here; the ledger's off-heap indexes
// key streams, commands and members with them too (the `string-keys` subpath).
/** The murmur3 finaliser both halves of a key end with (the file store's id check mixes too). */
export const mix = (h: number): number => {
  let x = h ^ (h >>> 16);
  x = Math.imul(x, 0x85ebca6b);
  x ^= x >>> 13;
  x = Math.imul(x, 0xc2b2ae35);
  return (x ^ (x >>> 16)) >>> 0;
};

/** The first 32 bits of an event id's key. */
export const hashA = (s: string): number => {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i += 1) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193);
  return mix(h);
};

/** The second, independent 32 bits of an event id's key. */
export const hashB = (s: string): number => {
  let h = 0x9747b28c ^ s.length;
  for (let i = 0; i < s.length; i += 1) {
    h = Math.imul(h + s.charCodeAt(i), 0x2f0f2b1d) ^ (h >>> 15);
  }
  return mix(h);
};

/** Where hashPair leaves its two keys (one array reused: no allocation per event). */
export const pair = new Uint32Array(2);

/** Both keys of an event id in one pass, left in `pair`: as hashA and hashB. */
export const hashPair = (s: string): void => {
  let a = 0x811c9dc5;
  let b = 0x9747b28c ^ s.length;
  for (let i = 0; i < s.length; i += 1) {
    const c = s.charCodeAt(i);
    a = Math.imul(a ^ c, 0x01000193);
    b = Math.imul(b + c, 0x2f0f2b1d) ^ (b >>> 15);
  }
  pair[0] = mix(a);
  pair[1] = mix(b);
};
