import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { spec } from '../testing/deciderSpecification.ts';
import { activeMember, by, command, history, withFacts } from '../testing/fixtures.ts';
import { createLoanDecider } from './decide.ts';
import type { LendingFacts } from './limits.ts';
import { guarantor, lendingFacts, limitProducts, loanFact } from './lending.fixture.ts';

const decider = createLoanDecider({ products: limitProducts });
const given = (...cs: Parameters<typeof decider.decide>[0][]) =>
  spec(decider).given(history(decider, cs));
const member = activeMember('M1');

type Guarantee = { memberId: string; accountId: string; amount: string };
// `null`: the facts left out, as a caller of the decider alone may.
const apply = (principal: string, lending: LendingFacts | null = lendingFacts(),
  guarantors?: Guarantee[], productId = 'LG') => withFacts(command('ApplyForLoan', {
  ...by('c1', '2024-05-01'), loanId: 'L1', memberId: 'M1', productId, principal,
  repayments: 12, firstRepaymentOn: null, ...(guarantors ? { guarantors } : {}),
}), { ...member, ...(lending === null ? {} : { lending }) });
const approve = (principal: string, lending: LendingFacts | undefined = lendingFacts()) =>
  withFacts(command('ApproveLoan', {
    ...by('c2', '2024-05-10', 'mgr-1'), loanId: 'L1', principal,
  }), { ...member, lending });
const g2 = { memberId: 'M2', accountId: 'A2', amount: '5000' };
const withG2 = lendingFacts({ guarantors: { M2: guarantor('M2', 'A2', '8000') } });

test('given a basis of 5000.00 and a 3x limit, '
  + 'when she applies for 15000.01, then loan_limit_exceeded names the figures', () => {
  given().when(apply('15000.01')).thenRejects('loan_limit_exceeded', {
    limit: 'savings_multiple', multiple: 3, basis: '5000.00', maximum: '15000.00',
    requested: '15000.01',
  });
});

test('given a basis of 5000.00 and a 3x limit, when she applies for 15000.00, it is recorded',
  () => {
    given().when(apply('15000')).thenState((s) => {
      assert.is(s.status, 'applied');
    });
  });

test('given two loans of hers not closed, when she applies for a third, then too_many_loans',
  () => {
    const loans = [loanFact('L7', 'active'), loanFact('L8', 'applied'),
      loanFact('L9', 'closed')];
    given().when(apply('1000', lendingFacts({ loans })))
      .thenRejects('too_many_loans', { maximum: 2, open: 2 });
  });

test('given a threshold of 20000.00, when she applies for 20000.01 with no guarantor, '
  + 'then guarantors_required', () => {
  // A second savings account of 5000.00 makes her basis 10000.00: the 3x limit is not met.
  const basis = lendingFacts({ deposits: [...lendingFacts().deposits,
    guarantor('M1', 'A9', '5000').account] });
  given().when(apply('20000.01', basis)).thenRejects('guarantors_required', {
    threshold: '20000.00', requested: '20000.01', required: 1, named: 0,
  });
});

test('a guarantor named is recorded beside the application (GuarantorsNamed)', () => {
  const [, named] = given().when(apply('10000', withG2, [g2])).then([
    ...history(decider, [apply('10000', withG2, [g2])]),
  ]);
  assert.equal(named?.type === 'GuarantorsNamed' ? named.data.guarantors : undefined,
    [{ memberId: 'M2', accountId: 'A2', amount: '5000.00' }]);
});

test('invalid_guarantor: the borrower, one named twice, not admitted, exited, another account',
  () => {
    const self = { memberId: 'M1', accountId: 'A1', amount: '100' };
    given().when(apply('10000', withG2, [self]))
      .thenRejects('invalid_guarantor', { memberId: 'M1', why: 'borrower' });
    given().when(apply('10000', withG2, [g2, g2]))
      .thenRejects('invalid_guarantor', { memberId: 'M2', why: 'named_twice' });
    given().when(apply('10000', withG2, [{ ...g2, amount: '10000.01' }]))
      .thenRejects('invalid_guarantor', { why: 'amount_above_principal' });
    given().when(apply('10000', lendingFacts(), [g2]))
      .thenRejects('invalid_guarantor', { memberId: 'M2', why: 'not_admitted' });
    const g = guarantor('M2', 'A2', '8000');
    const m = activeMember('M2').member;
    if (m.status === 'none') throw new Error('activeMember admits');
    const exited = { ...g, member: { ...m, status: 'exited' as const } };
    given().when(apply('10000', lendingFacts({ guarantors: { M2: exited } }), [g2]))
      .thenRejects('invalid_guarantor', { memberId: 'M2', why: 'exited' });
    given().when(apply('10000', withG2, [{ ...g2, accountId: 'A3' }]))
      .thenRejects('invalid_guarantor', { memberId: 'M2', why: 'account' });
  });

test('given an application within the limits, when her savings fell before the approval, '
  + 'then the approval is refused on the figures of its own day', () => {
  const poorer = lendingFacts({ deposits: [guarantor('M1', 'A1', '1500').account] });
  given(apply('15000')).when(approve('15000', poorer)).thenRejects('loan_limit_exceeded', {
    basis: '2000.00', maximum: '6000.00', requested: '15000.00',
  });
  given(apply('15000')).when(approve('6000', poorer)).thenState((s) => {
    assert.is(s.status, 'approved');
  });
});

test('given another loan taken since the application, the approval is too_many_loans', () => {
  const busy = lendingFacts({ loans: [loanFact('L7', 'active'), loanFact('L8', 'approved')] });
  given(apply('1000')).when(approve('1000', busy))
    .thenRejects('too_many_loans', { maximum: 2, open: 2 });
});

test('given a guarantor named, an approval with no lien on her account is '
  + 'guarantee_not_secured; with the lien it is approved', () => {
  given(apply('10000', withG2, [g2])).when(approve('10000', withG2))
    .thenRejects('guarantee_not_secured', { memberId: 'M2', accountId: 'A2', amount: '5000.00' });
  const g = guarantor('M2', 'A2', '8000');
  const liened = g.account.status === 'none' ? g.account
    : { ...g.account, liens: { L1: 500000n } };
  given(apply('10000', withG2, [g2]))
    .when(approve('10000', lendingFacts({ guarantors: { M2: { ...g, account: liened } } })))
    .thenState((s) => { assert.is(s.status, 'approved'); });
});

test('without the lending facts, a product with limits is cannot_compute; one without lends',
  () => {
    given().when(apply('1000', null))
      .thenRejects('cannot_compute', { field: 'facts.lending' });
    given().when(apply('1000', null, undefined, 'LN')).thenState((s) => {
      assert.is(s.status, 'applied');
    });
  });

test.run();
