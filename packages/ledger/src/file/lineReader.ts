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
 * Reads the lines of a file between two offsets in large chunks, never holding more than two
 * chunks (or one line, if longer, and the chunk after it) in memory. Yields a chunk of lines at
 * a time so the caller's loop, not a promise per line, does the work. The next chunk is read
 * while the caller works on the one yielded (read-ahead), into a buffer of its own: the caller
 * owns each chunk's buffer (and may write to its lines). Bytes after the last newline are not
 * yielded; `onTail` hears where they start.
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
  // Reads into buffer after its `filled` bytes; undefined when the end has been reached.
  const readMore = (): Promise<number> | undefined => {
    if (bufferOffset + filled >= to) return undefined;
    const want = Math.min(buffer.length - filled, to - (bufferOffset + filled));
    const read = handle.read(buffer, filled, want, bufferOffset + filled).then((r) => r.bytesRead);
    read.catch(() => {}); // awaited below; this only keeps an abandoned read from going unhandled
    return read;
  };
  let reading = readMore();
  try {
    while (reading !== undefined) {
      const bytesRead = await reading;
      reading = undefined;
      if (bytesRead === 0) break;
      filled += bytesRead;
      const bounds = [0];
      let start = 0;
      for (let nl = buffer.indexOf(10); nl !== -1 && nl < filled; nl = buffer.indexOf(10, start)) {
        start = nl + 1;
        bounds.push(start);
      }
      const chunk = buffer;
      const chunkOffset = bufferOffset;
      // Keep the unfinished line, in a fresh buffer unless no line was complete (a line longer
      // than the buffer: then a bigger one), and start reading after it before yielding.
      const rest = filled - start;
      if (start > 0 || filled === buffer.length) {
        buffer = Buffer.allocUnsafe(Math.max(chunkBytes, rest * 2));
        chunk.copy(buffer, 0, start, filled);
      }
      filled = rest;
      bufferOffset += start;
      reading = readMore();
      if (start > 0) {
        const ascii = isAscii(chunk.subarray(0, start));
        yield { buffer: chunk, offset: chunkOffset, bounds, lines: bounds.length - 1, ascii };
      }
    }
  } finally {
    // A caller that stops early leaves a read in flight: let it finish before the handle can be
    // closed under it.
    if (reading !== undefined) await reading.catch(() => 0);
  }
  if (filled > 0) onTail(bufferOffset, filled);
}
