import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { spec } from '../testing/deciderSpecification.ts';
import {
  activeMember, asMember, by, command, event, history, must, products, withFacts,
} from '../testing/fixtures.ts';
import { ProductCatalogue } from '../products/productCatalogue.ts';
import { MoneyString } from '../shared/codecs.ts';
import { businessDate } from '../dates/businessDate.ts';
import { createDepositDecider } from './decide.ts';
import { dormantSince } from './dormancy.ts';

// SB with a dormancy rule: a year without her own deposit or withdrawal.
const catalogue = must(ProductCatalogue, {
  ...products, SBD: { ...products.SB, id: 'SBD', dormantAfterMonths: 12 },
});
const decider = createDepositDecider({ products: catalogue });
const A = { accountId: 'A1' };
const open = (productId: string) => asMember(command('OpenSavingsAccount', {
  ...by('c1', '2024-04-01'), ...A, memberId: 'M1', productId,
}));
// A dividend deposit is decided on her credits to the account too: Rs 10.00 here.
const deposit = (id: string, on: string, amount: string, source = 'cash') =>
  withFacts(command('MakeDeposit', { ...by(id, on), ...A, amount, source }),
    { ...activeMember(), ...(source === 'dividend'
      ? { dividendCredits: [{ financialYear: '2024-25', amount: must(MoneyString, '10.00'),
        on: '2025-04-11' }] }
      : {}) });
const withdraw = (id: string, on: string, amount = '100') =>
  command('Withdraw', { ...by(id, on), ...A, amount });
const reactivate = (id: string, on: string) =>
  command('ReactivateAccount', { ...by(id, on, 'manager-1'), ...A });
const funded = [open('SBD'), deposit('c2', '2024-04-02', '1000')];
const given = (...cs: Parameters<typeof decider.decide>[0][]) =>
  spec(decider).given(history(decider, cs));

test('an account is dormant from 12 months after her last deposit: 2 April 2025', () => {
  given(...funded).when(withdraw('c3', '2025-04-01')).then([event('Withdrawn', {
    eventId: 'c3.0', ...A, memberId: 'M1', on: '2025-04-01', amount: '100.00',
    balanceAfter: '900.00',
  })]);
  given(...funded).when(withdraw('c3', '2025-04-02')).thenRejects('account_dormant',
    { accountId: 'A1', lastActivityOn: '2024-04-02', dormantSince: '2025-04-02' });
});

test("a manager's reactivation records why, and the withdrawal then goes through", () => {
  const back = reactivate('c3', '2025-05-01');
  given(...funded).when(back).then([event('AccountReactivated', {
    ...A, memberId: 'M1', on: '2025-05-01', lastActivityOn: '2024-04-02',
    dormantSince: '2025-04-02',
  })]);
  given(...funded, back).when(withdraw('c4', '2025-05-01', '250')).then([event('Withdrawn', {
    eventId: 'c4.0', ...A, memberId: 'M1', on: '2025-05-01', amount: '250.00',
    balanceAfter: '750.00',
  })]);
});

test('an active account is not reactivated; a recurring deposit never is', () => {
  given(...funded).when(reactivate('c3', '2025-04-01')).thenRejects('account_not_dormant',
    { accountId: 'A1', lastActivityOn: '2024-04-02', dormantAfterMonths: 12 });
  const rd = asMember(command('OpenRecurringDeposit', {
    ...by('c1', '2024-04-01'), ...A, memberId: 'M1', productId: 'RD', instalment: '500',
    termMonths: 6,
  }));
  given(rd).when(reactivate('c2', '2026-04-01')).thenRejects('operation_not_allowed',
    { operation: 'reactivate', kind: 'recurring' });
});

test('her own deposit reactivates; a dividend credited or interest posted does not', () => {
  given(...funded, deposit('c3', '2025-06-01', '10')).when(withdraw('c4', '2025-06-01'))
    .then([event('Withdrawn', { eventId: 'c4.0', ...A, memberId: 'M1', on: '2025-06-01',
      amount: '100.00', balanceAfter: '910.00' })]);
  given(...funded, deposit('c3', '2025-06-01', '10', 'dividend'))
    .when(withdraw('c4', '2025-06-01')).thenRejects('account_dormant',
      { lastActivityOn: '2024-04-02', dormantSince: '2025-04-02' });
});

test('a dormant withdrawal is checked after the balance: too much is insufficient first', () => {
  given(...funded).when(withdraw('c3', '2025-06-01', '5000')).thenRejects('insufficient_balance');
});

test('a product without the setting has no dormant account, however long the silence', () => {
  given(open('SB'), deposit('c2', '2024-04-02', '1000')).when(withdraw('c3', '2034-04-02'))
    .then([event('Withdrawn', { eventId: 'c3.0', ...A, memberId: 'M1', on: '2034-04-02',
      amount: '100.00', balanceAfter: '900.00' })]);
});

test('dormancy counts calendar months from the last activity, to the month end', () => {
  const opened = history(decider, [asMember(command('OpenSavingsAccount', {
    ...by('c1', '2024-01-31'), ...A, memberId: 'M1', productId: 'SBD',
  }))]).reduce(decider.evolve, decider.initialState);
  if (opened.status === 'none') return assert.unreachable('not opened');
  const rule = { dormantAfterMonths: 1 };
  assert.is(dormantSince(opened, rule, businessDate('2024-02-28')), null);
  assert.is(dormantSince(opened, rule, businessDate('2024-02-29')), '2024-02-29');
});

test.run();
