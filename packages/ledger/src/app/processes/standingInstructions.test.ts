import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { allEvents, balanceOf, memoryStore, testLedger } from '../testSupport.ts';
import { decided, runOfDay, standingDay } from './standingDay.fixture.ts';

test('a day with three instructions: two paid, the short one refused and recorded', async () => {
  const store = memoryStore();
  const ledger = await testLedger(store);
  await standingDay(ledger);
  const o = await ledger.runStandingInstructions(runOfDay);
  assert.is(o.status, 'completed');
  assert.equal(o.steps.map((s) => s.status === 'accepted' ? s.commandType : s.rejection.type), [
    'Withdraw', 'MakeDeposit', 'RecordStandingInstructionExecuted',
    'Withdraw', 'RecordRepayment', 'RecordStandingInstructionExecuted',
    'insufficient_balance', 'RecordStandingInstructionRefused']);
  assert.equal(await decided(store), [
    'SI-1 2024-05-10 executed 500.00',
    // Rs 10,000 at 1% a month over 12 months: EMI 888.49, of which Rs 100 interest.
    'SI-2 2024-05-10 executed 888.49',
    'SI-3 2024-05-10 refused 500.00 insufficient_balance']);
  assert.is(await balanceOf(ledger, store, 'SB-M1'), 450000n);
  assert.is(await balanceOf(ledger, store, 'RD-M1'), 50000n);
  assert.is(await balanceOf(ledger, store, 'SB-M2'), 211151n);
  assert.is(await balanceOf(ledger, store, 'SB-M3'), 30000n);
  assert.is(await balanceOf(ledger, store, 'RD-M3'), 0n);
  const repaid = (await allEvents(store)).filter((e) => e.type === 'RepaymentReceived');
  assert.equal(repaid.map((e) => e.data.amount), ['888.49']);
});

test('run again, with another command id, the date changes nothing', async () => {
  const store = memoryStore();
  const ledger = await testLedger(store);
  await standingDay(ledger);
  await ledger.runStandingInstructions(runOfDay);
  const before = (await allEvents(store)).length;
  const again = await ledger.runStandingInstructions({ ...runOfDay, commandId: 'si-run-2' });
  assert.is(again.status, 'completed');
  assert.equal(again.steps, []);
  assert.is((await allEvents(store)).length, before);
});

test('paused and cancelled instructions are skipped; resumed, the next due date is paid',
  async () => {
  const store = memoryStore();
  const ledger = await testLedger(store);
  await standingDay(ledger);
  const by = (commandId: string, on: string) => ({ commandId, actor: 'clerk', on });
  await ledger.pauseStandingInstruction({ ...by('pause-1', '2024-05-01'), instructionId: 'SI-1' });
  await ledger.cancelStandingInstruction({ ...by('cancel-3', '2024-05-01'),
    instructionId: 'SI-3' });
  const o = await ledger.runStandingInstructions(runOfDay);
  assert.equal(o.status === 'completed' && o.skipped.map((s) => [s.id, s.rejection.type]), [
    ['SI-1', 'invalid_instruction_status'], ['SI-3', 'invalid_instruction_status']]);
  assert.equal(await decided(store), ['SI-2 2024-05-10 executed 888.49']);
  await ledger.resumeStandingInstruction({ ...by('resume-1', '2024-05-20'),
    instructionId: 'SI-1' });
  await ledger.runStandingInstructions({ ...runOfDay, commandId: 'si-run-06', on: '2024-06-10' });
  assert.equal((await decided(store)).filter((d) => d.startsWith('SI-1')),
    ['SI-1 2024-06-10 executed 500.00']);
  // Paid as the next instalment: the first, since May's was never paid.
  assert.is(await balanceOf(ledger, store, 'RD-M1'), 50000n);
});

test('a date that is no instruction\'s due date stores nothing', async () => {
  const store = memoryStore();
  const ledger = await testLedger(store);
  await standingDay(ledger);
  const before = (await allEvents(store)).length;
  const o = await ledger.runStandingInstructions({ ...runOfDay, on: '2024-05-11' });
  assert.equal(o.status === 'completed' && [o.steps.length, o.skipped.length], [0, 0]);
  assert.is((await allEvents(store)).length, before);
});

test('two Ledgers running the same date at once pay each instruction once', async () => {
  const store = memoryStore();
  await standingDay(await testLedger(store));
  const [a, b] = [await testLedger(store), await testLedger(store)];
  await Promise.all([a.runStandingInstructions(runOfDay),
    b.runStandingInstructions({ ...runOfDay, commandId: 'si-run-b', actor: 'cashier-2' })]);
  assert.equal(await decided(store), [
    'SI-1 2024-05-10 executed 500.00', 'SI-2 2024-05-10 executed 888.49',
    'SI-3 2024-05-10 refused 500.00 insufficient_balance']);
  const events = await allEvents(store);
  assert.is(events.filter((e) => e.type === 'Withdrawn').length, 2);
  assert.is(await balanceOf(a, store, 'SB-M1'), 450000n);
  assert.is(await balanceOf(a, store, 'SB-M2'), 211151n);
});

test.run();
