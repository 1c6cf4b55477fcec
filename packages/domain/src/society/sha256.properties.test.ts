import { createHash } from 'node:crypto';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import fc from 'fast-check';
import { sha256Hex } from './sha256.ts';

// The platform's SHA-256 is the plain twin of the domain's own.
const platform = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex');

test('sha256Hex agrees with the platform on any text', () => {
  fc.assert(fc.property(fc.string({ unit: 'binary', maxLength: 300 }), (text) => {
    assert.is(sha256Hex(text), platform(text));
  }), { numRuns: 500 });
});

test('sha256Hex agrees at every length around a block boundary', () => {
  for (let n = 0; n <= 130; n++) assert.is(sha256Hex('a'.repeat(n)), platform('a'.repeat(n)));
  // FIPS 180-4's example.
  assert.is(sha256Hex('abc'),
    'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
});

test.run();
