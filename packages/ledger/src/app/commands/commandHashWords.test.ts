import fc from 'fast-check';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { i32Column } from '../../offHeap/columns.ts';
import { hashAt, pushHashWords } from './commandHashWords.ts';

const hex32 = fc.stringMatching(/^[0-9a-f]{32}$/);

test('a hash of 32 lowercase hex digits is read back from its 16 bytes as the text stored', () => {
  fc.assert(fc.property(fc.array(hex32, { maxLength: 20 }), (hashes) => {
    const words = i32Column(1);
    for (const h of hashes) assert.ok(pushHashWords(words, h));
    assert.is(words.length, 4 * hashes.length);
    hashes.forEach((h, row) => assert.is(hashAt(words, row), h));
  }));
});

test('the words of a hash are its digits, 8 to a word, high bits into the sign', () => {
  const words = i32Column();
  assert.ok(pushHashWords(words, '882a0f29ee5c19e6e9ab7a06e0bb3e77'));
  assert.equal([...words.data.subarray(0, 4)],
    [0x882a0f29 | 0, 0xee5c19e6 | 0, 0xe9ab7a06 | 0, 0xe0bb3e77 | 0]);
  assert.is(hashAt(words, 0), '882a0f29ee5c19e6e9ab7a06e0bb3e77');
});

test('a hash of any other form is refused, and its row still takes 4 words (zeros)', () => {
  const words = i32Column();
  const others = ['', 'h-Withdraw', '882A0F29EE5C19E6E9AB7A06E0BB3E77',
    '882a0f29ee5c19e6e9ab7a06e0bb3e7', '882a0f29ee5c19e6e9ab7a06e0bb3e770', `${'0'.repeat(64)}`];
  for (const h of others) assert.not.ok(pushHashWords(words, h), h);
  assert.is(words.length, 4 * others.length);
  assert.ok(words.data.subarray(0, words.length).every((w) => w === 0));
});

test.run();
