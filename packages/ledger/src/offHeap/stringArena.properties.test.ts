import fc from 'fast-check';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { addString, nextString, stringArena, stringAt, stringIs } from './stringArena.ts';

// Short strings of any text, and long ones (up to 0.6 MiB), so that a run fills several 1 MiB
// blocks and strings start a new block when they do not fit.
const text = fc.oneof(
  { weight: 2, arbitrary: fc.string({ unit: 'grapheme' }) },
  { weight: 2, arbitrary: fc.string() }, // ASCII: ids and stream names
  { weight: 1, arbitrary: fc.integer({ min: 1, max: 300_000 }).map((n) => 'é'.repeat(n)) },
);

test('the arena gives back every string as it was stored, and each one after the other', () => {
  fc.assert(
    fc.property(fc.array(text, { maxLength: 12 }), (strings) => {
      const arena = stringArena();
      const at = strings.map((s) => addString(arena, s));
      assert.equal(at.map((p) => stringAt(arena, p)), strings);
      for (let i = 0; i + 1 < at.length; i++) assert.is(nextString(arena, at[i] ?? 0), at[i + 1]);
    }),
    { numRuns: 60 },
  );
});

test('stringIs says what comparing the stored string says', () => {
  fc.assert(
    fc.property(fc.array(text, { minLength: 1, maxLength: 6 }), fc.array(text), (stored, more) => {
      const arena = stringArena();
      const at = stored.map((s) => addString(arena, s));
      // Near misses too: the same length with the last character changed.
      const probes = [...stored, ...more, ...stored.map((s) => `${s.slice(0, -1)}a`)];
      for (const p of at) {
        for (const s of probes) assert.is(stringIs(arena, p, s), stringAt(arena, p) === s);
      }
    }),
    { numRuns: 60 },
  );
});

test.run();
