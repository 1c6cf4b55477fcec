import { test } from 'uvu';
import * as assert from 'uvu/assert';
import * as E from 'fp-ts/lib/Either.js';
import { spec } from '../testing/deciderSpecification.ts';
import { asMember, by, command, event, history, products } from '../testing/fixtures.ts';
import { decodeCommand, routeCommand } from '../commandCatalogue.ts';
import { createDepositDecider } from '../deposit/decide.ts';
import { createShareDecider } from '../shares/decide.ts';
import { nomineeRefFor } from './nomineeRef.ts';

const deposits = createDepositDecider({ products });
const shares = createShareDecider({ products });
const onDeposit = (...cs: Parameters<typeof deposits.decide>[0][]) =>
  spec(deposits).given(history(deposits, cs));
const onShares = (...cs: Parameters<typeof shares.decide>[0][]) =>
  spec(shares).given(history(shares, cs));

const opened = asMember(command('OpenSavingsAccount', {
  ...by('c1', '2024-04-01'), accountId: 'SB-1', memberId: 'M-1', productId: 'SB' }), 'M-1');
const bought = asMember(command('PurchaseShares', { ...by('c1', '2024-04-01'),
  accountId: 'S-1', memberId: 'M-1', productId: 'SH', shares: 10 }), 'M-1');
const nominate = (id: string, account: 'shares' | 'deposit', nomineeRef: string,
  o: { accountId?: string; memberId?: string } = {}) =>
  command('NominateNominee', { ...by(id, '2024-04-02'), account,
    accountId: o.accountId ?? (account === 'shares' ? 'S-1' : 'SB-1'),
    memberId: o.memberId ?? 'M-1', nomineeRef });

test('a first nominee on a savings account names none replaced', () => {
  onDeposit(opened).when(nominate('n1', 'deposit', 'NOM-1')).then([
    event('NomineeNominated', { account: 'deposit', accountId: 'SB-1', memberId: 'M-1',
      on: '2024-04-02', nomineeRef: 'NOM-1', replaces: null })]);
});

test('a second nominee on the share account names the one it replaces', () => {
  onShares(bought, nominate('n1', 'shares', 'NOM-1')).when(nominate('n2', 'shares', 'NOM-2'))
    .then([event('NomineeNominated', { account: 'shares', accountId: 'S-1',
      memberId: 'M-1', on: '2024-04-02', nomineeRef: 'NOM-2', replaces: 'NOM-1' })]);
});

test('naming the nominee already named is nominee_unchanged', () => {
  onDeposit(opened, nominate('n1', 'deposit', 'NOM-1')).when(nominate('n2', 'deposit', 'NOM-1'))
    .thenRejects('nominee_unchanged', { nomineeRef: 'NOM-1' });
});

test('another member\'s account, or no account, is refused', () => {
  onDeposit(opened).when(nominate('n1', 'deposit', 'NOM-1', { memberId: 'M-2' }))
    .thenRejects('wrong_aggregate', { expected: 'M-1', got: 'M-2' });
  onDeposit().when(nominate('n1', 'deposit', 'NOM-1'))
    .thenRejects('not_found', { aggregate: 'deposit', id: 'SB-1' });
  onShares().when(nominate('n1', 'shares', 'NOM-1'))
    .thenRejects('not_found', { aggregate: 'shares', id: 'S-1' });
});

test('a reference not shaped as a nominee reference is refused, its value withheld', () => {
  for (const ref of ['Rina Das', '9830012345', 'NOM-0', 'NOM-123456789', 'M-0001']) {
    const r = decodeCommand({ type: 'NominateNominee', data: { ...by('n1', '2024-04-02'),
      account: 'deposit', accountId: 'SB-1', memberId: 'M-1', nomineeRef: ref } });
    assert.ok(E.isLeft(r), ref);
    if (E.isLeft(r)) {
      assert.is(r.left.fields[0]?.path, 'data.nomineeRef');
      assert.not.ok(r.left.message.includes(ref), ref);
    }
  }
});

test('a share nomination is routed to the member\'s share stream, a deposit one to its own', () => {
  assert.equal(routeCommand(nominate('n1', 'shares', 'NOM-1')),
    { aggregate: 'shares', stream: 'shares-M-1' });
  assert.equal(routeCommand(nominate('n1', 'deposit', 'NOM-1')),
    { aggregate: 'deposit', stream: 'deposit-SB-1' });
});

test('nomineeRefFor numbers from 1 and refuses what is not a whole number in range', () => {
  assert.is(nomineeRefFor(7), 'NOM-7');
  assert.throws(() => nomineeRefFor(0), RangeError);
  assert.throws(() => nomineeRefFor(1.5), RangeError);
});

test.run();
