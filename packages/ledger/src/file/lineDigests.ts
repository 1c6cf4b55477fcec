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
}

/** An empty record of line digests. */
export const lineDigests = (): LineDigests => {
  let words = new Int32Array(1 << 16); // two words a line
  let lines = 0;
  return {
    add: (hashHex) => {
      if (2 * lines + 2 > words.length) {
        const bigger = new Int32Array(words.length * 2);
        bigger.set(words);
        words = bigger;
      }
      words[2 * lines] = Number.parseInt(hashHex.slice(0, 8), 16) | 0;
      words[2 * lines + 1] = Number.parseInt(hashHex.slice(8, 16), 16) | 0;
      lines++;
    },
    matches: (index, hashHex) =>
      index >= 0 && index < lines
      && words[2 * index] === (Number.parseInt(hashHex.slice(0, 8), 16) | 0)
      && words[2 * index + 1] === (Number.parseInt(hashHex.slice(8, 16), 16) | 0),
  };
};
