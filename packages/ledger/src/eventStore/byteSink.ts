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
