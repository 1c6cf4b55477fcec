import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { spec } from '../testing/deciderSpecification.ts';
import { asMember, by, command, event, history, products, withFacts } from '../testing/fixtures.ts';
import { zeroTotals } from '../loan/state.ts';
import { businessDate } from '../dates/businessDate.ts';
import { createShareDecider } from './decide.ts';

const decider = createShareDecider({ products });
const given = (...cs: Parameters<typeof decider.decide>[0][]) =>
  spec(decider).given(history(decider, cs));
const A = { accountId: 'S-M1', memberId: 'M1' };
const buy = (id: string, on: string, shares: number, productId = 'SH') =>
  asMember(command('PurchaseShares', { ...by(id, on), ...A, productId, shares }));
// The member's loans as the Ledger reads them: one owing `loanPaise` of principal, or none.
const redeem = (
  id: string, on: string, shares: number, o: { loanPaise?: bigint; exit?: boolean } = {},
) =>
  withFacts(command('RedeemShares', { ...by(id, on), ...A, shares, forExit: o.exit ?? false }), {
    loans: o.loanPaise === undefined ? []
      : [{ totals: { ...zeroTotals, disbursed: o.loanPaise } }],
  });
const opened = buy('c1', '2024-04-01', 20);

test('shares are bought and redeemed at face value', () => {
  given().when(opened).then([event('SharesPurchased', { branchId: 'SONAGACHI',
    eventId: 'c1.0', ...A, productId: 'SH', on: '2024-04-01', shares: 20, faceValue: '10.00',
    amount: '200.00', sharesAfter: 20,
  })]);
  given(opened).when(redeem('c2', '2025-04-01', 5)).thenState((s) => {
    assert.ok(s.status === 'open' && s.shares === 15);
  });
});

test('redeeming everything on exit closes the account, and it then accepts nothing', () => {
  given(opened).when(redeem('c2', '2025-04-01', 20, { exit: true })).thenState((s) => {
    assert.is(s.status, 'closed');
  });
  given(opened, redeem('c2', '2025-04-01', 20, { exit: true }))
    .when(buy('c3', '2025-04-02', 5)).thenRejects('account_closed');
});

test('an account a correction emptied is closed on exit with zero shares, before its lock-in',
  () => {
    // Her only purchase reversed (bought twice by mistake, say): she holds none, the account is
    // open. Closing it redeems nothing, so no money moves and the lock-in does not apply.
    const emptied = command('ReverseEvent', { ...by('c2', '2024-04-02'), aggregate: 'shares',
      aggregateId: 'M1', eventId: 'c1.0', reason: 'duplicate' });
    given(opened, emptied).when(redeem('c3', '2024-04-03', 0, { exit: true })).then([
      event('ShareAccountClosed', { ...A, on: '2024-04-03' })]);
    given(opened, emptied).when(redeem('c3', '2024-04-03', 0, { exit: true }))
      .thenState((st) => assert.equal([st.status, st.status === 'none' ? -1 : st.shares],
        ['closed', 0]));
    given(opened, emptied).when(redeem('c3', '2024-04-03', 0))
      .thenRejects('nothing_to_redeem', { sharesHeld: 0 });
    given(opened, emptied).when(redeem('c3', '2024-04-03', 0, { exit: true, loanPaise: 1n }))
      .thenRejects('shares_pledged_to_loan', { outstandingPrincipal: '0.01',
        sharesRequiredWhileBorrowing: 10, sharesAfter: 0 });
  });

test('undoing a redemption may not take the holding past the maximum', () => {
  // 20 bought, 5 redeemed, 485 more bought: 500, the maximum. Reversing the redemption would
  // give back 5 shares and make 505.
  given(opened, redeem('c2', '2025-04-01', 5), buy('c3', '2025-04-02', 485))
    .when(command('ReverseEvent', { ...by('c4', '2025-04-03'), aggregate: 'shares',
      aggregateId: 'M1', eventId: 'c2.0', reason: 'entry_error' }))
    .thenRejects('above_maximum_shares', { maximumShares: 500, sharesAfter: 505 });
});

