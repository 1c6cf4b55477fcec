// Charges recorded once: what a rule gives for a date, once recorded, it never gives again.
import { test } from 'uvu';
import * as fc from 'fast-check';
import { addDays, businessDate } from '../dates/businessDate.ts';
import { chargeKey } from './chargeRuleRef.ts';
import { latePaymentPenalties } from './latePaymentPenalties.ts';
import { LatePaymentPenaltyRule } from './chargeRules.ts';
import { must } from '../testing/fixtures.ts';

const start = businessDate('2025-01-01');
const schedule = Array.from({ length: 6 }, (_, n) => ({
  dueOn: addDays(start, 30 * (n + 1)), principal: 500_00n, interest: BigInt(60 - 10 * n) * 100n,
}));

test('applying the charges for a date twice records them once', () => {
  fc.assert(fc.property(
    fc.integer({ min: 0, max: 240 }), fc.integer({ min: 0, max: 30 }),
    fc.bigInt({ min: 0n, max: 3300_00n }), fc.boolean(),
    (day, graceDays, settled, flat) => {
      const rule = must(LatePaymentPenaltyRule,
        flat ? { amount: '25.00', graceDays } : { ratePercent: '2', graceDays });
      const on = addDays(start, day);
      const first = latePaymentPenalties(rule, { schedule, settled, charged: new Set() }, on);
      const charged = new Set(first.map((c) => chargeKey(c.rule)));
      const again = latePaymentPenalties(rule, { schedule, settled, charged }, on);
      return again.length === 0 && charged.size === first.length;
    }));
});

test.run();
