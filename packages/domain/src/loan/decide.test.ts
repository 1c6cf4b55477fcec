import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { spec } from '../testing/deciderSpecification.ts';
import { asMember, by, command, event, history, products } from '../testing/fixtures.ts';
import { createLoanDecider } from './decide.ts';
import { outstandingPrincipal } from './state.ts';
import { businessDate } from '../dates/businessDate.ts';

const decider = createLoanDecider({ products });
const given = (...cs: Parameters<typeof decider.decide>[0][]) =>
  spec(decider).given(history(decider, cs));
const L = { loanId: 'L1' };

const applied = (productId = 'LN', on = '2024-01-10') => asMember(command('ApplyForLoan', {
  ...by('c1', on), ...L, memberId: 'M1', productId, principal: '10000', repayments: 12,
  firstRepaymentOn: null,
}));
const approved = asMember(command('ApproveLoan', {
  ...by('c2', '2024-01-11', 'mgr-1'), ...L, principal: '10000',
}));
const disbursed = asMember(command('DisburseLoan', { ...by('c3', '2024-01-15'), ...L }));
const repay = (id: string, on: string, amount: string) =>
  command('RecordRepayment', { ...by(id, on), ...L, amount });
const active = [applied(), approved, disbursed] as const;

test('an approved loan is disbursed with the schedule from loanSchedule', () => {
  const [e] = given(applied(), approved).when(disbursed).then(history(decider, active).slice(2));
  assert.ok(e?.type === 'LoanDisbursed');
  if (e?.type !== 'LoanDisbursed') return;
  assert.is(e.data.schedule.installments.length, 12);
  assert.equal(e.data.schedule.installments[0], {
    n: 1, dueOn: '2024-02-15', days: 31, principal: '788.49', interest: '100.00', total: '888.49',
    balance: '9211.51',
  });
  assert.is(e.data.schedule.totalPrincipal, '10000.00');
});

test('a repayment pays what is due in the product order: '
  + 'penalties, fees, interest, principal', () => {
  given(...active,
    command('ChargePenalty', {
      ...by('c4', '2024-02-20'), ...L, amount: '50', reason: 'late_payment',
    }),
  ).when(repay('c5', '2024-02-20', '900')).then([event('RepaymentReceived', {
    eventId: 'c5.0', ...L, memberId: 'M1', on: '2024-02-20', amount: '900.00',
    allocation: { penalties: '50.00', fees: '0.00', interest: '100.00', principal: '750.00' },
    prepayment: '0.00', principalOutstandingAfter: '9250.00',
  })]);
});

test('the interest-first order takes overdue interest before any principal, penalties last', () => {
  // Weekly loan of 10000 at 24%: by 1 February two instalments are due; a penalty is unpaid.
  given(applied('LP'), approved, disbursed,
    command('ChargePenalty', {
      ...by('c4', '2024-02-01'), ...L, amount: '50', reason: 'late_payment',
    }),
  ).when(repay('c5', '2024-02-01', '100')).then([event('RepaymentReceived', {
    eventId: 'c5.0', ...L, memberId: 'M1', on: '2024-02-01', amount: '100.00',
    allocation: { penalties: '0.00', fees: '0.00', interest: '88.55', principal: '11.45' },
    prepayment: '0.00', principalOutstandingAfter: '9988.55',
  })]);
});

test('an excess repayment is refused when the product does not allow prepayment', () => {
  given(...active).when(repay('c4', '2024-02-15', '888.50')).thenRejects('overpayment', {
    due: '888.49', received: '888.50', excessAllowed: false,
  });
});

test('a repayment of everything outstanding closes the loan', () => {
  given(applied('LP'), approved, disbursed).when(repay('c4', '2024-01-16', '10000'))
    .thenState((s) => {
      assert.is(s.status, 'closed');
      assert.ok(s.status !== 'none' && outstandingPrincipal(s.totals) === 0n);
    });
});