test('rejections, in the order they are checked', () => {
  given().when(redeem('c2', '2025-04-01', 1)).thenRejects('not_found');
  given(opened).when(asMember(command('PurchaseShares', { ...by('c2', '2024-05-01'),
    accountId: 'S-M2',
    memberId: 'M1', productId: 'SH', shares: 1 }))).thenRejects('wrong_aggregate');
  given(opened).when(buy('c2', '2024-03-31', 1)).thenRejects('date_before_last_event');
  given().when(buy('c1', '2024-04-01', 20, 'XX')).thenRejects('unknown_product');
  given(opened).when(buy('c2', '2024-05-01', 1, 'SB')).thenRejects('wrong_product');
  given().when(buy('c1', '2024-04-01', 4)).thenRejects('below_minimum_shares', { sharesAfter: 4 });
  given(opened).when(buy('c2', '2024-05-01', 481))
    .thenRejects('above_maximum_shares', { maximumShares: 500, sharesAfter: 501 });
  given(opened).when(redeem('c2', '2025-04-01', 21))
    .thenRejects('insufficient_shares', { sharesHeld: 20, sharesRequested: 21 });
  given(opened).when(redeem('c2', '2025-04-01', 19, { exit: true }))
    .thenRejects('exit_must_redeem_all');
  given(opened).when(redeem('c2', '2025-04-01', 0, { exit: true }))
    .thenRejects('exit_must_redeem_all', { sharesHeld: 20, sharesRequested: 0 });
  given(opened).when(redeem('c2', '2025-04-01', 0))
    .thenRejects('nothing_to_redeem', { sharesHeld: 20 });
  given(opened).when(redeem('c2', '2025-03-31', 1))
    .thenRejects('shares_locked_in', { lockedUntil: '2025-04-01' });
  given(opened).when(redeem('c2', '2025-04-01', 11, { loanPaise: 50000n })).thenRejects(
    'shares_pledged_to_loan',
    { outstandingPrincipal: '500.00', sharesRequiredWhileBorrowing: 10, sharesAfter: 9 });
  given(opened).when(redeem('c2', '2025-04-01', 16)).thenRejects('below_minimum_shares');
  const credit = (id: string) => command('CreditDividend', { ...by(id, '2025-05-01'), ...A,
    financialYear: '2024-25', amount: '12.50', savingsAccountId: 'SB-M1' });
  given(opened, credit('c2')).when(credit('c3'))
    .thenRejects('dividend_already_credited', { financialYear: '2024-25' });
});

test('a reversal names an existing, unreversed event, '
  + 'and cannot undo shares since redeemed', () => {
  const reverse = (id: string, eventId: string, on = '2025-04-02') => command('ReverseEvent', {
    ...by(id, on), aggregate: 'shares', aggregateId: 'M1', eventId, reason: 'duplicate',
  });
  given(opened).when(reverse('c9', 'x.0')).thenRejects('event_not_found');
  given(opened, reverse('c2', 'c1.0', '2024-04-02')).when(reverse('c3', 'c1.0'))
    .thenRejects('already_reversed');
  given(opened, redeem('c2', '2025-04-01', 15)).when(reverse('c3', 'c1.0'))
    .thenRejects('not_reversible');
});


// The society closed 2024-25: its books end on 31 March 2025 (see PeriodFact).
const closed = { closedThrough: businessDate('2025-03-31') };

test('period_closed: a share command dated in a closed year is refused, checked first', () => {
  given(opened).when({ ...buy('c2', '2025-03-31', 5), period: closed })
    .thenRejects('period_closed', { closedThrough: '2025-03-31', on: '2025-03-31' });
  // Before the account's own checks: with no account it would be not_found.
  given().when({ ...redeem('c2', '2024-06-01', 1), period: closed })
    .thenRejects('period_closed', { closedThrough: '2025-03-31', on: '2024-06-01' });
  given(opened).when({ ...buy('c2', '2025-04-01', 5), period: closed })
    .thenState((s) => { assert.ok(s.status === 'open' && s.shares === 25); });
  given(opened).when({ ...buy('c2', '2025-03-31', 5), period: { closedThrough: null } })
    .thenState((s) => { assert.ok(s.status === 'open' && s.shares === 25); });
});

test('period_closed: a correction dated in the open year reverses an event of a closed year',
  () => {
    const reverse = (id: string, on: string) => ({ ...command('ReverseEvent', {
      ...by(id, on), aggregate: 'shares', aggregateId: 'M1', eventId: 'c1.0', reason: 'duplicate',
    }), period: closed });
    given(opened).when(reverse('c2', '2025-04-02')).then([event('EventReversed', {
      aggregate: 'shares', aggregateId: 'M1', memberId: 'M1', on: '2025-04-02',
      reversedEventId: 'c1.0', reversedEventType: 'SharesPurchased', reason: 'duplicate',
    })]);
    given(opened).when(reverse('c2', '2025-03-31'))
      .thenRejects('period_closed', { closedThrough: '2025-03-31', on: '2025-03-31' });
  });

test.run();
