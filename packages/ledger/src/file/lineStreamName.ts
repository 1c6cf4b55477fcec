import { readSync } from 'node:fs';

/**
 * Reads the stream name of the line at a byte offset, synchronously: the index's rare path
 * (confirming that a stream's 64-bit key is its own), a read of one line the page cache
 * usually holds, cheaper than a round trip through the thread pool in the commit loop.
 */
export const lineStreamName = (fd: number) => (offset: number): string => {
  for (let size = 4096; ; size *= 4) {
    const buffer = Buffer.allocUnsafe(size);
    const bytesRead = readSync(fd, buffer, 0, size, offset);
    const nl = buffer.indexOf(10);
    if (nl !== -1 && nl < bytesRead) {
      const line: unknown = JSON.parse(buffer.toString('utf8', 0, nl));
      const stream: unknown = Reflect.get(Object(line), 'stream');
      if (typeof stream !== 'string') throw new Error(`line at byte ${offset} has no stream`);
      return stream;
    }
    if (bytesRead < size) throw new Error(`no complete line at byte ${offset}`);
  }
};
