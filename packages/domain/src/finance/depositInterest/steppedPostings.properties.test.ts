import { test } from 'uvu';
import * as assert from 'uvu/assert';
import fc from 'fast-check';
import { addDays, businessDate } from '../../dates/businessDate.ts';
import { roundHalfEven, roundRatio } from '../../money/roundRatio.ts';
import { roundPartsHalfEven } from './fixedPoint.ts';
import { postingPlan, type PostingPlan } from './postingPlan.ts';
import { normalSavingsAccount, type NormalAccount } from './savingsAccount.ts';
import { earnedBefore } from './savingsEngine.ts';
import { normalSavingsProduct, type NormalProduct } from './savingsProduct.ts';
import { alignedHalfEven, compoundedParts, steppedPostings } from './steppedPostings.ts';
import { steppedSchedule } from './steppedSchedule.ts';

// The postings as earnedBefore gives them, snapshot by snapshot (savingsPostings before the
// stepped path), as "date interest balance" in minor units.
const viaEarnedBefore = (p: NormalProduct, a: NormalAccount, plan: PostingPlan): string[] => {
  const n = plan.countTo(a.toDay);
  const snaps = plan.ends.slice(0, n).map((e) => e + 1);
  const values = earnedBefore(p, a, snaps, []);
  const out: string[] = [];
  let shown = 0n;
  let before = 0n;
  let i = 0;
  for (let k = 0; k < n; k += 1) {
    for (; i < a.days.length && (a.days[i] ?? 0) < (snaps[k] ?? 0); i += 1) {
      shown += a.amounts[i] ?? 0n;
    }
    const d = (values[k] ?? 0n) - before;
    before = values[k] ?? 0n;
    const interest = p.rounding === 'half-even'
      ? roundPartsHalfEven(d, p.q, p.den) : roundRatio(d, p.den, p.rounding);
    if (interest <= 0n) continue;
    shown += interest;
    out.push(`${plan.dateOf(k)} ${interest} ${shown}`);
  }
  return out;
};

const period = fc.constantFrom('monthly', 'quarterly', 'half-yearly', 'yearly' as const);
const start = businessDate('2023-01-01');

test('stepped postings equal earnedBefore\'s, whenever the schedule applies', () => {
  let applied = 0;
  fc.assert(fc.property(fc.record({
    rate: fc.constantFrom('4', '7.5', '0', '3.65', '36.5', '4.123456789012'),
    compounding: period, posting: fc.oneof(period, fc.constant('daily' as const)),
    fy: fc.integer({ min: 1, max: 12 }), daysInYear: fc.constantFrom(360 as const, 365 as const),
    postOn: fc.constantFrom('next-day' as const, 'period-end' as const),
    rounding: fc.constantFrom('half-even' as const, 'half-up' as const, 'down' as const),
    min: fc.constantFrom(undefined, '100', '5000'),
    from: fc.integer({ min: 0, max: 40 }), span: fc.integer({ min: 0, max: 900 }),
    txs: fc.array(fc.record({ day: fc.integer({ min: 0, max: 900 }),
      rupees: fc.bigInt({ min: -20_000n, max: 50_000n }) }), { maxLength: 6 }),
  }), (g) => {
    const from = addDays(start, g.from * 20);
    const p = normalSavingsProduct({ rateAnnualPercent: g.rate, method: 'daily-balance',
      compounding: g.compounding, posting: g.posting, financialYearStartMonth: g.fy,
      daysInYear: g.daysInYear, postOn: g.postOn, rounding: g.rounding,
      minBalanceForInterest: g.min });
    const txs = [{ on: from, amount: '1000' }, ...g.txs.map((t) =>
      ({ on: addDays(from, t.day), amount: String(t.rupees) }))];
    const a = normalSavingsAccount({ from, to: addDays(from, g.span) }, txs, p.digits);
    const plan = postingPlan(p, a.fromDay);
    const schedule = steppedSchedule(p, plan, a.fromDay, plan.countTo(a.toDay));
    if (schedule === undefined) return;
    applied += 1;
    const got = steppedPostings(p, a, plan, schedule)
      .map((x) => `${x.on} ${x.interest.minor} ${x.balance.minor}`);
    assert.equal(got, viaEarnedBefore(p, a, plan));
  }), { numRuns: 400 });
  assert.ok(applied > 100, `the schedule applied ${applied} times`);
});

test('alignedHalfEven rounds as the exact numerator, near every tie', () => {
  const PARTS = 10n ** 24n;
  for (const q of [36_500n, 36_000n, 3_650_000n]) {
    const den = q * PARTS;
    const rs = [-q / 2n, -1n, 0n, 1n, q / 2n];
    for (const whole of [0n, 1n, 2n, 12_345n]) {
      for (const off of [-(1n << 23n) - 1n, -(1n << 23n), -2n, -1n, 0n, 1n, 2n, 1n << 23n]) {
        const dc = whole * PARTS + PARTS / 2n + off;
        for (const r of rs) {
          for (const prevR of rs) {
            const exact = roundPartsHalfEven(dc * q + r - prevR, q, den);
            assert.equal(alignedHalfEven(dc) ?? exact, exact);
          }
        }
      }
    }
  }
});

test('compoundedParts rounds half-even as roundHalfEven', () => {
  for (const q of [36_500n, 36_000n, 2n]) {
    for (const whole of [0n, 1n, 2n, 10n ** 30n, 10n ** 30n + 1n]) {
      for (const rest of [0n, 1n, q / 2n - 1n, q / 2n, q / 2n + 1n, q - 1n]) {
        const u = whole * q + rest;
        assert.is(compoundedParts(u, q, q / 2n), roundHalfEven(u, q));
      }
    }
  }
});

test.run();
