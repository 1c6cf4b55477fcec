import { isAscii } from 'node:buffer';
import type { FileHandle } from 'node:fs/promises';

/**
 * Complete lines in a read buffer: line i is bytes [bounds[i], bounds[i + 1] - 1) of `buffer`
 * (the byte at bounds[i + 1] - 1 is its newline). Lines are described by numbers, not one
 * object each, since a replay reads millions of them.
 */
export interface LineChunk {
  readonly buffer: Buffer;
  /** Byte offset in the file of `buffer[0]`. */
  readonly offset: number;
  /** `lines + 1` entries: where each line starts, then where the next one would. */
  readonly bounds: readonly number[];
  readonly lines: number;
  /** Every byte of the lines is ASCII: latin1 decodes them as UTF-8 would, and faster. */
  readonly ascii: boolean;
}

const defaultChunkBytes = 1 << 20;

/**
 * Reads the lines of a file between two offsets in large chunks, never holding more than a
 * chunk (or one line, if longer) in memory. Yields a chunk of lines at a time so the caller's
 * loop, not a promise per line, does the work. Bytes after the last newline are not yielded;
 * `onTail` hears where they start. The caller owns each chunk's buffer (and may write to it).
 */
export async function* readLineChunks(
  handle: FileHandle,
  from: number,
  to: number,
  onTail: (offset: number, bytes: number) => void = () => {},
  chunkBytes: number = defaultChunkBytes,
): AsyncGenerator<LineChunk> {
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
    const bounds = [0];
    let start = 0;
    for (let nl = buffer.indexOf(10); nl !== -1 && nl < filled; nl = buffer.indexOf(10, start)) {
      start = nl + 1;
      bounds.push(start);
    }
    if (start > 0) {
      const ascii = isAscii(buffer.subarray(0, start));
      yield { buffer, offset: bufferOffset, bounds, lines: bounds.length - 1, ascii };
    }
    // Keep the unfinished line; a fresh buffer, since the caller owns the one it was given.
    const rest = filled - start;
    const next = start === 0 ? buffer : Buffer.allocUnsafe(Math.max(chunkBytes, rest * 2));
    if (start !== 0) buffer.copy(next, 0, start, filled);
    buffer = next;
    filled = rest;
    bufferOffset += start;
  }
  if (filled > 0) onTail(bufferOffset, filled);
}
