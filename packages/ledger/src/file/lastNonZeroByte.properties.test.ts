// lastNonZeroByte finds the last byte that is not zero in a range of a file, whatever the
// chunk and block boundaries: against a plain walk of the same bytes.
import fc from 'fast-check';
import { mkdtemp, open, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { lastNonZeroByte } from './lastNonZeroByte.ts';

const plainWalk = (bytes: Uint8Array, from: number, to: number): number => {
  for (let i = to - 1; i >= from; i--) if (bytes[i] !== 0) return i;
  return -1;
};

test('lastNonZeroByte answers what a walk of the bytes answers, for any range and chunk size',
  async () => {
    const dir = await mkdtemp(join(tmpdir(), 'usha-nonzero-'));
    try {
      const file = join(dir, 'f');
      await fc.assert(fc.asyncProperty(
        fc.integer({ min: 0, max: 200_000 }),
        fc.array(fc.tuple(fc.nat(), fc.integer({ min: 1, max: 255 })), { maxLength: 6 }),
        fc.nat(), fc.nat(), fc.integer({ min: 1, max: 300_000 }),
        async (size, marks, a, b, chunk) => {
          const bytes = Buffer.alloc(size);
          for (const [at, v] of marks) if (size > 0) bytes[at % size] = v;
          const from = size === 0 ? 0 : a % (size + 1);
          const to = from + (size === 0 ? 0 : b % (size - from + 1));
          const h = await open(file, 'w+');
          try {
            await h.write(bytes, 0, size, 0);
            assert.is(await lastNonZeroByte(h, from, to, chunk), plainWalk(bytes, from, to));
          } finally {
            await h.close();
          }
        }), { numRuns: 150 });
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

test.run();
