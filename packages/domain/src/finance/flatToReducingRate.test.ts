import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { flatToReducingRate } from './flatToReducingRate.ts';
import { InvalidDepositTermsError } from './invalidDepositTerms.ts';

test("a money lender's 10% a month flat over 12 months is 178.25% a year declining", () => {
  const r = flatToReducingRate({ flatRatePercent: '10', per: 'month', instalments: 12 });
  assert.is(r.periodicRatePercent.toString(), '14.854102');
  assert.is(r.reducingRateAnnualPercent.toString(), '178.249224');
  assert.is(r.effectiveAnnualPercent.toString(), '426.93631');
});

test('12% a year flat over 12 monthly instalments is 21.46% declining', () => {
  const r = flatToReducingRate({ flatRatePercent: '12', per: 'year', instalments: 12 });
  assert.is(r.reducingRateAnnualPercent.toString(), '21.457184');
  assert.is(r.effectiveAnnualPercent.toString(), '23.698384');
});

test('zero flat is zero declining; one instalment: flat equals declining', () => {
  assert.is(flatToReducingRate({ flatRatePercent: '0', per: 'year', instalments: 10 })
    .reducingRateAnnualPercent.toString(), '0');
  assert.is(flatToReducingRate({ flatRatePercent: '2', per: 'month', instalments: 1 })
    .periodicRatePercent.toString(), '2');
});

test('refuses bad terms, naming the field', () => {
  const ok = { flatRatePercent: '10', per: 'month', instalments: 12 } as const;
  for (const [field, patch] of [['flatRatePercent', { flatRatePercent: '-1' }],
    ['instalments', { instalments: 0 }], ['instalmentsPerYear', { instalmentsPerYear: 5 }],
    ['per', { per: 'week' }], ['decimals', { decimals: 31 }]] as const) {
    assert.throws(() => flatToReducingRate({ ...ok, ...patch } as never),
      (e: unknown) => e instanceof InvalidDepositTermsError && e.field === field);
  }
});

test.run();
