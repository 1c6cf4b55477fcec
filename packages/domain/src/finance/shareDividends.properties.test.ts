import { test } from 'uvu';
import * as assert from 'uvu/assert';
import fc from 'fast-check';
import { addDays, businessDate } from '../dates/businessDate.ts';
import { shareDividends } from './shareDividends.ts';

const start = businessDate('2024-04-01');
const holdingsArb = fc.uniqueArray(fc.record({
  memberId: fc.string({ minLength: 1, maxLength: 4 }),
  changes: fc.array(fc.record({ day: fc.integer({ min: -100, max: 364 }),
    shares: fc.integer({ min: 1, max: 500 }) }), { minLength: 1, maxLength: 4 }),
}), { selector: (h) => h.memberId, minLength: 1, maxLength: 30 }).map((hs) => hs.map((h) => ({
  memberId: h.memberId,
  changes: h.changes.map((c) => ({ on: addDays(start, c.day), shares: c.shares })),
})));

test('dividends sum exactly to the total', () => {
  fc.assert(fc.property(holdingsArb, fc.bigInt({ min: 0n, max: 10n ** 12n }), (holdings, t) => {
    const total = `${t / 100n}.${String(t % 100n).padStart(2, '0')}`;
    const r = shareDividends({ from: start, to: addDays(start, 364), total, holdings });
    const sum = r.parts.reduce((a, p) => a + p.amount.minor, 0n);
    assert.is(sum, r.total.minor);
    assert.is(r.total.minor, t);
  }));
});

test('a sum of parts never loses a paisa: each part is within a paisa of its exact share', () => {
  fc.assert(fc.property(holdingsArb, fc.bigInt({ min: 0n, max: 10n ** 9n }), (holdings, t) => {
    const total = `${t / 100n}.${String(t % 100n).padStart(2, '0')}`;
    const r = shareDividends({ from: start, to: addDays(start, 364), total, holdings });
    const all = r.parts.reduce((a, p) => a + p.shareDays, 0n);
    for (const p of r.parts) {
      const exactTimesAll = t * p.shareDays;
      assert.ok(p.amount.minor * all <= exactTimesAll + all);
      assert.ok(p.amount.minor * all >= exactTimesAll - all);
    }
  }));
});

test.run();
