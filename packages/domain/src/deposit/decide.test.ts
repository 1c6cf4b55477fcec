import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { spec } from '../testing/deciderSpecification.ts';
import { asMember, by, command, event, history, products, withFacts } from '../testing/fixtures.ts';
import { accountHistory } from './accountHistory.ts';
import { businessDate } from '../dates/businessDate.ts';
import { createDepositDecider, type DepositDecision } from './decide.ts';

const decider = createDepositDecider({ products });
const given = (...cs: Parameters<typeof decider.decide>[0][]) =>
  spec(decider).given(history(decider, cs));
const A = { accountId: 'A1' };
const savings = asMember(command('OpenSavingsAccount', {
  ...by('c1', '2024-04-01'), ...A, memberId: 'M1', productId: 'SB',
}));
const rd = asMember(command('OpenRecurringDeposit', {
  ...by('c1', '2024-04-01'), ...A, memberId: 'M1', productId: 'RD', instalment: '500',
  termMonths: 6,
}));
const fd = asMember(command('OpenFixedDeposit', {
  ...by('c1', '2024-04-01'), ...A, memberId: 'M1', productId: 'FD', principal: '10000',
  termMonths: 12,
}));
const deposit = (id: string, on: string, amount: string) =>
  asMember(command('MakeDeposit', { ...by(id, on), ...A, amount, source: 'cash' }));
const withdraw = (id: string, on: string, amount: string) =>
  command('Withdraw', { ...by(id, on), ...A, amount });
// The account's history as the Ledger reads it: the events of the commands before.
const after = (before: ReadonlyArray<DepositDecision>) =>
  ({ history: accountHistory(history(decider, before)) });
const interest = (before: ReadonlyArray<DepositDecision>, id: string, to: string,
  on = '2024-06-30') =>
  withFacts(command('PostInterest', { ...by(id, on), ...A, periodTo: to }), after(before));

test('a deposit and a withdrawal move the balance, and say the balance after', () => {
  given(savings, deposit('c2', '2024-04-02', '1000')).when(withdraw('c3', '2024-04-03', '900'))
    .then([event('Withdrawn', {
      eventId: 'c3.0', ...A, memberId: 'M1', on: '2024-04-03', amount: '900.00',
      balanceAfter: '100.00',
    })]);
});

test('a fixed deposit matures, and closes paying out principal and interest', () => {
  // fixedDepositMaturity of Rs 10,000 at 7.5% for 12 months, compounded quarterly by days.
  const matured = withFacts(command('MatureDeposit', { ...by('c2', '2025-04-01'), ...A }),
    after([fd]));
  given(fd).when(matured).then([event('DepositMatured', {
    ...A, memberId: 'M1', on: '2025-04-01', interest: '771.37', maturityAmount: '10771.37',
  })]);
  given(fd, matured).when(command('CloseDepositAccount', { ...by('c3', '2025-04-02'), ...A }))
    .then([event('DepositAccountClosed', {
      ...A, memberId: 'M1', on: '2025-04-02', payout: '10771.37',
    })]);
});

test('interest is computed from the account history, each period after the last', () => {
  // Rs 20,000 at 4% for the 91 days of April to June: 199.4520... -> 199.45.
  const funded = [savings, deposit('c2', '2024-04-01', '20000')];
  const first = interest(funded, 'c3', '2024-06-30');
  given(...funded).when(first).then([event('InterestPosted', {
    eventId: 'c3.0', ...A, memberId: 'M1', on: '2024-06-30', periodFrom: '2024-04-01',
    periodTo: '2024-06-30', amount: '199.45', balanceAfter: '20199.45',
  })]);
  // July to September on 20,199.45: 92 days at 4% = 203.6547... -> 203.65.
  given(...funded, first).when(interest([...funded, first], 'c4', '2024-09-30', '2024-09-30'))
    .then([event('InterestPosted', {
      eventId: 'c4.0', ...A, memberId: 'M1', on: '2024-09-30', periodFrom: '2024-07-01',
      periodTo: '2024-09-30', amount: '203.65', balanceAfter: '20403.10',
    })]);
});

test('interest to a period end is posted dated that day after later events, from moves by then',
  () => {
    // The 5,000 of 3 July does not count: Rs 20,000 for April to June is 199.45, as above.
    const funded = [savings, deposit('c2', '2024-04-01', '20000'),
      deposit('c3', '2024-07-03', '5000')];
    const backdated = interest(funded, 'c4', '2024-06-30', '2024-06-30');
    given(...funded).when(backdated).then([event('InterestPosted', {
      eventId: 'c4.0', ...A, memberId: 'M1', on: '2024-06-30', periodFrom: '2024-04-01',
      periodTo: '2024-06-30', amount: '199.45', balanceAfter: '25199.45',
    })]);
    // The stream's last date stays 3 July; a posting dated before it, not its period's end, is
    // refused as before.
    given(...funded, backdated).when(deposit('c5', '2024-07-02', '1'))
      .thenRejects('date_before_last_event', { on: '2024-07-02', lastOn: '2024-07-03' });
    given(...funded).when(interest(funded, 'c4', '2024-06-30', '2024-07-01'))
      .thenRejects('date_before_last_event', { on: '2024-07-01', lastOn: '2024-07-03' });
  });

