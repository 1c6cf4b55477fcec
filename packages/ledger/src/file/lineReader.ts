import { isAscii } from 'node:buffer';
import type { FileHandle } from 'node:fs/promises';
import { lastNonZeroByte } from './lastNonZeroByte.ts';

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

/** What follows the last complete line `readLineChunks` yields. */
export interface LineTail {
  /** Where the bytes after the last complete line start. */
  readonly offset: number;
  /** The first zero byte, where the lines were ended by zeros; else undefined. */
  readonly zeroAt?: number;
  /** After the last byte that is not zero (`to` when the lines were not ended by zeros). */
  readonly writtenEnd: number;
}

/**
 * Reads the lines of a file between two offsets in large chunks, never holding more than two
 * chunks (or one line, if longer, and the chunk after it) in memory. Yields a chunk of lines at
 * a time so the caller's loop, not a promise per line, does the work. The next chunk is read
 * while the caller works on the one yielded (read-ahead), into a buffer of its own: the caller
 * owns each chunk's buffer (and may write to its lines). Bytes after the last newline are not
 * yielded; `onTail` hears where they start (`zeroAt` undefined).
 *
 * Zero bytes: no line holds one. Where [from, to) ends in a byte that is not zero, a zero is
 * read like every other byte (the checks of its line refuse it, as damage). Where it ends in
 * zeros (space set aside ahead of a log), the first zero byte ends the lines: the lines before its
 * line are yielded, and `onTail` hears where its line starts, `zeroAt` (the first zero) and
 * `writtenEnd` (after the last byte that is not zero; `zeroAt` if all after it are zero).
 */
export async function* readLineChunks(
  handle: FileHandle,
  from: number,
  to: number,
  onTail: (tail: LineTail) => void = () => {},
  chunkBytes: number = defaultChunkBytes,
): AsyncGenerator<LineChunk> {
  // A buffer no bigger than the bytes left to read (and what it keeps): a catch-up of a few
  // lines, the most common read after a replay, neither allocates nor touches a whole chunk.
  const sized = (keep: number, at: number) =>
    Buffer.allocUnsafe(Math.max(Math.min(chunkBytes, keep + Math.max(0, to - at)), keep * 2, 1));
  let buffer = sized(0, from);
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
  // Whether zeros are bytes like any other (the range ends in a byte that is not zero), judged
  // at the first zero met: a read of whole lines, the most common, never looks.
  let zerosAreBytes = false;
  let written = to;
  const endsInByte = async (zeroAt: number): Promise<boolean> => {
    written = (await lastNonZeroByte(handle, zeroAt, to)) + 1;
    return written === to;
  };
  try {
    while (reading !== undefined) {
      const bytesRead = await reading;
      reading = undefined;
      if (bytesRead === 0) break;
      filled += bytesRead;
      // No line holds a zero byte: the first one is damage, or ends the lines (above).
      let zero = zerosAreBytes ? -1 : buffer.subarray(0, filled).indexOf(0);
      if (zero !== -1 && await endsInByte(bufferOffset + zero)) {
        zerosAreBytes = true;
        zero = -1;
      }
      const lineBytes = zero === -1 ? filled : zero;
      // Searched within the lines' bytes only: what lies after them was never read.
      const lineView = buffer.subarray(0, lineBytes);
      const bounds = [0];
      let start = 0;
      for (let nl = lineView.indexOf(10); nl !== -1; nl = lineView.indexOf(10, start)) {
        start = nl + 1;
        bounds.push(start);
      }
      const chunk = buffer;
      const chunkOffset = bufferOffset;
      if (zero !== -1) {
        if (start > 0) {
          const ascii = isAscii(chunk.subarray(0, start));
          yield { buffer: chunk, offset: chunkOffset, bounds, lines: bounds.length - 1, ascii };
        }
        const zeroAt = chunkOffset + zero;
        onTail({ offset: chunkOffset + start, zeroAt, writtenEnd: Math.max(zeroAt, written) });
        return;
      }
      // Keep the unfinished line, in a fresh buffer unless no line was complete (a line longer
      // than the buffer: then a bigger one), and start reading after it before yielding.
      const rest = filled - start;
      if (start > 0 || filled === buffer.length) {
        buffer = sized(rest, bufferOffset + filled);
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
  if (filled > 0) onTail({ offset: bufferOffset, writtenEnd: bufferOffset + filled });
}
