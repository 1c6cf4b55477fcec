import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { InvalidDepositTermsError } from './invalidDepositTerms.ts';
import { recurringDepositMaturity } from './recurringDeposit.ts';

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

test.run();
