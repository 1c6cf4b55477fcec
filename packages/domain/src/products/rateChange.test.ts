import { test } from 'uvu';
import * as assert from 'uvu/assert';
import * as E from 'fp-ts/lib/Either.js';
import { businessDate } from '../dates/businessDate.ts';
import { by, command, must, products } from '../testing/fixtures.ts';
import { ProductCatalogue } from './productCatalogue.ts';
import { decideRateChange, rateOn, withRateChange, type RateSteps } from './rateChange.ts';

const change = (on: string, effectiveFrom: string, rate: string, productId = 'SB') =>
  command('ChangeProductRate', { ...by('r', on, 'board'), societyId: 'USHA', productId,
    effectiveFrom, rateAnnualPercent: rate }).data;
const refusal = (r: ReturnType<typeof decideRateChange>) => (E.isLeft(r) ? r.left : null);

test('a change records the rate in force the day before as the previous one', () => {
  const first = decideRateChange(products, {}, change('2024-05-01', '2024-05-16', '6'));
  assert.equal(first, E.right({ societyId: 'USHA', productId: 'SB', on: '2024-05-01',
    effectiveFrom: '2024-05-16', rateAnnualPercent: '6', previousRateAnnualPercent: '4' }));
  if (E.isLeft(first)) return;
  const steps = withRateChange({}, first.right);
  const second = decideRateChange(products, steps, change('2024-08-01', '2024-09-01', '5.5'));
  assert.is(E.isRight(second) && second.right.previousRateAnnualPercent, '6');
});

test('the rate on a day is the last change in force by then, else the catalogue\'s', () => {
  const steps: RateSteps = { SB: [
    { effectiveFrom: businessDate('2024-05-16'), rateAnnualPercent: '6' },
    { effectiveFrom: businessDate('2024-09-01'), rateAnnualPercent: '5.5' },
  ] };
  const on = (d: string) => rateOn('4', steps.SB ?? [], businessDate(d));
  assert.equal([on('2024-05-15'), on('2024-05-16'), on('2024-08-31'), on('2024-09-01')],
    ['4', '6', '6', '5.5']);
});

test('refused: a term deposit product, a backdated or out-of-order change, the same rate', () => {
  assert.equal(refusal(decideRateChange(products, {}, change('2024-05-01', '2024-05-16', '6',
    'FD'))), { type: 'wrong_product', productId: 'FD', expected: 'savings', got: 'fixed' });
  assert.equal(refusal(decideRateChange(products, {}, change('2024-05-01', '2024-04-30', '6'))),
    { type: 'invalid_terms', field: 'data.effectiveFrom',
      reason: "must not be before the command's date 2024-05-01" });
  const june = decideRateChange(products, {}, change('2024-05-01', '2024-06-01', '6'));
  if (E.isLeft(june)) return assert.unreachable('the June change is valid');
  const steps = withRateChange({}, june.right);
  assert.equal(refusal(decideRateChange(products, steps, change('2024-05-02', '2024-06-01',
    '7'))), { type: 'invalid_terms', field: 'data.effectiveFrom',
    reason: "must be after the last change's 2024-06-01" });
  assert.equal(refusal(decideRateChange(products, {}, change('2024-05-01', '2024-05-16',
    '4.000'))), { type: 'invalid_terms', field: 'data.rateAnnualPercent',
    reason: 'is the rate in force (4)' });
});

test('refused: a product whose interest is on the average daily balance', () => {
  const average = must(ProductCatalogue, { ...products,
    SB: { ...products.SB, interestCalculation: 'average-daily-balance' } });
  assert.equal(refusal(decideRateChange(average, {}, change('2024-05-01', '2024-05-16', '6'))),
    { type: 'invalid_terms', field: 'productId',
      reason: 'a rate change applies to daily-balance interest only' });
});

test.run();