test('a posting stores the period its interest was computed for, and never 0.00', () => {
  const funded = [savings, deposit('c2', '2024-04-01', '20000')];
  // Asked on 15 August, the interest is the quarter ended 30 June's: its period says so.
  const mid = interest(funded, 'c3', '2024-08-15', '2024-08-15');
  given(...funded).when(mid).then([event('InterestPosted', {
    eventId: 'c3.0', ...A, memberId: 'M1', on: '2024-08-15', periodFrom: '2024-04-01',
    periodTo: '2024-06-30', amount: '199.45', balanceAfter: '20199.45',
  })]);
  // Nothing more is due by 20 August (the quarter to September has not ended): not stored.
  given(...funded, mid).when(interest([...funded, mid], 'c4', '2024-08-20', '2024-08-20'))
    .thenRejects('nothing_to_post',
      { accountId: 'A1', periodFrom: '2024-07-01', periodTo: '2024-08-20' });
});

test('rejections, in the order they are checked', () => {
  given().when(deposit('c2', '2024-04-02', '1')).thenRejects('not_found');
  given(savings).when(savings).thenRejects('already_exists');
  given(savings).when(asMember(command('MakeDeposit', { ...by('c2', '2024-04-02'), accountId: 'A2',
    amount: '1', source: 'cash' }))).thenRejects('wrong_aggregate');
  given(savings, command('CloseDepositAccount', { ...by('c2', '2024-04-02'), ...A }))
    .when(deposit('c3', '2024-04-03', '1')).thenRejects('account_closed');
  given(savings).when(deposit('c2', '2024-03-31', '1')).thenRejects('date_before_last_event');
  given().when(asMember(command('OpenSavingsAccount', { ...by('c1', '2024-04-01'), ...A,
    memberId: 'M1',
    productId: 'ZZ' }))).thenRejects('unknown_product');
  given().when(asMember(command('OpenSavingsAccount', { ...by('c1', '2024-04-01'), ...A,
    memberId: 'M1',
    productId: 'FD' }))).thenRejects('wrong_product', { expected: 'savings', got: 'fixed' });
  given(fd).when(deposit('c2', '2024-04-02', '1'))
    .thenRejects('operation_not_allowed', { kind: 'fixed', operation: 'deposit' });
  given().when(asMember(command('OpenRecurringDeposit', { ...by('c1', '2024-04-01'), ...A,
    memberId: 'M1',
    productId: 'RD', instalment: '500', termMonths: 5 })))
    .thenRejects('term_out_of_range', { minimum: 6, maximum: 60, requested: 5 });
  given().when(asMember(command('OpenFixedDeposit', { ...by('c1', '2024-04-01'), ...A,
    memberId: 'M1',
    productId: 'FD', principal: '999.99', termMonths: 12 })))
    .thenRejects('amount_out_of_range', { minimum: '1000.00', requested: '999.99' });
  given(rd).when(deposit('c2', '2024-04-01', '499')).thenRejects('amount_not_instalment');
  const paid = [1, 2, 3, 4, 5, 6].map((n) => deposit(`p${n}`, '2024-04-01', '500'));
  given(rd, ...paid).when(deposit('c8', '2024-04-02', '500'))
    .thenRejects('all_instalments_paid', { instalments: 6 });
  given(savings, deposit('c2', '2024-04-02', '150')).when(withdraw('c3', '2024-04-03', '150.01'))
    .thenRejects('insufficient_balance', { balance: '150.00', requested: '150.01' });
  given(savings, deposit('c2', '2024-04-02', '150')).when(withdraw('c3', '2024-04-03', '50.01'))
    .thenRejects('below_minimum_balance', { minimumBalance: '100.00', balanceAfter: '99.99' });
  given(savings).when(interest([savings], 'c2', '2024-03-31'))
    .thenRejects('interest_period_invalid',
      { expectedFrom: '2024-04-01', periodTo: '2024-03-31' });
  given(savings).when(interest([savings], 'c2', '2024-07-01'))
    .thenRejects('interest_period_invalid',
      { expectedFrom: '2024-04-01', periodTo: '2024-07-01' });
  const missed = (id: string, n: number, on: string) => command('MarkInstalmentMissed', {
    ...by(id, on), ...A, instalmentNumber: n });
  given(rd).when(missed('c2', 7, '2025-01-01'))
    .thenRejects('instalment_not_missable', { why: 'beyond_term' });
  given(rd, deposit('c2', '2024-04-01', '500')).when(missed('c3', 1, '2024-05-01'))
    .thenRejects('instalment_not_missable', { why: 'already_paid' });
  given(rd, missed('c2', 2, '2024-05-02')).when(missed('c3', 2, '2024-05-03'))
    .thenRejects('instalment_not_missable', { why: 'already_missed' });
  given(rd).when(missed('c2', 2, '2024-05-01'))
    .thenRejects('instalment_not_missable', { why: 'not_yet_due' });
  given(savings).when(interest([savings], 'c2', '2024-06-30'))
    .thenRejects('nothing_to_post', { periodFrom: '2024-04-01', periodTo: '2024-06-30' });
  given(fd).when(withFacts(command('MatureDeposit', { ...by('c2', '2025-03-31'), ...A }),
    after([fd]))).thenRejects('not_yet_mature', { maturesOn: '2025-04-01' });
  given(fd).when(withFacts(command('CloseDepositEarly', { ...by('c2', '2025-04-01'), ...A }),
    after([fd]))).thenRejects('already_mature');
});

