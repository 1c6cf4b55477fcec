import { openSync, readSync, closeSync } from 'node:fs';

/**
 * Reads an NDJSON file line by line (up to `limit` lines), handing each line's text to `onLine`
 * with its line number from 1: the reading both baselines and every measured fold share.
 */
export const readLines = (
  file: string, onLine: (text: string, line: number) => void, limit = Infinity,
): number => {
  const fd = openSync(file, 'r');
  const chunk = Buffer.allocUnsafe(1 << 22);
  let carry = '';
  let line = 0;
  try {
    for (;;) {
      const n = readSync(fd, chunk, 0, chunk.length, null);
      if (n === 0) break;
      const text = carry + chunk.toString('utf8', 0, n);
      let start = 0;
      for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', start)) {
        line += 1;
        if (line > limit) return line - 1;
        onLine(text.slice(start, i), line);
        start = i + 1;
      }
      carry = text.slice(start);
    }
    return line;
  } finally {
    closeSync(fd);
  }
};
