import { test } from 'uvu';
import * as assert from 'uvu/assert';
import * as E from 'fp-ts/lib/Either.js';
import { ProductCatalogue } from './productCatalogue.ts';
import { reportErrors } from '../shared/reportErrors.ts';

// A loan product as catalogues were written before the lending limits existed.
const before = {
  kind: 'loan', id: 'LN', rateAnnualPercent: '12', minPrincipal: '1000.00',
  maxPrincipal: '50000.00', minRepayments: 3, maxRepayments: 24, frequency: 'months', every: 1,
  interestMethod: 'declining-balance', amortization: 'equal-installments',
  interestPeriod: 'same-as-repayment', daysInYear: 365, daysInMonth: 30,
  installmentMultipleOf: '0.01', rounding: 'half-even', graceOnPrincipal: 0,
  graceOnInterestPayment: 0, graceOnInterestCharged: 0,
  allocationOrder: ['penalties', 'fees', 'interest', 'principal'], excessRepayment: 'reject',
};
const decode = (loan: Record<string, unknown>) => ProductCatalogue.decode({ LN: loan });
const fields = (r: ReturnType<typeof decode>) =>
  E.isLeft(r) ? reportErrors(r.left).map((f) => f.path) : [];

test('a catalogue written before the lending limits decodes, with no limit set', () => {
  const r = decode(before);
  assert.ok(E.isRight(r));
  if (E.isLeft(r)) return;
  const p = r.right.LN;
  assert.ok(p?.kind === 'loan');
  if (p?.kind !== 'loan') return;
  assert.equal([p.savingsMultiple, p.maxLoansAtOnce, p.guarantorsAbove, p.guarantorsRequired],
    [undefined, undefined, undefined, undefined]);
  assert.equal(JSON.parse(JSON.stringify(ProductCatalogue.encode(r.right))), { LN: before });
});

test('the limits decode when set', () => {
  const r = decode({ ...before, savingsMultiple: 3, maxLoansAtOnce: 2,
    guarantorsAbove: '20000.00', guarantorsRequired: 2 });
  assert.ok(E.isRight(r) && r.right.LN?.kind === 'loan' && r.right.LN.savingsMultiple === 3);
});

test('a bad limit, a stray field and guarantorsRequired alone are refused naming the field',
  () => {
    assert.equal(fields(decode({ ...before, savingsMultiple: 2.5 })), ['LN.savingsMultiple']);
    assert.equal(fields(decode({ ...before, maxLoansAtOnce: 0 })), ['LN.maxLoansAtOnce']);
    assert.equal(fields(decode({ ...before, lendingLimit: 3 })), ['LN.lendingLimit']);
    assert.equal(fields(decode({ ...before, guarantorsRequired: 2 })), ['LN.guarantorsRequired']);
  });

test.run();
