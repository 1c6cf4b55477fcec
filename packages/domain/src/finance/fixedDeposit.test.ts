import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { fixedDepositMaturity, fixedDepositPrematureClosure } from './fixedDeposit.ts';
import { InvalidDepositTermsError } from './invalidDepositTerms.ts';

const fd = { principal: '10000', rateAnnualPercent: '8', tenureMonths: 12,
  compoundingMonths: 3 } as const;

test('term formula: 10000 at 8% compounded quarterly for a year = 10000 x 1.02^4', () => {
  assert.is(String(fixedDepositMaturity(fd)), '10824.32');
});

test('calendar (Fineract): quarters of 91, 92, 92 and 90 days, each posting rounded', () => {
  // 199.45 + 205.67 + 209.81 + 209.39 = 824.32
  assert.is(String(fixedDepositMaturity({ ...fd, startOn: '2024-04-01' })), '10824.32');
  assert.is(String(fixedDepositMaturity({ ...fd, startOn: '2024-04-15' })), '10824.87');
});

test('premature closure: the penal rate reduces the rate, for the time held', () => {
  assert.is(String(fixedDepositPrematureClosure({ ...fd, startOn: '2024-04-01',
    closedOn: '2024-10-01', penaltyRatePercent: '1' })), '10354.04');
  assert.is(String(fixedDepositPrematureClosure({ ...fd, heldMonths: 6,
    penaltyRatePercent: '1' })), '10353.06');
  assert.is(String(fixedDepositPrematureClosure({ ...fd, heldMonths: 6,
    penaltyRatePercent: '9' })), '10000.00');
});

const bad: Array<[string, Record<string, unknown>]> = [
  ['principal', { principal: '-1' }], ['principal', { principal: '1.001' }],
  ['rateAnnualPercent', { rateAnnualPercent: 'x' }], ['tenureMonths', { tenureMonths: 0 }],
  ['compoundingMonths', { compoundingMonths: 2 }], ['startOn', { startOn: '2024-13-01' }],
  ['currencyDigits', { currencyDigits: -1 }],
];
for (const [field, patch] of bad) {
  test(`refuses a bad ${field}`, () => {
    assert.throws(() => fixedDepositMaturity({ ...fd, ...patch } as never),
      (e: unknown) => e instanceof InvalidDepositTermsError && e.field === field);
  });
}

test('refuses bad closure terms', () => {
  const c = { ...fd, penaltyRatePercent: '1' };
  const field = (f: () => unknown) => {
    try { f(); } catch (e) { return (e as InvalidDepositTermsError).field; }
    return 'none';
  };
  assert.is(field(() => fixedDepositPrematureClosure({ ...c, heldMonths: 13 })), 'heldMonths');
  assert.is(field(() => fixedDepositPrematureClosure({ ...c, closedOn: '2024-05-01' })), 'startOn');
  assert.is(field(() => fixedDepositPrematureClosure({ ...c, startOn: '2024-04-01',
    closedOn: '2025-04-02' })), 'closedOn');
  assert.is(field(() => fixedDepositPrematureClosure({ ...c, startOn: '2024-04-01',
    closedOn: '2024-03-01' })), 'closedOn');
  assert.is(field(() => fixedDepositPrematureClosure({ ...c, heldMonths: 1,
    penaltyRatePercent: '-1' })), 'penaltyRatePercent');
});

test.run();
