import fc from 'fast-check';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import {
  firstStorableMs, isStorableMs, lastStorableMs, storedInstantMs,
} from './storedInstant.ts';

const storable = fc.integer({ min: firstStorableMs, max: lastStorableMs });
const digits = (n: number) => fc.integer({ min: 0, max: 10 ** n - 1 })
  .map((v) => String(v).padStart(n, '0'));
// Texts of the stored pattern, most naming no instant (month 13, 30 February, hour 24, ...).
const patterned = fc.tuple(digits(4), digits(2), digits(2), digits(2), digits(2), digits(2),
  digits(3)).map(([y, mo, d, h, mi, s, ms]) => `${y}-${mo}-${d}T${h}:${mi}:${s}.${ms}Z`);

test('a time of the years 0000-9999 reads back from the text that writes it, the same time',
  () => {
    fc.assert(fc.property(storable, (ms) => {
      assert.ok(isStorableMs(ms));
      assert.is(storedInstantMs(new Date(ms).toISOString()), ms);
    }), { numRuns: 10000 });
  });

// The rule by Date's own methods: what the arithmetic must agree with, text by text.
const byDate = (text: string): number | undefined => {
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/.test(text)) return undefined;
  const ms = Date.parse(text);
  return Number.isFinite(ms) && new Date(ms).toISOString() === text ? ms : undefined;
};
// Texts near the edges: the last days of months, leap days, the ends of the day.
const year = fc.oneof(fc.integer({ min: 0, max: 9999 }), // and the centuries, leap or not
  fc.integer({ min: 0, max: 99 }).map((c) => c * 100));
const edgy = fc.tuple(year, fc.integer({ min: 0, max: 13 }),
  fc.integer({ min: 27, max: 32 }), fc.integer({ min: 22, max: 25 }),
  fc.integer({ min: 58, max: 60 })).map(([y, mo, d, h, s]) => `${String(y).padStart(4, '0')}-${
  String(mo).padStart(2, '0')}-${d}T${h}:${s}:${s}.999Z`);

test('a text reads as the time Date reads it as, if that time writes the same text back; '
  + 'else as none', () => {
  fc.assert(fc.property(fc.oneof(patterned, edgy, storable.map((ms) =>
    new Date(ms).toISOString()), fc.string()), (text) => {
    assert.is(storedInstantMs(text), byDate(text), text);
  }), { numRuns: 20000 });
});

test('the texts and times a line cannot keep, exactly', () => {
  for (const text of ['2025-02-30T00:00:00.000Z', '2025-04-31T00:00:00.000Z',
    '2025-02-28T24:00:00.000Z', '2025-01-01T25:00:00.000Z', '2025-13-01T00:00:00.000Z',
    '2025-01-01T00:60:00.000Z', '+010000-01-01T00:00:00.000Z', '2025-01-01T00:00:00Z',
    '2025-01-01T00:00:00.000+00:00', '']) {
    assert.is(storedInstantMs(text), undefined, text);
  }
  assert.is(storedInstantMs('0000-01-01T00:00:00.000Z'), firstStorableMs);
  assert.is(storedInstantMs('9999-12-31T23:59:59.999Z'), lastStorableMs);
  assert.is(storedInstantMs('2024-02-29T23:59:59.999Z'), Date.UTC(2024, 1, 29, 23, 59, 59, 999));
  assert.is(storedInstantMs('2000-02-29T00:00:00.000Z'), Date.UTC(2000, 1, 29));
  assert.is(storedInstantMs('0000-02-29T00:00:00.000Z'), Date.parse('0000-02-29T00:00:00.000Z'));
  for (const text of ['1900-02-29T00:00:00.000Z', '2100-02-29T00:00:00.000Z',
    '2023-02-29T00:00:00.000Z']) {
    assert.is(storedInstantMs(text), undefined, text);
  }
  for (const ms of [firstStorableMs - 1, lastStorableMs + 1, Number.NaN, 0.5]) {
    assert.not.ok(isStorableMs(ms), String(ms));
  }
});

test.run();
