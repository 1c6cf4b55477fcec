import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { bn } from './bn.ts';
import { en } from './en.ts';

// The type already asks bn for every key of en; this also refuses a key bn has and en lacks
// (an object literal typed wider would let one through) and a label left empty or English.
test('the Bengali and English catalogues have the same keys', () => {
  assert.equal(Object.keys(bn).sort(), Object.keys(en).sort());
});

test('every Bengali label is written in Bengali script, every English one is not', () => {
  const bengaliScript = /[\u0980-\u09FF]/;
  for (const [key, text] of Object.entries(bn)) {
    assert.ok(bengaliScript.test(text), `bn.${key} is not in Bengali: ${text}`);
  }
  for (const [key, text] of Object.entries(en)) {
    assert.ok(text.length > 0 && !bengaliScript.test(text), `en.${key}: ${text}`);
  }
});

test.run();
