// A process request retried on another app instance, one opened before the first run stored
// anything (its indexes know nothing of that run): the answer is the run's, completed, and
// nothing more is stored; before, the instance tried the request again as new, against the
// state the run had left, and refused it (a teller told a withdrawal failed that was paid).
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { ProductCatalogue } from '@usha/domain';
import { must, products } from '@usha/domain/testing';
import type { EventStore } from '../../eventStore/port.ts';
import type { LedgerEvent } from '../log/ledgerEvent.ts';
import { loanDisbursed } from '../commands/loanDisbursed.fixture.ts';
import { scheduleProducts } from '../ledger/scheduleProducts.fixture.ts';
import type { ProcessOutcome } from './processOutcome.ts';
import { allEvents, memberWithSavings, memoryStore, ok, testLedger } from '../testSupport.ts';

const by = (commandId: string, on: string, actor = 'clerk') => ({ commandId, actor, on });
type Options = Parameters<typeof testLedger>[1];

// The request run on A, then sent again on B (opened before A ran it) and on C (opened after):
// each answer, and how many events the store holds after each.
const retried = async (
  store: EventStore<LedgerEvent>, options: Options,
  send: (l: Awaited<ReturnType<typeof testLedger>>) => Promise<ProcessOutcome>,
) => {
  const a = await testLedger(store, { ...options, processClaims: { claimant: 'A' } });
  const b = await testLedger(store, { ...options, processClaims: { claimant: 'B' } });
  const onA = await send(a);
  const stored = (await allEvents(store)).length;
  const onB = await send(b);
  const afterB = (await allEvents(store)).length;
  const c = await testLedger(store, { ...options, processClaims: { claimant: 'C' } });
  const onC = await send(c);
  return { onA, onB, onC, stored, afterB, afterC: (await allEvents(store)).length };
};

const summary = (o: ProcessOutcome) => ({
  status: o.status,
  steps: o.steps.map((s) => s.status === 'accepted' ? `${s.commandId} duplicate=${s.duplicate}`
    : `${s.commandId} ${s.rejection.type}`),
});

const holds = (r: Awaited<ReturnType<typeof retried>>, steps: string[]) => {
  assert.equal(summary(r.onA), { status: 'completed',
    steps: steps.map((s) => `${s} duplicate=false`) });
  const again = { status: 'completed', steps: steps.map((s) => `${s} duplicate=true`) };
  assert.equal(summary(r.onB), again);
  assert.equal(summary(r.onC), again);
  assert.is(r.afterB, r.stored);
  assert.is(r.afterC, r.stored);
};

test('a withdrawal at the till retried on an instance opened before it ran is answered '
  + 'completed, and stores nothing more', async () => {
  const store = memoryStore();
  const setup = await testLedger(store);
  await memberWithSavings(setup, 'M1', '5000');
  ok(await setup.takeOverVaultCash({ ...by('v0', '2024-04-01', 'manager'),
    branchId: 'SONAGACHI', amount: '200000' }));
  ok(await setup.transferBranchCash({ ...by('open', '2024-04-02', 'cashier'),
    branchId: 'SONAGACHI', fromTill: null, toTill: 'T1', amount: '50000' }));
  const r = await retried(store, {}, (l) => l.cashAtTill({ ...by('w1', '2024-04-02', 'cashier'),
    branchId: 'SONAGACHI', tillId: 'T1', type: 'Withdraw', accountId: 'SB-M1', amount: '4000' }));
  holds(r, ['w1:till', 'w1:account']);
});

test('a loan repaid from savings, retried on an instance opened before it ran, is answered '
  + 'completed, and stores nothing more', async () => {
  const store = memoryStore();
  const setup = await testLedger(store);
  await memberWithSavings(setup, 'M1', '5000');
  await loanDisbursed(setup, { on: '2024-05-02', productId: 'LP', principal: '2000',
    repayments: 4 });
  const r = await retried(store, {}, (l) => l.repayFromSavings({ ...by('rp1', '2024-05-02'),
    loanId: 'L1', accountId: 'SB-M1', amount: '2000' }));
  holds(r, ['rp1:withdraw', 'rp1:repay']);
});

test('a recovery from the guarantor, retried on an instance opened before it ran, is '
  + 'answered completed, and stores nothing more', async () => {
  const limited = must(ProductCatalogue, { ...products,
    LG: { ...products.LN, id: 'LG', guarantorsAbove: '20000.00' } });
  const store = memoryStore();
  const setup = await testLedger(store, { products: limited });
  await memberWithSavings(setup, 'M1', '1000');
  await memberWithSavings(setup, 'M2', '6000');
  ok(await setup.applyForLoan({ ...by('apply', '2024-04-02', 'maker'), loanId: 'L1',
    memberId: 'M1', productId: 'LG', principal: '25000', repayments: 12,
    firstRepaymentOn: null, guarantors: [{ memberId: 'M2', accountId: 'SB-M2', amount: '5000' }],
  }));
  assert.is((await setup.approveWithLiens({ ...by('ap', '2024-04-03', 'checker'),
    loanId: 'L1', principal: '25000' })).status, 'completed');
  ok(await setup.disburseLoan({ ...by('d', '2024-04-03', 'cashier'), loanId: 'L1' }));
  ok(await setup.writeOffLoan({ ...by('wo', '2025-01-10', 'manager'), loanId: 'L1' }));
  ok(await setup.recordRecovery({ ...by('recovered', '2025-01-15', 'manager'), loanId: 'L1',
    amount: '21000' }));
  // All that was written off: a retry tried as new would find nothing left to recover.
  const r = await retried(store, { products: limited }, (l) => l.recoverFromGuarantor({
    ...by('rec-1', '2025-01-20', 'manager'), loanId: 'L1', guarantorAccountId: 'SB-M2',
    amount: '4000' }));
  holds(r, ['rec-1:call', 'rec-1:recover']);
});

test('a top-up, retried on an instance opened before it ran, is answered completed, and '
  + 'stores nothing more', async () => {
  const store = memoryStore();
  const setup = await testLedger(store, { products: scheduleProducts });
  await memberWithSavings(setup, 'M1', '1000');
  for (const [loanId, principal] of [['L1', '6000'], ['L2', '20000']] as const) {
    ok(await setup.applyForLoan({ ...by(`apply-${loanId}`, '2024-04-01', 'maker'), loanId,
      memberId: 'M1', productId: 'LT', principal, repayments: 6, firstRepaymentOn: null }));
    ok(await setup.approveLoan({ ...by(`approve-${loanId}`, '2024-04-01', 'mgr'), loanId,
      principal }));
  }
  ok(await setup.disburseLoan({ ...by('disburse-L1', '2024-04-01'), loanId: 'L1' }));
  const r = await retried(store, { products: scheduleProducts }, (l) => l.topUpLoan({
    ...by('top-up', '2024-07-10'), loanId: 'L2', topUpOf: 'L1' }));
  holds(r, ['top-up:disburse', 'top-up:payoff']);
});

test.run();
