import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { spec } from '../testing/deciderSpecification.ts';
import { asMember, by, command, history, products } from '../testing/fixtures.ts';
import { createDepositDecider } from './decide.ts';
import { freeBalanceMinor } from './liens.ts';

// SB keeps a minimum balance of 100.00.
const decider = createDepositDecider({ products });
const given = (...cs: Parameters<typeof decider.decide>[0][]) =>
  spec(decider).given(history(decider, cs));
const A = { accountId: 'A2' };
const opened = asMember(command('OpenSavingsAccount', {
  ...by('c1', '2024-04-01'), ...A, memberId: 'M2', productId: 'SB' }), 'M2');
const paidIn = asMember(command('MakeDeposit', {
  ...by('c2', '2024-04-02'), ...A, amount: '1000', source: 'cash' }), 'M2');
const lien = (loanId: string, amount: string, id = `l-${loanId}`) =>
  command('PlaceLien', { ...by(id, '2024-04-03', 'mgr-1'), ...A, loanId, amount });
const release = (loanId: string) =>
  command('ReleaseLien', { ...by(`r-${loanId}`, '2024-04-04', 'mgr-1'), ...A, loanId });
const withdraw = (amount: string) =>
  command('Withdraw', { ...by('w', '2024-04-05'), ...A, amount });

test('given 1000.00 and a lien of 600.00, when 300.01 is withdrawn, then lien_held names '
  + 'the amount free', () => {
  given(opened, paidIn, lien('L1', '600')).when(withdraw('300.01')).thenRejects('lien_held', {
    liens: '600.00', minimumBalance: '100.00', free: '300.00', requested: '300.01',
  });
});

test('given 1000.00 and a lien of 600.00, 300.00 may be withdrawn', () => {
  given(opened, paidIn, lien('L1', '600')).when(withdraw('300')).thenState((s) => {
    assert.is(s.status !== 'none' && s.balance, 70000n);
    assert.is(freeBalanceMinor(s), 10000n);
  });
});

test('given a lien, a closing of the account is refused as lien_held', () => {
  given(opened, paidIn, lien('L1', '600'))
    .when(command('CloseDepositAccount', { ...by('x', '2024-04-05'), ...A }))
    .thenRejects('lien_held', { liens: '600.00', free: '400.00', requested: '1000.00' });
});

test('a lien beyond the balance less the minimum and the other liens is refused', () => {
  given(opened, paidIn, lien('L1', '600')).when(lien('L2', '300.01'))
    .thenRejects('lien_exceeds_free_balance', { free: '300.00', requested: '300.01' });
});

test('a second lien for one loan is lien_already_held; a release of none is no_lien', () => {
  given(opened, paidIn, lien('L1', '600')).when(lien('L1', '100', 'again'))
    .thenRejects('lien_already_held', { loanId: 'L1', amount: '600.00' });
  given(opened, paidIn).when(release('L1')).thenRejects('no_lien', { loanId: 'L1' });
});

test('a released lien frees its amount: the whole balance above the minimum is free', () => {
  given(opened, paidIn, lien('L1', '600'), release('L1')).when(withdraw('900'))
    .thenState((s) => {
      assert.is(s.status !== 'none' && s.balance, 10000n);
      assert.equal(s.status !== 'none' && s.liens, {});
    });
});

test('liens are held on savings only', () => {
  const fd = asMember(command('OpenFixedDeposit', { ...by('c1', '2024-04-01'), ...A,
    memberId: 'M2', productId: 'FD', principal: '5000', termMonths: 12 }), 'M2');
  given(fd).when(lien('L1', '100'))
    .thenRejects('operation_not_allowed', { kind: 'fixed', operation: 'place_lien' });
});

test.run();
