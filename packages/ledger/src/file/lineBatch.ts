import {
  lineContent, linePrefixBytes, sha256HexOf, signedPrefixBytes, type LineFields,
} from './lineFormat.ts';

/** The lines of one write, encoded straight into one buffer (reused from write to write). */
export interface LineBatch {
  /** Empties the batch; the bytes given out before must no longer be in use. */
  readonly reset: () => void;
  /**
   * Encodes one more line (as `encodeLine` does) and returns its hash; with `sign`, the line
   * also carries `"sig":"<sign(hash)>",` after its hash (the last line of an append).
   */
  readonly add: (fields: LineFields, sign?: (hashHex: string) => string) => string;
  /** Bytes encoded since the last reset. */
  readonly size: () => number;
  /** The encoded lines: a view of the batch's buffer, valid until the next reset or add. */
  readonly bytes: () => Buffer;
}

const opening = Buffer.from('{"hash":"');
const initialBytes = 1 << 16;

/**
 * Makes an empty batch. Each line's content is written in place at byte 74 of the line (its
 * `{` there is where the line's `,` goes), hashed as those very bytes, and then the
 * `{"hash":"<hex>",` before it is filled in: no string is built for the whole line or the
 * batch, and nothing is encoded twice.
 */
export const lineBatch = (): LineBatch => {
  let buffer = Buffer.allocUnsafe(initialBytes);
  let used = 0;
  const reserve = (bytes: number) => {
    if (used + bytes <= buffer.length) return;
    const bigger = Buffer.allocUnsafe(Math.max(buffer.length * 2, used + bytes));
    buffer.copy(bigger, 0, 0, used);
    buffer = bigger;
  };
  return {
    reset: () => {
      used = 0;
    },
    add: (fields, sign) => {
      const content = lineContent(fields);
      const prefixBytes = sign === undefined ? linePrefixBytes : signedPrefixBytes;
      reserve(prefixBytes + content.length * 3 + 1); // UTF-8: at most 3 bytes a UTF-16 unit
      const contentStart = used + prefixBytes - 1;
      const end = contentStart + buffer.write(content, contentStart, 'utf8');
      const hash = sha256HexOf(buffer, contentStart, end);
      opening.copy(buffer, used);
      buffer.write(hash, used + opening.length, 'latin1');
      buffer[used + linePrefixBytes - 2] = 0x22; // `"` closing the hash
      if (sign !== undefined) {
        buffer.write(`,"sig":"${sign(hash)}"`, used + linePrefixBytes - 1, 'latin1');
      }
      buffer[contentStart] = 0x2c; // `,` in place of the content's `{`
      buffer[end] = 0x0a;
      used = end + 1;
      return hash;
    },
    size: () => used,
    bytes: () => buffer.subarray(0, used),
  };
};
