import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { InvalidDepositTermsError } from './invalidDepositTerms.ts';
import {
  recurringDepositMaturity, recurringDepositOnPaid, recurringDepositPrematureClosure,
} from './recurringDeposit.ts';

const rd = { instalment: '1000', rateAnnualPercent: '7', tenureMonths: 12,
  startOn: '2024-04-01' } as const;

test('12 monthly instalments of 1000 at 7%, compounded and posted quarterly', () => {
  assert.is(String(recurringDepositMaturity(rd)), '12461.34');
});

test('refuses bad terms, naming the field', () => {
  for (const [field, patch] of [['tenureMonths', { tenureMonths: 0 }],
    ['startOn', { startOn: 'x' }], ['instalment', { instalment: '-5' }],
    ['transactions[0].amount', { instalment: '1.001' }]] as const) {
    assert.throws(() => recurringDepositMaturity({ ...rd, ...patch } as never),
      (e: unknown) => e instanceof InvalidDepositTermsError && e.field === field);
  }
});

// RecurringDepositTest.testPrematureClosureAmountWithPenalInterestForWholeTerm_With_365_Days:
// 2000 a month (mandatoryRecommendedDepositAmount), 7% (the 13-18 month slab) less the 2%
// penal rate, monthly compounding and posting, actual/365. One instalment on the opening day,
// the next on the 1st of the month after, closed a month after opening. Fineract expects
// 2000 + 2000 + 2000 x 5% x 17/365 + 4004.66 x 5% x 14/365 = 4012.34, within 1.0.
const closure = {
  paid: [{ on: '2024-05-15', amount: '2000' }, { on: '2024-06-01', amount: '2000' }],
  rateAnnualPercent: '7', penaltyRatePercent: '2', startOn: '2024-05-15',
  closedOn: '2024-06-15', compounding: 'monthly',
} as const;

test('Fineract: premature closure from the instalments paid, at the rate less the penalty', () => {
  const r = recurringDepositPrematureClosure(closure);
  assert.equal([String(r.deposits), String(r.interest), String(r.payout)],
    ['4000.00', '12.34', '4012.34']); // 4.66 for May, 7.68 for June
});

test('a missed instalment is not in the balance, and costs nothing else', () => {
  const paid = [{ on: '2024-04-01', amount: '1000' }, { on: '2024-06-01', amount: '1000' }];
  const r = recurringDepositPrematureClosure({ paid, rateAnnualPercent: '7',
    penaltyRatePercent: '1', startOn: '2024-04-01', closedOn: '2024-08-01' });
  // 6%, quarterly: 1000 for 61 days and 2000 for 30 = 19.89 to June's end (May's instalment
  // never came); then 2019.89 for July's 31 days = 10.29.
  assert.equal([String(r.deposits), String(r.interest)], ['2000.00', '30.18']);
});

test('a late instalment earns from the day it was paid, not its due date', () => {
  const base = { rateAnnualPercent: '7', penaltyRatePercent: '1', startOn: '2024-04-01',
    closedOn: '2024-06-01', compounding: 'monthly' } as const;
  const onTime = recurringDepositPrematureClosure({ ...base, paid: [
    { on: '2024-04-01', amount: '1000' }, { on: '2024-05-01', amount: '1000' }] });
  const late = recurringDepositPrematureClosure({ ...base, paid: [
    { on: '2024-04-01', amount: '1000' }, { on: '2024-05-21', amount: '1000' }] });
  // April: 1000 x 6% x 30/365 = 4.93 both; May: 2004.93 for 31 days = 10.22 on time, late
  // 1004.93 for 20 days and 2004.93 for 11 = 6.93.
  assert.equal([String(onTime.interest), String(late.interest)], ['15.15', '11.86']);
});

test('a penal rate above the rate leaves no interest; nothing paid, nothing earned', () => {
  assert.is(String(recurringDepositPrematureClosure({ ...closure,
    penaltyRatePercent: '9' }).payout), '4000.00');
  assert.is(String(recurringDepositPrematureClosure({ ...closure, paid: [] }).payout), '0.00');
});

test('at maturity, interest on the instalments as paid, at the full rate', () => {
  const r = recurringDepositOnPaid({ ...closure, endOn: '2024-06-15' });
  // 7%: 2000 x 17/365 = 6.52; 4006.52 x 14/365 = 10.76.
  assert.equal([String(r.interest), String(r.payout)], ['17.28', '4017.28']);
});

test('refuses bad closures, naming the field', () => {
  const field = (patch: Record<string, unknown>) => {
    try { recurringDepositPrematureClosure({ ...closure, ...patch } as never); }
    catch (e) { return e instanceof InvalidDepositTermsError ? e.field : 'other'; }
    return 'none';
  };
  assert.is(field({ closedOn: '2024-05-14' }), 'closedOn');
  assert.is(field({ closedOn: '2024-05-31' }), 'paid[1].on');
  assert.is(field({ paid: [{ on: '2024-05-01', amount: '5' }] }), 'paid[0].on');
  assert.is(field({ paid: [{ on: '2024-05-20', amount: '-5' }] }), 'paid[0].amount');
  assert.is(field({ penaltyRatePercent: '-1' }), 'penaltyRatePercent');
  assert.is(field({ compounding: 'weekly' }), 'compounding');
});

test.run();
