import { pushI32, type I32Column } from '../../offHeap/columns.ts';

// A request hash as the Ledger takes it (commandHash.ts): 32 lowercase hex digits, 16 bytes.
// Only that exact form is kept as bytes, so that the text read back is the text stored; any
// other (a log's hash of another form) is kept whole by the caller. Digits are read and
// written by table, not by regex and parseInt: on a cold open this runs once a command.
const digitValue = new Int8Array(128).fill(-1);
for (let d = 0; d < 16; d++) digitValue['0123456789abcdef'.charCodeAt(d)] = d;
const byteText = Array.from({ length: 256 }, (_, b) => b.toString(16).padStart(2, '0'));
const parsed = new Int32Array(4);

/** Words a hash takes in a column of hashes (16 bytes: 4 int32). */
export const hashWords = 4;

// The 4 words of `hash` left in `parsed`, if it is 32 lowercase hex digits.
const parse = (hash: string): boolean => {
  if (hash.length !== 8 * hashWords) return false;
  for (let i = 0; i < hashWords; i++) {
    let word = 0;
    for (let j = 8 * i; j < 8 * i + 8; j++) {
      const c = hash.charCodeAt(j);
      const d = c < 128 ? digitValue[c] ?? -1 : -1;
      if (d < 0) return false;
      word = (word << 4) | d;
    }
    parsed[i] = word;
  }
  return true;
};

/**
 * Pushes the 4 words of `hash` onto `words` and returns true, if it is 32 lowercase hex
 * digits; else pushes 4 zeros (rows stay 4 words apart) and returns false.
 */
export const pushHashWords = (words: I32Column, hash: string): boolean => {
  const hex = parse(hash);
  for (let i = 0; i < hashWords; i++) pushI32(words, hex ? parsed[i] ?? 0 : 0);
  return hex;
};

/** The hash whose words are at `row` of `words`, as 32 lowercase hex digits. */
export const hashAt = (words: I32Column, row: number): string => {
  let text = '';
  for (let i = 0; i < hashWords; i++) {
    const w = words.data[hashWords * row + i] ?? 0;
    text += (byteText[(w >>> 24) & 255] ?? '') + (byteText[(w >>> 16) & 255] ?? '')
      + (byteText[(w >>> 8) & 255] ?? '') + (byteText[w & 255] ?? '');
  }
  return text;
};
