import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { spec } from '../testing/deciderSpecification.ts';
import { by, command, event, history } from '../testing/fixtures.ts';
import { businessDate } from '../dates/businessDate.ts';
import { createBranchCashDecider } from './decide.ts';
import type { TillPurpose } from './events.ts';
import type { AccountStepStatus } from './facts.ts';

const decider = createBranchCashDecider();
const steps = (...cs: Parameters<typeof decider.decide>[0][]) => history(decider, cs);
const given = (...cs: Parameters<typeof decider.decide>[0][]) => spec(decider).given(steps(...cs));
const at = { branchId: 'SONAGACHI' };
const cashier = (id: string, on = '2025-06-02') => ({ ...by(id, on, 'cashier-1'), ...at });

const takeOver = command('TakeOverVaultCash',
  { ...by('v0', '2025-06-01', 'manager-1'), ...at, amount: '200000.00' });
const open = command('TransferBranchCash',
  { ...cashier('open'), fromTill: null, toTill: 'T1', amount: '50000.00' });
const member = (id: string, purpose: TillPurpose, amount: string, on = '2025-06-02') =>
  command('MoveTillCash', { ...cashier(id, on), tillId: 'T1', purpose, amount,
    accountStream: 'deposit-A1', stepId: `${id}-till` });
const day = [takeOver, open, member('d1', 'deposit', '3000.00'),
  member('d2', 'deposit', '2500.00'), member('r1', 'repayment', '1450.00'),
  member('w1', 'withdrawal', '1200.00')];
const count = command('CountTillCash', { ...cashier('count'), tillId: 'T1', counted: '55700.00' });
const back = command('TransferBranchCash',
  { ...cashier('back'), fromTill: 'T1', toTill: null, amount: '55700.00' });
const close = (on = '2025-06-02') => command('CloseBranchDay', { ...cashier(`close-${on}`, on) });

test('a day at one till: 50,000 out of the vault, 5,750 net in, counted 55,700: 50 short', () => {
  // 50,000.00 + 3,000.00 + 2,500.00 + 1,450.00 - 1,200.00 = 55,750.00 in the book.
  given(...day).when(count).then([event('TillCashCounted', { branchId: 'SONAGACHI',
    tillId: 'T1', on: '2025-06-02', book: '55750.00', counted: '55700.00',
    difference: '-50.00' })]);
  // 2,00,000.00 - 50,000.00 + 55,700.00 back from the till = 2,05,700.00 at the close.
  given(...day, count, back).when(close()).then([event('BranchDayClosed', {
    branchId: 'SONAGACHI', on: '2025-06-02', vault: '205700.00',
    tills: [{ tillId: 'T1', cash: '0.00' }] })]);
});

test('a till never pays out more than it holds: cash_short names the till and its cash', () => {
  given(takeOver, open).when(member('w2', 'withdrawal', '50000.01'))
    .thenRejects('cash_short', { branchId: 'SONAGACHI', place: 'T1', available: '50000.00',
      requested: '50000.01' });
  given(takeOver).when(command('TransferBranchCash', { ...cashier('o2'), fromTill: null,
    toTill: 'T1', amount: '200000.01' }))
    .thenRejects('cash_short', { place: 'vault', available: '200000.00' });
  given(takeOver, open).when(command('TransferBranchCash', { ...cashier('o3'), fromTill: 'T1',
    toTill: 'T1', amount: '1.00' })).thenRejects('same_cash_place', { place: 'T1' });
});

test('the day closes only when every till that moved cash is counted: till_not_counted', () => {
  given(...day).when(close())
    .thenRejects('till_not_counted', { tillId: 'T1', book: '55750.00' });
  // Counted and left in the till overnight: the close lists it with the vault.
  given(...day, count).when(close()).then([event('BranchDayClosed', { branchId: 'SONAGACHI',
    on: '2025-06-02', vault: '150000.00', tills: [{ tillId: 'T1', cash: '55700.00' }] })]);
});

test('nothing is recorded in a closed day: branch_day_closed; the next day is open', () => {
  const closed = [...day, count, back, close()];
  given(...closed).when(member('d3', 'deposit', '10.00'))
    .thenRejects('branch_day_closed', { branchId: 'SONAGACHI', closedThrough: '2025-06-02',
      on: '2025-06-02' });
  given(...closed).when(close()).thenRejects('branch_day_closed');
  given(...closed).when(member('d3', 'deposit', '10.00', '2025-06-03')).then([
    event('TillCashMoved', { branchId: 'SONAGACHI', tillId: 'T1', on: '2025-06-03',
      purpose: 'deposit', amount: '10.00', accountStream: 'deposit-A1', stepId: 'd3-till' })]);
});

