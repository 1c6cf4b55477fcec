import fc from 'fast-check';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { idFromPattern, idPattern, isIdOf } from './commandIdPattern.ts';

// Ids as the Ledger's callers make them, and odd ones: digits, leading zeros, '#', non-ASCII.
const piece = fc.oneof(
  fc.constantFrom('int-', 'rep-', '-', 'dep', 'ç', '#', '0', '00', '.', 'x'),
  fc.nat({ max: 2 ** 21 }).map(String),
  fc.string({ maxLength: 3 }),
);
const id = fc.array(piece, { maxLength: 6 }).map((ps) => ps.join(''));

test('an id kept as a pattern and numbers gives the id back (so no two ids share them)', () => {
  fc.assert(fc.property(id, (s) => {
    const p = idPattern(s);
    if (p !== undefined) assert.is(idFromPattern(p), s);
  }), { numRuns: 2000 });
});

test('an id is confirmed as a kept pattern and numbers exactly when it reads as them', () => {
  fc.assert(fc.property(id, id, (s, other) => {
    const p = idPattern(other);
    if (p === undefined) return;
    const read = idPattern(s);
    const same = read !== undefined && read.pattern === p.pattern && read.numbers === p.numbers;
    assert.is(isIdOf(s, p.pattern, p.numbers), same);
    assert.ok(isIdOf(other, p.pattern, p.numbers));
  }), { numRuns: 5000 });
});

test('ids made by a rule are kept as a pattern; others are not', () => {
  assert.equal(idPattern('int-12-3'), { pattern: 'int-#-#', numbers: 12 * 2 ** 20 + 3 });
  assert.equal(idPattern('adm-1048575'), { pattern: 'adm-#', numbers: 1048575 });
  assert.equal(idPattern('retry'), { pattern: 'retry', numbers: 0 });
  for (const s of ['int-01-3', 'a1b2c3', 'x#1', 'adm-1048576']) {
    assert.is(idPattern(s), undefined, s);
  }
  const n = 12 * 2 ** 20 + 3;
  assert.ok(isIdOf('int-12-3', 'int-#-#', n));
  for (const s of ['int-12-4', 'int-12-03', 'int-12-3x', 'int-123', 'int-12-', 'rep-12-3']) {
    assert.not.ok(isIdOf(s, 'int-#-#', n), s);
  }
});

test.run();
