import { i32Column, pushI32, type I32Column } from '../offHeap/columns.ts';

/**
 * The first 8 bytes of each line's hash, in log order, as the store verified them at open or
 * wrote them: what a line read back later must still hash to. A line's own hash field proves
 * nothing against someone who rewrites the line and its hash together; this copy, held in the
 * store's memory, does (matching 64 bits of SHA-256 on purpose is out of reach). 8 bytes an
 * event, in one typed array (off the JS heap's object graph).
 */
export interface LineDigests {
  /** Records the hash (64 hex) of the next line in log order. */
  readonly add: (hashHex: string) => void;
  /** True if line `index` (from 0) was recorded with a hash that starts as `hashHex` does. */
  readonly matches: (index: number, hashHex: string) => boolean;
  /** Lines (from 0) recorded with a hash that starts as `hashHex` does, in log order. */
  readonly linesMatching: (hashHex: string) => number[];
  /** The two words a line, as kept (what an index checkpoint saves). */
  readonly words: () => I32Column;
}

/** A record of line digests: empty, or the words a checkpoint kept. */
export const lineDigests = (words: I32Column = i32Column(1 << 16)): LineDigests => {
  // 8 hex digits as a word, without a substring: on every line written and read. Its input
  // is always a SHA-256 the store computed itself, in lowercase hex.
  const word = (hashHex: string, at: number): number => {
    let w = 0;
    for (let i = at; i < at + 8; i++) {
      const c = hashHex.charCodeAt(i);
      w = (w << 4) | (c <= 0x39 ? c - 0x30 : c - 0x57);
    }
    return w | 0;
  };
  return {
    add: (hashHex) => {
      pushI32(words, word(hashHex, 0));
      pushI32(words, word(hashHex, 8));
    },
    matches: (index, hashHex) =>
      index >= 0 && 2 * index < words.length
      && words.data[2 * index] === word(hashHex, 0)
      && words.data[2 * index + 1] === word(hashHex, 8),
    linesMatching: (hashHex) => {
      const [a, b] = [word(hashHex, 0), word(hashHex, 8)];
      const found: number[] = [];
      for (let i = 0; i < words.length; i += 2) {
        if (words.data[i] === a && words.data[i + 1] === b) found.push(i / 2);
      }
      return found;
    },
    words: () => words,
  };
};