// A release with its account step as the Ledger reads it from the movement's stream.
const release = (id: string, stepId: string, accountStep: AccountStepStatus = 'absent') =>
  ({ ...command('ReleaseTillCash', { ...cashier(id), stepId }), facts: { accountStep } });

test('a movement whose account step was refused is released, once', () => {
  const released = release('rel', 'w1-till');
  given(...day).when(released).then([event('TillCashReleased', { branchId: 'SONAGACHI',
    tillId: 'T1', on: '2025-06-02', purpose: 'withdrawal', amount: '1200.00',
    stepId: 'w1-till' })]);
  given(...day, released).when(count).then([event('TillCashCounted', {
    branchId: 'SONAGACHI', tillId: 'T1', on: '2025-06-02', book: '56950.00',
    counted: '55700.00', difference: '-1250.00' })]);
  given(...day, released).when(release('rel2', 'w1-till'))
    .thenRejects('already_reversed', { eventId: 'w1-till' });
  given(...day).when(release('rel3', 'nope')).thenRejects('event_not_found');
});

test('a till side whose account step stands is not released: step_stands, naming its stream; '
  + 'a reversed step\'s is', () => {
  given(...day).when(release('rel', 'd1-till', 'stands')).thenRejects('step_stands',
    { branchId: 'SONAGACHI', stepId: 'd1-till', stream: 'deposit-A1' });
  // 3,000.00 handed back across the counter after the deposit was reversed.
  given(...day).when(release('rel', 'd1-till', 'reversed')).then([event('TillCashReleased', {
    branchId: 'SONAGACHI', tillId: 'T1', on: '2025-06-02', purpose: 'deposit',
    amount: '3000.00', stepId: 'd1-till' })]);
});

test('cash between branches goes through the inter-branch account, received once', () => {
  const send = command('SendCashToBranch', { ...by('s1', '2025-06-02', 'manager-1'), ...at,
    toBranchId: 'KALIGHAT', amount: '25000.00' });
  given(takeOver).when(send).then([event('CashSentToBranch', { branchId: 'SONAGACHI',
    on: '2025-06-02', toBranchId: 'KALIGHAT', transferId: 's1', amount: '25000.00' })]);
  const receive = command('ReceiveCashFromBranch', { ...by('k1', '2025-06-02', 'manager-2'),
    branchId: 'KALIGHAT', fromBranchId: 'SONAGACHI', transferId: 's1', amount: '25000.00' });
  const again = command('ReceiveCashFromBranch', { ...receive.data, commandId: 'k2' });
  spec(decider).given(steps(receive)).when(again)
    .thenRejects('already_exists', { aggregate: 'branch', id: 's1' });
  given(takeOver, send).when(close()).thenState((s) => {
    assert.is(s.vaultMinor, 17_500_000n);
  });
});

test('a closed year takes no branch cash: a count, a transfer or cash into a till dated in it is '
  + 'period_closed; closing one of its days is not refused (it posts nothing)', () => {
  const closedYear = { period: { closedThrough: businessDate('2025-03-31') } };
  given(takeOver, open).when({ ...command('CountTillCash', { ...cashier('c-old', '2025-03-25'),
    tillId: 'T1', counted: '45000.00' }), ...closedYear })
    .thenRejects('period_closed', { closedThrough: '2025-03-31', on: '2025-03-25' });
  given().when({ ...command('TakeOverVaultCash', { ...by('v-old', '2025-03-31', 'manager-1'),
    ...at, amount: '100.00' }), ...closedYear })
    .thenRejects('period_closed', { closedThrough: '2025-03-31', on: '2025-03-31' });
  given(takeOver, open).when({ ...member('d-old', 'deposit', '10.00', '2025-03-30'),
    ...closedYear }).thenRejects('period_closed');
  const oldTakeOver = command('TakeOverVaultCash',
    { ...by('v-1', '2025-03-20', 'manager-1'), ...at, amount: '100.00' });
  given(oldTakeOver).when({ ...close('2025-03-30'), ...closedYear }).then([
    event('BranchDayClosed', { branchId: 'SONAGACHI', on: '2025-03-30', vault: '100.00',
      tills: [] })]);
  // The day after the closed year: decided as before.
  given(takeOver, open).when({ ...count, ...closedYear }).then([event('TillCashCounted', {
    branchId: 'SONAGACHI', tillId: 'T1', on: '2025-06-02', counted: '55700.00',
    book: '50000.00', difference: '5700.00' })]);
});

test.run();
