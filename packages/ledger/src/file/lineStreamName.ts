import { readSync } from 'node:fs';
import { StoreCorruptError } from '../eventStore/errors.ts';
import { checkLine, notVerified } from './checkedLine.ts';

/** Whether the line at `offset` with this hash is the one the store verified or wrote. */
export type VerifiedLine = (offset: number, hashHex: string) => boolean;

/**
 * Reads the stream name of the line at a byte offset, synchronously: the index's rare path
 * (confirming that a stream's 64-bit key is its own), a read of one line the page cache
 * usually holds, cheaper than a round trip through the thread pool in the commit loop. The line
 * is checked against its hash and the one the store holds for it, as every read after open is:
 * a name read from an edited line could file an append under the wrong stream.
 */
export const lineStreamName = (fd: number, file: string, verified: VerifiedLine) =>
  (offset: number): string => {
    const corrupt = (reason: string) =>
      new StoreCorruptError({ file, line: 0, offset }, `${reason} (changed since opened?)`);
    for (let size = 4096; ; size *= 4) {
      const buffer = Buffer.allocUnsafe(size);
      const bytesRead = readSync(fd, buffer, 0, size, offset);
      const nl = buffer.indexOf(10);
      if (nl !== -1 && nl < bytesRead) {
        const checked = checkLine(buffer, 0, nl);
        if (typeof checked === 'string') throw corrupt(checked);
        if (!verified(offset, checked.hash)) throw corrupt(notVerified);
        const line: unknown = JSON.parse(buffer.toString('utf8', checked.brace, nl));
        const stream: unknown = Reflect.get(Object(line), 'stream');
        if (typeof stream !== 'string') throw corrupt('no stream');
        return stream;
      }
      if (bytesRead < size) throw corrupt('no complete line there');
    }
  };
