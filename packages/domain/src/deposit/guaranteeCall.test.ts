import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { spec } from '../testing/deciderSpecification.ts';
import { asMember, by, command, event, history, products } from '../testing/fixtures.ts';
import { createDepositDecider } from './decide.ts';

// SB keeps a minimum balance of 100.00.
const decider = createDepositDecider({ products });
const given = (...cs: Parameters<typeof decider.decide>[0][]) =>
  spec(decider).given(history(decider, cs));
const A = { accountId: 'A2' };
const opened = asMember(command('OpenSavingsAccount', {
  ...by('c1', '2024-04-01'), ...A, memberId: 'M2', productId: 'SB' }), 'M2');
const paidIn = (amount: string, id = 'c2') => asMember(command('MakeDeposit', {
  ...by(id, '2024-04-02'), ...A, amount, source: 'cash' }), 'M2');
const lien = (amount: string) =>
  command('PlaceLien', { ...by('l1', '2024-04-03', 'mgr-1'), ...A, loanId: 'L1', amount });
const call = (amount: string, id = 'g1') =>
  command('CallGuarantee', { ...by(id, '2024-06-01', 'mgr-1'), ...A, loanId: 'L1', amount });
const reverse = (eventId: string) => command('ReverseEvent', { ...by('rv', '2024-06-02'),
  aggregate: 'deposit', aggregateId: 'A2', eventId, reason: 'entry_error' });

test('a guarantee call withdraws the amount and reduces the lien by as much', () => {
  given(opened, paidIn('1000'), lien('600')).when(call('250')).then([
    event('Withdrawn', { eventId: 'g1.0', accountId: 'A2', memberId: 'M2',
      on: '2024-06-01', amount: '250.00', balanceAfter: '750.00' }),
    event('GuaranteeCalled', { accountId: 'A2', memberId: 'M2', loanId: 'L1',
      on: '2024-06-01', amount: '250.00', withdrawnEventId: 'g1.0', lienAfter: '350.00' }),
  ]);
});

test('after a call, only the rest of the lien is held; a call of all of it ends the lien', () => {
  given(opened, paidIn('1000'), lien('600')).when(call('250')).thenState((s) => {
    assert.is(s.status !== 'none' && s.balance, 75000n);
    assert.equal(s.status !== 'none' && s.liens, { L1: 35000n });
  });
  given(opened, paidIn('1000'), lien('600')).when(call('600')).thenState((s) => {
    assert.equal(s.status !== 'none' && s.liens, {});
  });
});

test('a call above the lien is recovery_exceeds_lien; a call with no lien is no_lien', () => {
  given(opened, paidIn('1000'), lien('600')).when(call('600.01'))
    .thenRejects('recovery_exceeds_lien', { loanId: 'L1', lien: '600.00', requested: '600.01' });
  given(opened, paidIn('1000')).when(call('1')).thenRejects('no_lien', { loanId: 'L1' });
});

test('the withdrawal a call made is not reversible', () => {
  given(opened, paidIn('1000'), lien('600'), call('250')).when(reverse('g1.0'))
    .thenRejects('not_reversible', { eventId: 'g1.0', eventType: 'Withdrawn',
      why: 'it recovered loan L1 from a guarantee' });
});

test('reversing a deposit that would leave less than the liens plus the minimum is lien_held',
  () => {
    // 1000.00 + 500.00 in, a lien of 1200.00: reversing the 500.00 would leave 1000.00, below
    // the lien and the minimum balance (1300.00).
    given(opened, paidIn('1000'), paidIn('500', 'c3'), lien('1200')).when(reverse('c3.0'))
      .thenRejects('lien_held', { liens: '1200.00', minimumBalance: '100.00', free: '200.00',
        requested: '500.00' });
  });

test('reversing a deposit that keeps the liens and the minimum is accepted', () => {
  given(opened, paidIn('1000'), paidIn('500', 'c3'), lien('900')).when(reverse('c3.0'))
    .thenState((s) => { assert.is(s.status !== 'none' && s.balance, 100000n); });
});

test.run();
