// The deciders of a member's accounts against her branch's closed day (BranchDayFact).
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { businessDate } from '../dates/businessDate.ts';
import { createDepositDecider, type DepositDecision } from '../deposit/decide.ts';
import { spec } from '../testing/deciderSpecification.ts';
import { asMember, by, command, event, history, products } from '../testing/fixtures.ts';
import type { BranchDayFact } from './branchDayFact.ts';
import { inOpenBooks } from './openBooks.ts';

const decider = createDepositDecider({ products });
const given = (...cs: DepositDecision[]) => spec(decider).given(history(decider, cs));
const A = { accountId: 'A1' };
const savings = asMember(command('OpenSavingsAccount', {
  ...by('c1', '2024-04-01'), ...A, memberId: 'M1', productId: 'SB',
}));
const closedThrough = businessDate('2024-04-02');
const day: BranchDayFact = { branchId: 'SONAGACHI' as BranchDayFact['branchId'],
  closedThrough, tillMoved: false };
const deposit = (id: string, on: string, branchDay = day): DepositDecision => ({
  ...asMember(command('MakeDeposit', { ...by(id, on), ...A, amount: '700', source: 'cash' })),
  branchDay });

test('a deposit dated on or before her branch\'s last closed day is refused', () => {
  given(savings).when(deposit('c2', '2024-04-02')).thenRejects('branch_day_closed',
    { branchId: 'SONAGACHI', closedThrough: '2024-04-02', on: '2024-04-02' });
  given(savings).when(deposit('c2', '2024-04-01')).thenRejects('branch_day_closed',
    { on: '2024-04-01' });
  given(savings).when(deposit('c2', '2024-04-03')).then([event('Deposited', {
    eventId: 'c2.0', ...A, memberId: 'M1', on: '2024-04-03', amount: '700.00',
    source: 'cash', instalmentNumber: null, balanceAfter: '700.00' })]);
});

test('the account step of a till movement stored before the close completes it', () => {
  given(savings).when(deposit('c2', '2024-04-02', { ...day, tillMoved: true }))
    .then([event('Deposited', { eventId: 'c2.0', ...A, memberId: 'M1', on: '2024-04-02',
      amount: '700.00', source: 'cash', instalmentNumber: null, balanceAfter: '700.00' })]);
});

test('a closed year is checked before a closed day: period_closed first', () => {
  const on = businessDate('2024-03-31');
  const both = { data: { on }, period: { closedThrough: on },
    branchDay: { ...day, closedThrough: on } };
  assert.equal(inOpenBooks(both), { _tag: 'Left', left: { type: 'period_closed',
    closedThrough: '2024-03-31', on: '2024-03-31' } });
  assert.equal(inOpenBooks({ data: { on }, branchDay: { ...day, closedThrough: on } }),
    { _tag: 'Left', left: { type: 'branch_day_closed', branchId: 'SONAGACHI',
      closedThrough: '2024-03-31', on: '2024-03-31' } });
  assert.equal(inOpenBooks({ data: { on } }), { _tag: 'Right', right: true });
});

test.run();