test('rejections, in the order they are checked', () => {
  given().when(approved).thenRejects('not_found');
  given(applied()).when(applied()).thenRejects('already_exists');
  given(applied()).when(asMember(command('ApproveLoan', { ...by('x', '2024-01-11', 'mgr-1'),
    loanId: 'L2',
    principal: '1000' }))).thenRejects('wrong_aggregate', { expected: 'L1', got: 'L2' });
  given(applied(), command('RejectLoan', { ...by('c2', '2024-01-11', 'mgr-1'), ...L,
    reason: 'repayment_capacity' })).when(approved)
    .thenRejects('loan_closed', { status: 'rejected' });
  given(applied('LN', '2024-01-12')).when(approved)
    .thenRejects('date_before_last_event', { on: '2024-01-11', lastOn: '2024-01-12' });
  given().when(applied('NOPE')).thenRejects('unknown_product', { productId: 'NOPE' });
  given().when(applied('SB')).thenRejects('wrong_product', { expected: 'loan', got: 'savings' });
  given().when(asMember(command('ApplyForLoan', { ...by('c1', '2024-01-10'), ...L, memberId: 'M1',
    productId: 'LN', principal: '999.99', repayments: 12, firstRepaymentOn: null })))
    .thenRejects('amount_out_of_range', { minimum: '1000.00', requested: '999.99' });
  given().when(asMember(command('ApplyForLoan', { ...by('c1', '2024-01-10'), ...L, memberId: 'M1',
    productId: 'LN', principal: '5000', repayments: 25, firstRepaymentOn: null })))
    .thenRejects('term_out_of_range', { minimum: 3, maximum: 24, requested: 25 });
  given(applied()).when(disbursed).thenRejects('invalid_loan_status', { status: 'applied' });
  given(applied()).when(asMember(command('ApproveLoan', { ...by('c2', '2024-01-11'), ...L,
    principal: '10000' })))
    .thenRejects('same_user_cannot_approve', { recordedBy: 'clerk-1', actor: 'clerk-1' });
  given(applied()).when(asMember(command('ApproveLoan', { ...by('c2', '2024-01-11', 'mgr-1'), ...L,
    principal: '10000.01' }))).thenRejects('approved_above_applied');
  given(asMember(command('ApplyForLoan', { ...by('c1', '2024-01-10'), ...L, memberId: 'M1',
    productId: 'LN', principal: '10000', repayments: 12, firstRepaymentOn: '2024-01-01' })),
  approved).when(disbursed).thenRejects('invalid_terms');
  given(...active).when(command('WaiveInterest', { ...by('c4', '2024-02-15'), ...L,
    amount: '100.01' }))
    .thenRejects('waiver_exceeds_interest_due', { interestDue: '100.00' });
  given(...active, command('WriteOffLoan', { ...by('c4', '2024-06-01'), ...L }))
    .when(command('RecordRecovery', { ...by('c5', '2024-07-01'), ...L, amount: '10000.01' }))
    .thenRejects('recovery_exceeds_written_off', { recoverable: '10000.00' });
  given(...active).when(command('CloseLoan', { ...by('c4', '2024-02-15'), ...L }))
    .thenRejects('loan_not_settled', { principalOutstanding: '10000.00', due: '888.49' });
});

test('maker-checker: a second user approves', () => {
  given(applied()).when(approved).then([event('LoanApproved', {
    ...L, memberId: 'M1', on: '2024-01-11', principal: '10000.00', approvedBy: 'mgr-1',
  })]);
});

test('a reversal applies only to an event that exists and has not been reversed', () => {
  const reverse = (id: string, eventId: string) => command('ReverseEvent', {
    ...by(id, '2024-02-16'), aggregate: 'loan', aggregateId: 'L1', eventId, reason: 'entry_error',
  });
  given(...active).when(reverse('c9', 'nope.0')).thenRejects('event_not_found');
  const paid = [...active, repay('c4', '2024-02-15', '888.49')] as const;
  given(...paid).when(reverse('c5', 'c4.0')).thenState((s) => {
    assert.ok(s.status === 'active' && outstandingPrincipal(s.totals) === 1000000n);
  });
  given(...paid, reverse('c5', 'c4.0')).when(reverse('c6', 'c4.0')).thenRejects('already_reversed');
  given(...active,
    command('ChargePenalty', { ...by('c4', '2024-02-15'), ...L, amount: '50', reason: 'other' }),
    repay('c5', '2024-02-15', '50'),
  ).when(reverse('c6', 'c4.0')).thenRejects('not_reversible', { why: 'the penalty has been paid' });
});


// The society closed 2023-24: its books end on 31 March 2024 (see PeriodFact).
const closed = { closedThrough: businessDate('2024-03-31') };

test('period_closed: a loan command dated in a closed year is refused, checked first', () => {
  given(...active).when({ ...repay('c4', '2024-02-15', '888.49'), period: closed })
    .thenRejects('period_closed', { closedThrough: '2024-03-31', on: '2024-02-15' });
  // Before the loan's own checks: with no loan it would be not_found.
  given().when({ ...repay('c4', '2024-03-31', '1'), period: closed })
    .thenRejects('period_closed', { closedThrough: '2024-03-31', on: '2024-03-31' });
  given(...active).when({ ...repay('c4', '2024-04-01', '888.49'), period: closed })
    .thenState((s) => { assert.ok(s.status === 'active' && s.totals.principalRepaid > 0n); });
});

test('period_closed: a correction dated in the open year reverses a repayment of a closed year',
  () => {
    const paid = [...active, repay('c4', '2024-02-15', '888.49')] as const;
    const reverse = (id: string, on: string) => ({ ...command('ReverseEvent', {
      ...by(id, on), aggregate: 'loan', aggregateId: 'L1', eventId: 'c4.0', reason: 'entry_error',
    }), period: closed });
    given(...paid).when(reverse('c5', '2024-04-02')).thenState((s) => {
      assert.ok(s.status === 'active' && outstandingPrincipal(s.totals) === 1000000n);
    });
    given(...paid).when(reverse('c5', '2024-03-31'))
      .thenRejects('period_closed', { closedThrough: '2024-03-31', on: '2024-03-31' });
  });

test.run();
