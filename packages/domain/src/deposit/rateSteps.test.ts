import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { InvalidDepositTermsError } from '../finance/invalidDepositTerms.ts';
import { savingsInterest, type SavingsTerms } from '../finance/savingsInterest.ts';
import { formatMoney } from '../money/money.ts';
import { businessDate } from '../dates/businessDate.ts';
import { steppedSavingsInterest } from './rateSteps.ts';

const step = (effectiveFrom: string, rateAnnualPercent: string) =>
  ({ effectiveFrom: businessDate(effectiveFrom), rateAnnualPercent });

const monthly: SavingsTerms = {
  transactions: [{ on: '2025-04-01', amount: '100000' }], rateAnnualPercent: '4',
  from: '2025-04-01', to: '2025-06-30', method: 'daily-balance', compounding: 'monthly',
  posting: 'monthly', daysInYear: 365, postOn: 'period-end', currencyDigits: 2,
  rounding: 'half-even',
};
const shown = (r: ReturnType<typeof savingsInterest>) =>
  r.postings.map((p) => `${p.on} ${formatMoney(p.interest)} ${formatMoney(p.balance)}`);

// By hand: April 100000 x 4% x 30/365 = 328.7671..; May on 100328.7671.. at 4% for 15 days
// and 6% for 16, x (0.6 + 0.96) / 365 = 428.8024..; June on 100757.5695.. x 6% x 30/365.
test('a rate change mid-month: each day earns at the rate in force that day', () => {
  const r = steppedSavingsInterest(monthly,
    [step('2025-05-16', '6')]);
  assert.equal(shown(r), [
    '2025-04-30 328.77 100328.77', '2025-05-31 428.80 100757.57',
    '2025-06-30 496.89 101254.46',
  ]);
});

test('without the change the same account earns 4% throughout (328.77, 340.84, 330.97)', () => {
  assert.equal(shown(steppedSavingsInterest(monthly, [])), [
    '2025-04-30 328.77 100328.77', '2025-05-31 340.84 100669.61',
    '2025-06-30 330.97 101000.58',
  ]);
});

test('a change effective after the span changes nothing', () => {
  const r = steppedSavingsInterest(monthly,
    [step('2025-07-01', '9')]);
  assert.equal(shown(r), shown(savingsInterest(monthly)));
});

// Two years compounded monthly, posted yearly: the second year is 12 whole months at one
// rate, which the engine compounds in closed form. By hand, month by month at 4% to
// 15 November 2024 and 5.5% from the 16th: 2327.5882.. and 2951.6817..
test('a change before a long run at one rate: the run grows at the new rate', () => {
  const r = steppedSavingsInterest({
    ...monthly, transactions: [{ on: '2024-04-01', amount: '50000' }], from: '2024-04-01',
    to: '2026-03-31', posting: 'yearly',
  }, [step('2024-11-16', '5.5')]);
  assert.equal(shown(r), ['2025-03-31 2327.59 52327.59', '2026-03-31 2951.68 55279.27']);
});

test('rates of different decimals are brought to one denominator (4 then 4.125)', () => {
  const r = steppedSavingsInterest(monthly,
    [step('2025-05-01', '4.125')]);
  // May: 100328.7671.. x 4.125% x 31/365 = 351.4942..; June on 100680.2614.. x 30/365.
  assert.equal(shown(r).slice(1), ['2025-05-31 351.49 100680.26', '2025-06-30 341.35 101021.61']);
});

test('a change on average daily balance or daily compounding is refused by field', () => {
  for (const t of [{ ...monthly, method: 'average-daily-balance' as const },
    { ...monthly, compounding: 'daily' as const }]) {
    try {
      steppedSavingsInterest(t, [step('2025-05-16', '6')]);
      assert.unreachable('accepted');
    } catch (e) {
      assert.instance(e, InvalidDepositTermsError);
      assert.is((e as InvalidDepositTermsError).field, 'rateAnnualPercent');
    }
  }
});

test.run();
