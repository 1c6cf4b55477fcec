import { test } from 'uvu';
import * as assert from 'uvu/assert';
import {
  allEvents, balanceOf, memberWithSavings, memoryStore, ok, testLedger,
} from '../testSupport.ts';
import { loanDisbursed } from '../commands/loanDisbursed.fixture.ts';

const by = (commandId: string, on = '2024-05-01') => ({ commandId, actor: 'clerk', on });

test('a command loads, decides and appends; its events carry the command record', async () => {
  const store = memoryStore();
  const ledger = await testLedger(store);
  await memberWithSavings(ledger, 'M1', '1000');
  const o = ok(await ledger.withdraw({ ...by('w-1'), accountId: 'SB-M1', amount: '250.5' }));
  assert.is(o.status, 'accepted');
  if (o.status !== 'accepted') return;
  assert.is(o.stream, 'deposit-SB-M1');
  assert.is(o.revision, 2n);
  const e = o.events[0]?.event;
  assert.is(e?.type, 'Withdrawn');
  assert.is(e?.metadata.eventId, 'w-1.0');
  assert.is(e?.metadata.commandType, 'Withdraw');
  assert.match(o.events[0]?.eventId ?? '', /^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab]/);
  assert.is(await balanceOf(ledger, store, 'SB-M1'), 74950n);
});

test('a retried command returns its original outcome and stores nothing new', async () => {
  const store = memoryStore();
  const ledger = await testLedger(store);
  await memberWithSavings(ledger, 'M1', '1000');
  const request = { ...by('w-1'), accountId: 'SB-M1', amount: '100' };
  const first = await ledger.withdraw(request);
  const count = (await allEvents(store)).length;
  const again = await ledger.withdraw(request);
  assert.is(again.status, 'accepted');
  if (again.status !== 'accepted' || first.status !== 'accepted') return;
  assert.ok(again.duplicate);
  assert.equal(again.events.map((e) => e.eventId), first.events.map((e) => e.eventId));
  assert.equal(again.position, first.position);
  assert.is((await allEvents(store)).length, count);
  assert.is(await balanceOf(ledger, store, 'SB-M1'), 90000n);
});

test('a retry after a restart is recognised from the log alone', async () => {
  const store = memoryStore();
  const first = await testLedger(store);
  await memberWithSavings(first, 'M1', '1000');
  await first.withdraw({ ...by('w-1'), accountId: 'SB-M1', amount: '100' });
  const restarted = await testLedger(store);
  const again = await restarted.withdraw({ ...by('w-1'), accountId: 'SB-M1', amount: '100' });
  assert.is(again.status === 'accepted' && again.duplicate, true);
  // Routed to another stream, the reused id is still recognised (the scan at open).
  const other = await restarted.makeDeposit({ ...by('w-1'), accountId: 'SB-M1', amount: '5',
    source: 'cash' });
  assert.equal(other.status === 'rejected' && other.rejection,
    { type: 'command_id_reused', commandId: 'w-1', originalCommandType: 'Withdraw' });
  assert.is(await balanceOf(restarted, store, 'SB-M1'), 90000n);
});

test('the same command id with another payload is command_id_reused', async () => {
  const store = memoryStore();
  const ledger = await testLedger(store);
  await memberWithSavings(ledger, 'M1', '1000');
  await ledger.withdraw({ ...by('w-1'), accountId: 'SB-M1', amount: '100' });
  const count = (await allEvents(store)).length;
  const o = await ledger.withdraw({ ...by('w-1'), accountId: 'SB-M1', amount: '200' });
  assert.equal(o.status === 'rejected' && o.rejection,
    { type: 'command_id_reused', commandId: 'w-1', originalCommandType: 'Withdraw' });
  assert.is((await allEvents(store)).length, count);
});

