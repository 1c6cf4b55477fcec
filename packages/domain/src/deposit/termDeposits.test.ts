import { test } from 'uvu';
import * as assert from 'uvu/assert';
import * as E from 'fp-ts/lib/Either.js';
import { spec } from '../testing/deciderSpecification.ts';
import {
  asMember, by, command, event, history, products, withFacts,
} from '../testing/fixtures.ts';
import { ProductCatalogue } from '../products/productCatalogue.ts';
import { reportErrors } from '../shared/reportErrors.ts';
import { decodeCommand } from '../commandCatalogue.ts';
import { accountHistory } from './accountHistory.ts';
import { createDepositDecider, type DepositDecision } from './decide.ts';

// A fixed deposit product counting its terms in days, compounded monthly, posted quarterly.
const fd90 = {
  kind: 'fixed', id: 'FDD', rateAnnualPercent: '7', dayCount: 'actual/365',
  compounding: 'monthly', posting: 'quarterly', termUnit: 'days', minTerm: 30, maxTerm: 400,
  minimumPrincipal: '1000.00', prematureClosurePenaltyPercent: '1', rounding: 'half-even',
};
const decoded = ProductCatalogue.decode({ ...products, FDD: fd90 });
if (E.isLeft(decoded)) throw new Error('the test catalogue does not decode');
const decider = createDepositDecider({ products: decoded.right });
const given = (...cs: DepositDecision[]) => spec(decider).given(history(decider, cs));
const A = { accountId: 'A1' };
const open = (term: Record<string, unknown>, productId = 'FDD') =>
  asMember(command('OpenFixedDeposit', { ...by('c1', '2024-04-01'), ...A, memberId: 'M1',
    productId, principal: '10000', ...term }));
const after = (before: ReadonlyArray<DepositDecision>) =>
  ({ history: accountHistory(history(decider, before)) });

test('a fixed deposit for 90 days matures 90 days on, in the event as term and unit', () => {
  given().when(open({ term: 90, termUnit: 'days' })).then([event('FixedDepositOpened', {
    ...A, memberId: 'M1', branchId: 'SONAGACHI', productId: 'FDD', on: '2024-04-01',
    rateAnnualPercent: '7', principal: '10000.00', term: 90, termUnit: 'days',
    maturesOn: '2024-06-30',
  })]);
});

test('a term in another unit than the product\'s, or outside its range, is refused', () => {
  given().when(open({ term: 3, termUnit: 'months' }))
    .thenRejects('invalid_terms', { field: 'termUnit' });
  given().when(open({ termMonths: 3 })).thenRejects('invalid_terms', { field: 'termUnit' });
  given().when(open({ term: 401, termUnit: 'days' }))
    .thenRejects('term_out_of_range', { minimum: 30, maximum: 400, requested: 401 });
});

test('at maturity, monthly compounding is posted by quarter, rounded per posting', () => {
  // 10000 at 7%, compounded monthly: April's 30 days 57.53, May's 31 on 10057.53 59.80,
  // June's 29 (to the day before maturity) on 10117.33 56.27; one posting, rounded: 173.60.
  const mature = withFacts(command('MatureDeposit', { ...by('c2', '2024-06-30'), ...A }),
    after([open({ term: 90, termUnit: 'days' })]));
  given(open({ term: 90, termUnit: 'days' })).when(mature).then([event('DepositMatured', {
    ...A, memberId: 'M1', on: '2024-06-30', interest: '173.60', maturityAmount: '10173.60',
  })]);
});

const rd = asMember(command('OpenRecurringDeposit', { ...by('r1', '2024-04-01'), ...A,
  memberId: 'M1', productId: 'RD', instalment: '500', termMonths: 6 }));
const pay = (id: string, on: string) =>
  asMember(command('MakeDeposit', { ...by(id, on), ...A, amount: '500', source: 'cash' }));

test('a recurring deposit closed early earns on the instalments paid, at the rate less 1%', () => {
  // Paid 1 April and, late, 20 May; June's never came. At 6%, quarterly: 500 for 49 days and
  // 1000 for 42 = 10.93 to 30 June; then 1010.93 for 14 days of July = 2.33.
  const paid = [rd, pay('r2', '2024-04-01'), pay('r3', '2024-05-20')];
  const close = withFacts(command('CloseDepositEarly', { ...by('r4', '2024-07-15'), ...A }),
    after(paid));
  given(...paid).when(close).then([event('DepositClosedEarly', {
    ...A, memberId: 'M1', on: '2024-07-15', balance: '1000.00', interest: '13.26',
    penaltyPercent: '1', payout: '1013.26',
  })]);
});

test('a fixed deposit product says its term one way; compounding not longer than posting', () => {
  const paths = (p: Record<string, unknown>) => {
    const r = ProductCatalogue.decode({ FDD: { ...fd90, ...p } });
    return E.isLeft(r) ? reportErrors(r.left).map((f) => f.path) : [];
  };
  assert.equal(paths({}), []);
  assert.equal(paths({ minTermMonths: 3 }), ['FDD.termUnit']);
  assert.equal(paths({ termUnit: undefined }), ['FDD.termUnit']);
  assert.equal(paths({ termUnit: 'fortnights' }), ['FDD.termUnit']);
  assert.equal(paths({ maxTerm: 20 }), ['FDD.maxTerm']);
  assert.equal(paths({ compounding: 'half-yearly' }), ['FDD.compounding']);
  assert.equal(paths({ posting: 'daily' }), ['FDD.posting']);
  const older = { ...fd90, termUnit: undefined, minTerm: undefined, maxTerm: undefined,
    posting: undefined, compounding: 'quarterly', minTermMonths: 3, maxTermMonths: 120 };
  assert.equal(paths(older), []);
});

test('an opening says its term one way: termMonths, or term with termUnit', () => {
  const paths = (term: Record<string, unknown>) => {
    const r = decodeCommand({ type: 'OpenFixedDeposit', data: { ...by('c1', '2024-04-01'),
      accountId: 'FD-1', memberId: 'M1', productId: 'FD', principal: '1000', ...term } });
    return E.isLeft(r) ? r.left.fields.map((f) => f.path) : [];
  };
  assert.equal(paths({ termMonths: 12 }), []);
  assert.equal(paths({ term: 12, termUnit: 'weeks' }), []);
  assert.equal(paths({ termMonths: 12, term: 12, termUnit: 'months' }), ['data.term']);
  assert.equal(paths({}), ['data.term']);
  assert.equal(paths({ term: 12 }), ['data.termUnit']);
  assert.equal(paths({ term: 12, termUnit: 'fortnights' }), ['data.termUnit']);
});

test.run();
