import type { FileHandle } from 'node:fs/promises';

/** Reads the bytes of the one line starting at `offset`, without its newline. */
export const readLineBytesAt = async (handle: FileHandle, offset: number): Promise<Buffer> => {
  let size = 4096;
  for (;;) {
    const buffer = Buffer.allocUnsafe(size);
    const { bytesRead } = await handle.read(buffer, 0, size, offset);
    const nl = buffer.indexOf(10);
    if (nl !== -1 && nl < bytesRead) return buffer.subarray(0, nl);
    if (bytesRead < size) throw new Error(`no complete line at byte ${offset}`);
    size *= 4;
  }
};

/** Reads the one line starting at `offset` (without its newline). */
export const readLineAt = async (handle: FileHandle, offset: number): Promise<string> =>
  (await readLineBytesAt(handle, offset)).toString('utf8');
