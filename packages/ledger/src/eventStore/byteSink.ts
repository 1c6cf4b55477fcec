// A growing byte buffer that canonical JSON and log lines are written into directly, so that
// no text is built as a string and then encoded to UTF-8 a second time. Reused from one write
// to the next by its owner; `used` is where the next byte goes.

/** Bytes written so far into `buffer[0, used)`; the buffer is replaced when it grows. */
export interface ByteSink {
  buffer: Buffer;
  used: number;
}

/** An empty sink with room for `bytes` before it first grows. */
export const byteSink = (bytes = 1 << 16): ByteSink =>
  ({ buffer: Buffer.allocUnsafe(bytes), used: 0 });

/** Makes room for `bytes` more bytes after `used` (keeping what is written). */
export const reserve = (sink: ByteSink, bytes: number): void => {
  if (sink.used + bytes <= sink.buffer.length) return;
  const bigger = Buffer.allocUnsafe(Math.max(2 * sink.buffer.length, sink.used + bytes));
  sink.buffer.copy(bigger, 0, 0, sink.used);
  sink.buffer = bigger;
};

/** Writes a string known to be ASCII (digits, hex, ids, dates): one byte a UTF-16 unit. */
export const putAscii = (sink: ByteSink, s: string): void => {
  reserve(sink, s.length);
  const b = sink.buffer;
  let at = sink.used;
  for (let i = 0; i < s.length; i++) b[at++] = s.charCodeAt(i);
  sink.used = at;
};

/** Writes short bytes (a constant piece of a format); a loop beats a native call for them. */
export const putBytes = (sink: ByteSink, bytes: Uint8Array): void => {
  reserve(sink, bytes.length);
  const b = sink.buffer;
  let at = sink.used;
  for (let i = 0; i < bytes.length; i++) b[at++] = bytes[i] ?? 0;
  sink.used = at;
};

/** Writes any string as UTF-8 (a string JSON.stringify wrote is always well-formed). */
export const putText = (sink: ByteSink, s: string): void => {
  reserve(sink, 3 * s.length); // UTF-8: at most 3 bytes a UTF-16 unit
  sink.used += sink.buffer.write(s, sink.used, 'utf8');
};

/**
 * Writes a string as JSON.stringify quotes it: printable ASCII without `"` or `\` byte by
 * byte as it is checked (most strings of an event), anything else by JSON.stringify.
 */
export const putJsonString = (sink: ByteSink, s: string): void => {
  reserve(sink, s.length + 2);
  const b = sink.buffer;
  const start = sink.used;
  let at = start;
  b[at++] = 0x22;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x20 || c > 0x7e || c === 0x22 || c === 0x5c) {
      sink.used = start;
      putText(sink, JSON.stringify(s));
      return;
    }
    b[at++] = c;
  }
  b[at++] = 0x22;
  sink.used = at;
};

/**
 * A writer of `before`, then an ASCII text of exactly `length` units, then `after`: the two
 * pieces' bytes stored as constants after one room check (generated code: only numbers from
 * 0 to 255 and the length enter it). The caller checks the text's length and that it is ASCII.
 * @example framedAscii(',"id":"', 2, '"')(sink, 'ab') // sink gains ,"id":"ab"
 */
export const framedAscii = (
  before: string, length: number, after: string,
): ((sink: ByteSink, text: string) => void) => {
  const head = Buffer.from(before, 'latin1');
  const tail = Buffer.from(after, 'latin1');
  const n = head.length + length + tail.length;
  if (!Number.isSafeInteger(length) || length < 0) throw new RangeError(`length ${length}`);
  const code = [
    '"use strict";', 'return function (s, t) {', `r(s, ${n});`,
    'const b = s.buffer; const a = s.used;',
    ...Array.from(head, (byte, i) => `b[a + ${i}] = ${byte};`),
    `for (let i = 0; i < ${length}; i++) b[a + ${head.length} + i] = t.charCodeAt(i);`,
    ...Array.from(tail, (byte, i) => `b[a + ${head.length + length + i}] = ${byte};`),
    `s.used = a + ${n};`, '};',
  ].join('\n');
  const make: unknown = new Function('r', code);
  if (typeof make !== 'function') throw new Error('unreachable: not a function');
  const put: unknown = make(reserve);
  return put as (sink: ByteSink, text: string) => void; // generated above, of that type
};
