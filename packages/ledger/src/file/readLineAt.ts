import type { FileHandle } from 'node:fs/promises';

/** Reads the one line starting at `offset` (without its newline). */
export const readLineAt = async (handle: FileHandle, offset: number): Promise<string> => {
  let size = 4096;
  for (;;) {
    const buffer = Buffer.allocUnsafe(size);
    const { bytesRead } = await handle.read(buffer, 0, size, offset);
    const nl = buffer.indexOf(10);
    if (nl !== -1 && nl < bytesRead) return buffer.toString('utf8', 0, nl);
    if (bytesRead < size) throw new Error(`no complete line at byte ${offset}`);
    size *= 4;
  }
};
