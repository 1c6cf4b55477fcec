// Top-ups: a new loan pays an active loan of hers off; the old one closes as 'topped_up'.
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { spec } from '../testing/deciderSpecification.ts';
import { by, command, event, history } from '../testing/fixtures.ts';
import { createLoanDecider } from './decide.ts';
import type { LoanState } from './state.ts';
import {
  approvedLoan, changeProducts, decided, disburseOf, topUpFact,
} from './scheduleChanges.fixture.ts';

const decider = createLoanDecider({ products: changeProducts });
const given = (...cs: Parameters<typeof decider.decide>[0][]) =>
  spec(decider).given(history(decider, cs));
const stateOf = (cs: ReadonlyArray<Parameters<typeof decider.decide>[0]>): LoanState =>
  history(decider, cs).reduce(decider.evolve, decider.initialState);

// L0: 6000.00 from 5 December 2023; 1000.00 repaid on 5 January, a penalty of 25.00 charged.
const oldLoan = [
  ...approvedLoan('L0', 'LN', '6000', '2023-12-01'), disburseOf('L0', '2023-12-05'),
  command('RecordRepayment', { ...by('p0', '2024-01-05', 'cash-1'), loanId: 'L0',
    amount: '1000' }),
  command('ChargePenalty', { ...by('pen', '2024-02-10'), loanId: 'L0', amount: '25',
    reason: 'late_payment' }),
] as const;
const fact = topUpFact(stateOf(oldLoan), '2024-02-15');
const payOff = (amount: string, byLoanId = 'L1') => command('PayOffByTopUp', {
  ...by('po', '2024-02-15', 'cash-1'), loanId: 'L0', byLoanId, amount });
const approvedLU = approvedLoan('L1', 'LU', '10000', '2024-02-10');

test('the payoff is what is due that day and all principal outstanding', () => {
  // Penalty 25.00, interest of the instalment due 5 February 50.25, principal 5060.00.
  assert.equal(fact, { loanId: 'L0', memberId: 'M1', status: 'active', payoff: '5135.25' });
});

test('a top-up names the loan it pays off and its payoff', () => {
  const [e] = decided(given(...approvedLU)
    .when(disburseOf('L1', '2024-02-15', { topUpOf: 'L0' }, { topUp: fact })).outcome());
  assert.ok(e?.type === 'LoanDisbursed');
  if (e?.type !== 'LoanDisbursed') return;
  assert.equal([e.data.principal, e.data.topUpOf],
    ['10000.00', { loanId: 'L0', payoff: '5135.25' }]);
  assert.equal([e.data.schedule.totalPrincipal, e.data.schedule.totalInterest],
    ['10000.00', '352.91']);
});

test('the old loan is paid off in its allocation order and closed as topped_up', () => {
  given(...oldLoan).when(payOff('5135.25')).then([
    event('LoanPaidOffByTopUp', {
      eventId: 'po.0', loanId: 'L0', memberId: 'M1', on: '2024-02-15', byLoanId: 'L1',
      amount: '5135.25',
      allocation: { penalties: '25.00', fees: '0.00', interest: '50.25', principal: '5060.00' },
      principalOutstandingAfter: '0.00',
    }),
    event('LoanClosed', { loanId: 'L0', memberId: 'M1', on: '2024-02-15', reason: 'topped_up' }),
  ]);
  given(...oldLoan).when(payOff('5135.25')).thenState((s) => {
    assert.ok(s.status === 'closed' && s.totals.principalRepaid === 600_000n);
  });
});

test('rejections, in the order they are checked', () => {
  const topUp = (facts: Record<string, unknown>, productLoan = approvedLU, topUpOf = 'L0') =>
    given(...productLoan).when(disburseOf('L1', '2024-02-15', { topUpOf }, facts));
  topUp({ topUp: fact }, approvedLoan('L1', 'LN', '10000', '2024-02-10'))
    .thenRejects('top_up_not_allowed', { productId: 'LN' });
  topUp({ topUp: fact }, approvedLU, 'L1')
    .thenRejects('top_up_loan_invalid', { loanId: 'L1', why: 'same_loan' });
  topUp({}).thenRejects('cannot_compute', { field: 'topUp' });
  topUp({ topUp: { ...fact, memberId: 'M2' } })
    .thenRejects('top_up_loan_invalid', { loanId: 'L0', why: 'other_member' });
  topUp({ topUp: { ...fact, status: 'written_off' } })
    .thenRejects('top_up_loan_invalid', { loanId: 'L0', why: 'not_active' });
  topUp({ topUp: { ...fact, payoff: '10000.00' } })
    .thenRejects('top_up_payoff_exceeds_principal', { payoff: '10000.00', principal: '10000.00' });
  // PayOffByTopUp on the old loan: not by itself, and for exactly what it owes.
  given(...oldLoan).when(payOff('5135.25', 'L0'))
    .thenRejects('top_up_loan_invalid', { loanId: 'L0', why: 'same_loan' });
  given(...oldLoan).when(payOff('5135.24'))
    .thenRejects('payoff_differs', { payoff: '5135.25', requested: '5135.24' });
});

test.run();
