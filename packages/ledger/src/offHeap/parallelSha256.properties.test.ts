import { createHash } from 'node:crypto';
import fc from 'fast-check';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { hashingRead, parallelSha256 } from './parallelSha256.ts';

// Runs of bytes, each in shared memory or not, from a few bytes to past the 1 MiB staging.
const runs = fc.array(fc.record({
  length: fc.oneof(fc.integer({ min: 0, max: 64 }), fc.integer({ min: 1, max: 1_100_000 })),
  shared: fc.boolean(),
  seed: fc.integer({ min: 0, max: 255 }),
}), { maxLength: 6 });

const bytesOf = (run: { length: number; shared: boolean; seed: number }): Uint8Array => {
  const b = run.shared ? new Uint8Array(new SharedArrayBuffer(run.length + 3), 3)
    : new Uint8Array(run.length);
  for (let i = 0; i < b.length; i++) b[i] = (i * 31 + run.seed) & 0xff;
  return b;
};

test('the digest on the worker is the SHA-256 of the bytes handed over, in order', async () => {
  await fc.assert(fc.asyncProperty(runs, async (rs) => {
    const end = hashingRead();
    try {
      const plain = createHash('sha256');
      const parallel = parallelSha256();
      for (const r of rs) {
        const b = bytesOf(r);
        plain.update(b);
        parallel.update(b);
        // Bytes not shared are copied when handed over: reusing them at once changes nothing.
        // (Shared ones are hashed where they lie, so are left as they were, as readers do.)
        if (!r.shared) b.fill(0);
      }
      assert.is((await parallel.digest()).toString('hex'), plain.digest('hex'));
    } finally {
      end();
    }
  }), { numRuns: 25 });
});

test('a digest asked for once the worker stopped, idle, is refused, never a wrong one',
  async () => {
  const end = hashingRead();
  const h = parallelSha256();
  h.update(new Uint8Array([1, 2, 3]));
  end();
  await new Promise((resolve) => setTimeout(resolve, 1_300)); // past the idle second
  try {
    await h.digest();
    assert.unreachable('the read had ended');
  } catch (e) {
    assert.is((e as Error).message, 'the hash worker stopped');
  }
});

test.run();