test('a rejection is a value; a retry is decided again (the same refusal marked duplicate), '
  + 'and another request under the refused id is decided as a new one', async () => {
  const store = memoryStore();
  const ledger = await testLedger(store);
  await memberWithSavings(ledger, 'M1', '1000');
  const request = { ...by('w-9'), accountId: 'SB-M1', amount: '950' };
  const o = await ledger.withdraw(request);
  assert.equal(o.status === 'rejected' && o.rejection,
    { type: 'below_minimum_balance', minimumBalance: '100.00', balanceAfter: '50.00' });
  const again = await ledger.withdraw(request);
  assert.is(again.status === 'rejected' && again.duplicate, true);
  // The refusal stored nothing, so the id binds nothing (as on every other Ledger).
  const other = await ledger.withdraw({ ...request, amount: '1' });
  assert.is(other.status === 'accepted' && other.events[0]?.event.type, 'Withdrawn');
});

test('a rejection decided on the state held in memory is checked on a fresh read', async () => {
  const store = memoryStore();
  const here = await testLedger(store);
  await memberWithSavings(here, 'M1', '1000');
  // Another writer (another Ledger on the same store) deposits; `here` holds the old balance.
  const elsewhere = await testLedger(store);
  ok(await elsewhere.makeDeposit({ ...by('d-2'), accountId: 'SB-M1', amount: '1000',
    source: 'cash' }));
  const o = await here.withdraw({ ...by('w-1'), accountId: 'SB-M1', amount: '1500' });
  assert.is(o.status === 'accepted' && o.revision, 3n);
  // An acceptance decided on the old state is refused by the store and decided again.
  const stale = await elsewhere.withdraw({ ...by('w-2'), accountId: 'SB-M1', amount: '450' });
  assert.equal(stale.status === 'rejected' && stale.rejection,
    { type: 'below_minimum_balance', minimumBalance: '100.00', balanceAfter: '50.00' });
  assert.is(await balanceOf(here, store, 'SB-M1'), 50000n);
});

test('a malformed command gets a typed error and nothing is stored', async () => {
  const store = memoryStore();
  const ledger = await testLedger(store);
  await memberWithSavings(ledger, 'M1', '1000');
  const count = (await allEvents(store)).length;
  const o = await ledger.execute({ type: 'Withdraw',
    data: { ...by('w-2'), accountId: 'SB-M1', amount: '12.345', name: 'Asha' } });
  assert.is(o.status, 'rejected');
  if (o.status !== 'rejected' || o.rejection.type !== 'invalid_command') {
    return assert.unreachable();
  }
  assert.is(o.commandId, 'w-2');
  assert.equal(o.rejection.fields.map((f) => f.path), ['data.amount', 'data.name']);
  const unknown = await ledger.execute({ type: 'Steal', data: {} });
  assert.is(unknown.status === 'rejected' && unknown.rejection.type, 'invalid_command');
  assert.is((await allEvents(store)).length, count);
});

test('facts from other aggregates are read by the Ledger, not taken from the caller', async () => {
  const store = memoryStore();
  const ledger = await testLedger(store);
  await memberWithSavings(ledger, 'M1', '1000');
  await loanDisbursed(ledger, { on: '2024-05-01', productId: 'LN', principal: '5000',
    repayments: 6 });
  // A caller who claims nothing is outstanding is refused for the field she has no say in.
  const claimed = await ledger.execute({ type: 'ExitMember', data: {
    ...by('x-1', '2025-05-01'), memberId: 'M1', outstandingLoanPrincipal: '0' } });
  assert.equal(claimed.status === 'rejected' && claimed.rejection.type === 'invalid_command' &&
    claimed.rejection.fields.map((f) => f.path), ['data.outstandingLoanPrincipal']);
  // The request carries no facts: the Ledger reads the loan.
  const exit = await ledger.execute({ type: 'ExitMember', data: { ...by('x-1', '2025-05-01'),
    memberId: 'M1' } });
  assert.equal(exit.status === 'rejected' && exit.rejection,
    { type: 'loan_outstanding', outstandingPrincipal: '5000.00' });
});

test.run();
