import type { FileHandle } from 'node:fs/promises';
import { onFile, openRegularFile, readFlags } from '../durable/fileAccess.ts';
import { checkedPath, StoreOptionsError } from '../eventStore/storeOptionFields.ts';
import { lastNonZeroByte } from './lastNonZeroByte.ts';
import { writeCallBytes } from './logSpace.ts';

const chunkBytes = 1 << 20;

/**
 * Where a log's lines end now: after the last newline before any zero-filled space ahead, and
 * before a torn write's first zero (which lies within one write call of the last byte that is
 * not zero). Two readers given this same end read the same lines, whatever is appended
 * meanwhile; a file's size would not do, as it counts the space ahead.
 * @example const bytes = await logEnd(file); // then readLogForwards({ file, schema, bytes })
 */
export const logEnd = async (file: string): Promise<number> => {
  checkedPath('file', file, (field, reason) => {
    throw new StoreOptionsError('logEnd', field, reason);
  });
  const handle = await openRegularFile(file, readFlags);
  try {
    return await onFile(file, () => logEndOf(handle));
  } finally {
    await handle.close();
  }
};

/** `logEnd` on an open handle. */
export const logEndOf = async (handle: FileHandle): Promise<number> => {
  const { size } = await handle.stat();
  const written = (await lastNonZeroByte(handle, 0, size)) + 1;
  let before = written;
  if (written < size) {
    // It ends in zeros: a torn write may have left a hole, its first zero within one call
    // before `written`. Read from one byte earlier: a zero there means the hole starts farther
    // back, too far for a torn write; then the end is left after it, for the read to refuse.
    const from = Math.max(0, written - writeCallBytes - 1);
    const window = Buffer.allocUnsafe(written - from);
    const { bytesRead } = await handle.read(window, 0, window.length, from);
    const zero = window.subarray(0, bytesRead).indexOf(0);
    const farther = zero === 0 && from === written - writeCallBytes - 1;
    if (zero !== -1 && !farther) before = from + zero;
  }
  return afterLastNewline(handle, before);
};

// The offset after the last newline in [0, before); 0 if none.
const afterLastNewline = async (handle: FileHandle, before: number): Promise<number> => {
  const buffer = Buffer.allocUnsafe(chunkBytes);
  for (let end = before; end > 0;) {
    const start = Math.max(0, end - chunkBytes);
    const { bytesRead } = await handle.read(buffer, 0, end - start, start);
    const nl = buffer.subarray(0, bytesRead).lastIndexOf(10);
    if (nl !== -1) return start + nl + 1;
    end = start;
  }
  return 0;
};
