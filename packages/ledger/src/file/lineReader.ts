import type { FileHandle } from 'node:fs/promises';

/** One complete line in a read buffer: bytes [start, end) of `buffer`, newline excluded. */
export interface LineSlice {
  readonly buffer: Buffer;
  readonly start: number;
  readonly end: number;
  /** Byte offset of the line in the file. */
  readonly offset: number;
}

const defaultChunkBytes = 1 << 20;

/**
 * Reads the lines of a file between two offsets in large chunks, never holding more than a
 * chunk (or one line, if longer) in memory. Yields arrays of lines so the caller's loop, not a
 * promise per line, does the work. Bytes after the last newline are not yielded; `onTail` hears
 * where they start.
 */
export async function* readLineChunks(
  handle: FileHandle,
  from: number,
  to: number,
  onTail: (offset: number, bytes: number) => void = () => {},
  chunkBytes: number = defaultChunkBytes,
): AsyncGenerator<readonly LineSlice[]> {
  let buffer = Buffer.allocUnsafe(chunkBytes);
  let filled = 0; // bytes of buffer holding file data
  let bufferOffset = from; // file offset of buffer[0]
  while (bufferOffset + filled < to) {
    if (filled === buffer.length) {
      const bigger = Buffer.allocUnsafe(buffer.length * 2); // a line longer than the buffer
      buffer.copy(bigger, 0, 0, filled);
      buffer = bigger;
    }
    const want = Math.min(buffer.length - filled, to - (bufferOffset + filled));
    const { bytesRead } = await handle.read(buffer, filled, want, bufferOffset + filled);
    if (bytesRead === 0) break;
    filled += bytesRead;
    const lines: LineSlice[] = [];
    let start = 0;
    for (
      let nl = buffer.indexOf(10, start);
      nl !== -1 && nl < filled;
      nl = buffer.indexOf(10, start)
    ) {
      lines.push({ buffer, start, end: nl, offset: bufferOffset + start });
      start = nl + 1;
    }
    if (lines.length > 0) yield lines;
    // Keep the unfinished line; a fresh buffer, since the caller may still hold slices.
    const rest = filled - start;
    const next = start === 0 ? buffer : Buffer.allocUnsafe(Math.max(chunkBytes, rest * 2));
    if (start !== 0) buffer.copy(next, 0, start, filled);
    buffer = next;
    filled = rest;
    bufferOffset += start;
  }
  if (filled > 0) onTail(bufferOffset, filled);
}