test('an interest posting follows the last one; a reversal reopens its period', () => {
  const funded = [savings, deposit('c1', '2024-04-01', '20000')];
  given(...funded, interest(funded, 'c2', '2024-06-30')).when(command('ReverseEvent', {
    ...by('c3', '2024-07-01'), aggregate: 'deposit', aggregateId: 'A1', eventId: 'c2.0',
    reason: 'wrong_amount',
  })).thenState((s) => {
    assert.ok(s.status === 'open' && s.interestPostedThrough === null &&
      s.balance === 2000000n);
  });
});

test('a reversal cannot take back money already paid out', () => {
  const reverse = (id: string, eventId: string) => command('ReverseEvent', {
    ...by(id, '2024-04-05'), aggregate: 'deposit', aggregateId: 'A1', eventId, reason: 'duplicate',
  });
  given(savings, deposit('c2', '2024-04-02', '1000'), withdraw('c3', '2024-04-03', '900'))
    .when(reverse('c4', 'c2.0')).thenRejects('not_reversible');
  given(savings).when(reverse('c4', 'c2.0')).thenRejects('event_not_found');
  given(savings, deposit('c2', '2024-04-02', '1000'), reverse('c3', 'c2.0'))
    .when(reverse('c4', 'c2.0')).thenRejects('already_reversed');
});

test('a credit that would take the balance past the stored range is refused', () => {
  // 10^17 paise is the largest stored amount: a balance one paisa short of it takes one paisa.
  const nearTop = deposit('c2', '2024-04-02', '999999999999999.99');
  given(savings, nearTop).when(deposit('c3', '2024-04-03', '0.01')).then([event('Deposited', {
    eventId: 'c3.0', ...A, memberId: 'M1', on: '2024-04-03', amount: '0.01', source: 'cash',
    instalmentNumber: null, balanceAfter: '1000000000000000.00',
  })]);
  given(savings, nearTop).when(deposit('c3', '2024-04-03', '0.02')).thenRejects(
    'amount_too_large', { field: 'data.amount', limit: '0.01', requested: '0.02' });
  // 999999999999999.99 at 4% for the 90 days from 2 April to 30 June: 9863013698630.1370...
  given(savings, nearTop).when(interest([savings, nearTop], 'c3', '2024-06-30')).thenRejects(
    'amount_too_large', { field: 'data.amount', limit: '0.01', requested: '9863013698630.14' });
});


// The society closed 2024-25: its books end on 31 March 2025 (see PeriodFact).
const closed = { closedThrough: businessDate('2025-03-31') };

test('period_closed: a deposit command dated in a closed year is refused, checked first', () => {
  given(savings).when({ ...deposit('c2', '2025-03-15', '100'), period: closed })
    .thenRejects('period_closed', { closedThrough: '2025-03-31', on: '2025-03-15' });
  // Before the account's own checks: a withdrawal beyond the balance would be refused too.
  given(savings).when({ ...withdraw('c2', '2025-03-31', '999999'), period: closed })
    .thenRejects('period_closed', { closedThrough: '2025-03-31', on: '2025-03-31' });
  given(savings).when({ ...deposit('c2', '2025-04-01', '100'), period: closed })
    .thenState((s) => { assert.ok(s.status === 'open' && s.balance === 10000n); });
});

test('period_closed: a correction dated in the open year reverses a deposit of a closed year',
  () => {
    const made = deposit('c2', '2025-03-10', '100');
    const reverse = (id: string, on: string) => ({ ...command('ReverseEvent', {
      ...by(id, on), aggregate: 'deposit', aggregateId: 'A1', eventId: 'c2.0',
      reason: 'entry_error',
    }), period: closed });
    given(savings, made).when(reverse('c3', '2025-04-02'))
      .thenState((s) => { assert.ok(s.status === 'open' && s.balance === 0n); });
    given(savings, made).when(reverse('c3', '2025-03-31'))
      .thenRejects('period_closed', { closedThrough: '2025-03-31', on: '2025-03-31' });
  });

test.run();
