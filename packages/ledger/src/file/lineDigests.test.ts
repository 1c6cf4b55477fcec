import { createHash } from 'node:crypto';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { lineDigests } from './lineDigests.ts';

const hashOf = (n: number) => createHash('sha256').update(String(n)).digest('hex');

test('a line matches the hash it was recorded with, and no hash differing in 64 bits', () => {
  const digests = lineDigests();
  const lines = 70_000; // past two doublings of the array
  for (let n = 0; n < lines; n++) digests.add(hashOf(n));
  for (const n of [0, 1, 32_767, 32_768, lines - 1]) assert.ok(digests.matches(n, hashOf(n)));
  const h = hashOf(5);
  for (const at of [0, 7, 8, 15]) {
    const other = h.slice(0, at) + (h[at] === 'a' ? 'b' : 'a') + h.slice(at + 1);
    assert.not.ok(digests.matches(5, other), `hex digit ${at}`);
  }
  assert.ok(digests.matches(5, `${h.slice(0, 16)}${'0'.repeat(48)}`)); // 64 bits are kept
  assert.not.ok(digests.matches(6, h));
  assert.not.ok(digests.matches(lines, hashOf(lines)));
  assert.not.ok(digests.matches(-1, hashOf(0)));
});

test.run();
