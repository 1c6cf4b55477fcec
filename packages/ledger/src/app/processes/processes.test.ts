import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { signedMoneyString } from '@usha/domain';
import type { EventStore } from '../../eventStore/port.ts';
import type { LedgerEvent } from '../log/ledgerEvent.ts';
import {
  allEvents, balanceOf, memberWithSavings, memoryStore, ok, testLedger,
} from '../testSupport.ts';
import { Crash, dyingAfter } from './dyingStore.fixture.ts';

const loanFor = async (store: EventStore<LedgerEvent>) => {
  const ledger = await testLedger(store);
  await memberWithSavings(ledger, 'M1', '5000');
  const by = (commandId: string, actor = 'maker') => ({ commandId, actor, on: '2024-05-01' });
  ok(await ledger.applyForLoan({ ...by('apply'), loanId: 'L1', memberId: 'M1',
    productId: 'LP', principal: '2000', repayments: 4, firstRepaymentOn: null }));
  ok(await ledger.approveLoan({ ...by('approve', 'checker'), loanId: 'L1', principal: '2000' }));
  ok(await ledger.disburseLoan({ ...by('disburse'), loanId: 'L1' }));
};

const repay = { commandId: 'pay-1', actor: 'clerk', on: '2024-05-20', loanId: 'L1',
  accountId: 'SB-M1', amount: '300' };

test('a repayment from savings killed between its steps is completed on restart', async () => {
  const store = memoryStore();
  await loanFor(store);
  // Its claim on the process, then the withdrawal.
  const dying = await testLedger(dyingAfter(store, 2));
  await dying.repayFromSavings(repay).then(() => assert.unreachable(), (e: unknown) =>
    assert.instance(e, Crash));
  assert.is(await balanceOf(dying, store, 'SB-M1'), 470000n, 'withdrawn, not yet repaid');
  // Opening a Ledger completes it: the withdrawal is recognised, the repayment applied.
  const restarted = await testLedger(store);
  assert.is(restarted.resumed.length, 1);
  const o = restarted.resumed[0];
  assert.is(o?.status, 'completed');
  assert.equal(o?.steps.map((s) => s.status === 'accepted' && s.duplicate), [true, false]);
  // The app calling it again after its restart changes nothing.
  const again = await restarted.repayFromSavings(repay);
  assert.equal(again.steps.map((s) => s.status === 'accepted' && s.duplicate), [true, true]);
  const events = await allEvents(store);
  assert.is(events.filter((e) => e.type === 'Withdrawn').length, 1);
  assert.is(events.filter((e) => e.type === 'RepaymentReceived').length, 1);
  assert.is(events.filter((e) => e.metadata.processId === 'pay-1').length, 2);
  assert.is(await balanceOf(restarted, store, 'SB-M1'), 470000n);
});

test('a repayment the loan would refuse stores nothing', async () => {
  const store = memoryStore();
  await loanFor(store);
  const ledger = await testLedger(store);
  const before = (await allEvents(store)).length;
  const o = await ledger.repayFromSavings({ ...repay, commandId: 'pay-2', amount: '4000' });
  assert.is(o.status === 'rejected' && o.rejection.type, 'overpayment');
  assert.is((await allEvents(store)).length, before);
});

const year = { actor: 'board', societyId: 'USHA', financialYear: '2024-25' };

test('a dividend credited to savings, killed midway, is completed once on restart', async () => {
  const store = memoryStore();
  const netProfit = () => signedMoneyString(10_000_000n);
  const setup = await testLedger(store, { netProfit });
  for (const m of ['M1', 'M2', 'M3']) await memberWithSavings(setup, m, '1000');
  ok(await setup.configureSociety({ commandId: 'cfg', actor: 'board', on: '2024-04-01',
    societyId: 'USHA',
    statutoryReservePercent: '25', dividendRateCapPercent: '15' }));
  const closed = await setup.closeFinancialYear({ ...year, commandId: 'fy', on: '2025-04-05' });
  assert.is(closed.status, 'completed');
  assert.is(closed.steps.length, 7,
    'its beginning, interest on three accounts, the accruals, the provision, the close');
  ok(await setup.declareDividend({ ...year, commandId: 'div', on: '2025-04-10',
    ratePercent: '10' }));
  const credit = { ...year, commandId: 'credit', on: '2025-04-11' };
  // Its first append claims the process, the second records the parts (one batch), then
  // three of the six credit steps.
  const dying = await testLedger(dyingAfter(store, 5), { netProfit });
  await dying.creditDividends(credit).catch((e: unknown) => assert.instance(e, Crash));
  const restarted = await testLedger(store, { netProfit });
  const o = restarted.resumed[0];
  assert.is(o?.status, 'completed');
  // The three stored are answered as duplicates; the other three and the run's end store.
  assert.equal(o?.steps.map((s) => s.status === 'accepted' && s.duplicate),
    [true, true, true, false, false, false, false]);
  const again = await restarted.creditDividends(credit);
  assert.ok(again.steps.every((s) => s.status === 'accepted' && s.duplicate));
  assert.is((await testLedger(store, { netProfit })).resumed.length, 0, 'nothing left');
  const events = await allEvents(store);
  // Each member held 10 shares of Rs 10 all year: 10% of Rs 100 = Rs 10.00 each.
  assert.equal(events.filter((e) => e.type === 'DividendCredited').map((e) => e.data.amount),
    ['10.00', '10.00', '10.00']);
  const dividends = events.filter((e) => e.type === 'Deposited' && e.data.source === 'dividend');
  assert.equal(dividends.map((e) => e.type === 'Deposited' && e.data.accountId),
    ['SB-M1', 'SB-M2', 'SB-M3']);
});

test.run();
