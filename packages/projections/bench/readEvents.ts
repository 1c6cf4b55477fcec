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

/**
 * As readLines, but decodes each line from the read buffer on its own, so no chunk-sized string
 * is made: the reading the memory child uses, whose 4 MiB chunk strings would otherwise pile up
 * in V8's large-object space until a full collection.
 */
export const readLinesFromBuffer = (
  file: string, onLine: (text: string, line: number) => void, limit = Infinity,
): number => {
  const fd = openSync(file, 'r');
  let buf = Buffer.allocUnsafe(1 << 22);
  let have = 0;
  let line = 0;
  try {
    for (;;) {
      if (have === buf.length) buf = Buffer.concat([buf, Buffer.allocUnsafe(buf.length)]);
      const n = readSync(fd, buf, have, buf.length - have, null);
      if (n === 0) break;
      const end = have + n;
      let start = 0;
      for (let i = buf.indexOf(10, start); i >= 0 && i < end; i = buf.indexOf(10, start)) {
        line += 1;
        if (line > limit) return line - 1;
        onLine(buf.toString('utf8', start, i), line);
        start = i + 1;
      }
      buf.copy(buf, 0, start, end);
      have = end - start;
    }
    return line;
  } finally {
    closeSync(fd);
  }
};
