// A loan product's schedule-change settings: defaults when left out, and the combinations the
// schedule engines cannot compute refused naming the field.
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import * as E from 'fp-ts/lib/Either.js';
import { LoanProduct } from './loanProduct.ts';
import { reportErrors } from '../shared/reportErrors.ts';
import { products } from '../testing/fixtures.ts';

const base = products.LN;
const refusal = (more: Record<string, unknown>): string => {
  const r = LoanProduct.decode({ ...base, ...more });
  if (E.isRight(r)) return 'accepted';
  return reportErrors(r.left).map((f) => f.message).join('; ');
};

test('a product without the settings decodes as before', () => {
  assert.is(refusal({}), 'accepted');
});

test('progressive tranches with recalculation, a down payment and top-ups are accepted', () => {
  assert.is(refusal({ scheduleType: 'progressive', maxTranches: 3,
    interestRecalculation: 'reduce-term', allowTopUp: true }), 'accepted');
  assert.is(refusal({ scheduleType: 'progressive', downPaymentPercent: '25', allowTopUp: true }),
    'accepted');
});

test('a down payment with tranches or recalculation is refused: no tranche could be paid', () => {
  const why = /downPaymentPercent: a down payment needs maxTranches 1 and interestRecalc/;
  assert.match(refusal({ scheduleType: 'progressive', maxTranches: 2, downPaymentPercent: '10' }),
    why);
  assert.match(refusal({ scheduleType: 'progressive', interestRecalculation: 'reduce-emi',
    downPaymentPercent: '10' }), why);
  assert.is(refusal({ scheduleType: 'progressive', maxTranches: 2, downPaymentPercent: '0' }),
    'accepted');
});

test('combinations the engines cannot compute are refused, naming the field', () => {
  assert.match(refusal({ scheduleType: 'progressive', interestMethod: 'flat' }),
    /scheduleType: progressive needs 'declining-balance'/);
  assert.match(refusal({ scheduleType: 'progressive', amortization: 'equal-principal' }),
    /scheduleType: progressive needs 'equal-installments'/);
  assert.match(refusal({ scheduleType: 'progressive', graceOnPrincipal: 1 }),
    /scheduleType: progressive has no grace periods/);
  assert.match(refusal({ downPaymentPercent: '100' }), /downPaymentPercent: must be less than 100/);
  assert.match(refusal({ interestRecalculation: 'reduce-emi' }),
    /interestRecalculation: needs scheduleType 'progressive'/);
  assert.match(refusal({ maxTranches: 2 }), /maxTranches: more than 1 needs scheduleType/);
  assert.match(refusal({ maxTranches: 0 }), /maxTranches/);
  assert.match(refusal({ allowTopUp: 'yes' }), /allowTopUp/);
});

test.run();
