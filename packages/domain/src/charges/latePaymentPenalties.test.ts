// Late-payment penalties computed by hand from the rule: flat and rate, on the grace edge.
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import * as E from 'fp-ts/lib/Either.js';
import { businessDate } from '../dates/businessDate.ts';
import { moneyString } from '../shared/codecs.ts';
import { LatePaymentPenaltyRule } from './chargeRules.ts';
import { latePaymentPenalties, type LateLoan } from './latePaymentPenalties.ts';

const d = (s: string) => businessDate(s);
// 3,000 over three months: 1,030.00, 1,020.00 and 1,010.00 due on the 1st.
const schedule = [
  { dueOn: d('2025-02-01'), principal: 1000_00n, interest: 30_00n },
  { dueOn: d('2025-03-01'), principal: 1000_00n, interest: 20_00n },
  { dueOn: d('2025-04-01'), principal: 1000_00n, interest: 10_00n },
];
const loan = (settled: bigint, charged: string[] = []): LateLoan =>
  ({ schedule, settled, charged: new Set(charged) });
const rule = (u: unknown): LatePaymentPenaltyRule => {
  const r = LatePaymentPenaltyRule.decode(u);
  if (E.isLeft(r)) throw new Error('bad rule');
  return r.right;
};
const figures = (r: LatePaymentPenaltyRule, l: LateLoan, on: string) =>
  latePaymentPenalties(r, l, d(on)).map((c) => `${c.rule.period} ${moneyString(c.amount)}`);

const flat = rule({ amount: '50.00', graceDays: 5 });
const rate = rule({ ratePercent: '2.5', graceDays: 5 });

test('a flat penalty is not charged on the last day of grace, and is on the day after', () => {
  assert.equal(figures(flat, loan(0n), '2025-02-06'), []);
  assert.equal(figures(flat, loan(0n), '2025-02-07'), ['instalment-1 50.00']);
});

test('with no grace the penalty is charged the day after the due day', () => {
  const none = rule({ amount: '50.00', graceDays: 0 });
  assert.equal(figures(none, loan(0n), '2025-02-01'), []);
  assert.equal(figures(none, loan(0n), '2025-02-02'), ['instalment-1 50.00']);
});

test('an instalment paid in full, or charged already, is not charged again', () => {
  assert.equal(figures(flat, loan(1030_00n), '2025-03-07'), ['instalment-2 50.00']);
  assert.equal(figures(flat, loan(0n, ['late_payment/instalment-1']), '2025-03-07'),
    ['instalment-2 50.00']);
});

test('a rate penalty is the rate on what the instalment still owes, oldest paid first', () => {
  // 400.00 paid: instalment 1 owes 630.00 (2.5%: 15.75); instalment 2 owes all 1,020.00.
  assert.equal(figures(rate, loan(400_00n), '2025-03-07'),
    ['instalment-1 15.75', 'instalment-2 25.50']);
});

test('a rate penalty rounds half-even to the paisa', () => {
  // Instalment 1 owes 123.45; 2.5% of it is 3.08625, which rounds to 3.09.
  assert.equal(figures(rate, loan(906_55n), '2025-02-07'), ['instalment-1 3.09']);
  // 2% of 0.25 is half a paisa: the tie goes to the even paisa, 0.00, and nothing is charged.
  const two = rule({ ratePercent: '2', graceDays: 0 });
  assert.equal(figures(two, loan(1029_75n), '2025-02-02'), []);
});

test('a rule names a flat amount or a rate, one of the two', () => {
  assert.ok(E.isLeft(LatePaymentPenaltyRule.decode({ graceDays: 1 })));
  assert.ok(E.isLeft(LatePaymentPenaltyRule.decode(
    { amount: '1.00', ratePercent: '1', graceDays: 1 })));
  assert.ok(E.isLeft(LatePaymentPenaltyRule.decode({ amount: '0.00', graceDays: 1 })));
});

test.run();
