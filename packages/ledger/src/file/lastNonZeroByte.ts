import type { FileHandle } from 'node:fs/promises';

// Compared whole against a chunk of zeros (a native comparison); only the chunk that holds the
// last non-zero byte is walked byte by byte.
const blockBytes = 1 << 16;
const zeros = Buffer.alloc(blockBytes);

/**
 * The offset of the last byte that is not zero in [from, to) of the file, or -1 if all are
 * zero. Reads backwards a chunk at a time, and stops at the first one found: space set aside
 * ahead of a log is zeros to its end, so this is one pass over that space.
 */
export const lastNonZeroByte = async (
  handle: FileHandle, from: number, to: number, chunkBytes = 1 << 20,
): Promise<number> => {
  const buffer = Buffer.allocUnsafe(chunkBytes);
  for (let end = to; end > from;) {
    const start = Math.max(from, end - chunkBytes);
    const { bytesRead } = await handle.read(buffer, 0, end - start, start);
    for (let blockEnd = bytesRead; blockEnd > 0; blockEnd -= blockBytes) {
      const blockStart = Math.max(0, blockEnd - blockBytes);
      const n = blockEnd - blockStart;
      if (buffer.compare(zeros, 0, n, blockStart, blockEnd) === 0) continue;
      for (let i = blockEnd - 1; i >= blockStart; i--) if (buffer[i] !== 0) return start + i;
    }
    end = start;
  }
  return -1;
};
