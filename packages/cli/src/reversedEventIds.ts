import { open } from 'node:fs/promises';

const marker = Buffer.from('"reversedEventId":"');
const quote = 0x22;
const backslash = 0x5c;
const newline = 0x0a;

// Every string after the marker in these whole lines. A string that is not JSON is skipped:
// the checked read that follows refuses its line anyway.
const scan = (b: Buffer, ids: Set<string>): void => {
  for (let i = b.indexOf(marker); i >= 0; i = b.indexOf(marker, i + marker.length)) {
    const open = i + marker.length - 1;
    let j = open + 1;
    while (j < b.length && b[j] !== quote && b[j] !== newline) j += b[j] === backslash ? 2 : 1;
    try {
      const id: unknown = JSON.parse(b.toString('utf8', open, j + 1));
      if (typeof id === 'string') ids.add(id);
    } catch {
      // not a JSON string: see above
    }
  }
};

/**
 * The event ids that the log's reversals name (`reversedEventId`), found by a plain scan of
 * its first `bytes` bytes, before they are read and checked: what a replay's reversal index
 * must keep, and a few bytes a reversal rather than 21 every money event. Any line naming one
 * counts, even one the checked read later refuses: a superset is harmless, a miss is not.
 * @example combine(projections, { reversible: (id) => ids.has(id) })
 */
export const reversedEventIds = async (
  file: string, bytes: number, chunkBytes = 1 << 20,
): Promise<Set<string>> => {
  const ids = new Set<string>();
  const handle = await open(file, 'r');
  try {
    const chunk = Buffer.allocUnsafe(chunkBytes);
    let carry = Buffer.alloc(0); // the unfinished line of the chunk before
    for (let at = 0; at < bytes;) {
      const { bytesRead } = await handle.read(chunk, 0, Math.min(chunkBytes, bytes - at), at);
      if (bytesRead === 0) break;
      at += bytesRead;
      const b = carry.length === 0 ? chunk.subarray(0, bytesRead)
        : Buffer.concat([carry, chunk.subarray(0, bytesRead)]);
      // No line holds a zero byte: from the first one on is space set aside ahead of the log
      // (or a write that did not finish), not lines.
      const zero = b.indexOf(0);
      const lines = zero === -1 ? b : b.subarray(0, zero);
      const whole = lines.lastIndexOf(newline) + 1;
      scan(b.subarray(0, whole), ids);
      carry = Buffer.from(lines.subarray(whole)); // a copy: the chunk is read into again
      if (zero !== -1) break;
    }
    scan(carry, ids);
  } finally {
    await handle.close();
  }
  return ids;
};
