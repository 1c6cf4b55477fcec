// Deposit charges by rule and a branch's charge run through the Ledger: exact figures.
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import * as E from 'fp-ts/lib/Either.js';
import { ProductCatalogue } from '@usha/domain';
import { allEvents, memoryStore, ok, products, testLedger } from '../testSupport.ts';
import { charges, run, society } from './chargesSociety.fixture.ts';

test('a branch run charges each loan and deposit account what its rule gives', async () => {
  const { ledger, store } = await society();
  const o = await ledger.applyChargesForBranch(run('chg-1', '2025-05-02'));
  assert.is(o.status === 'completed' && o.skipped.length, 0);
  assert.equal(await charges(store), [
    'SB-M1 below_minimum_balance 2025-04 25.00 975.00',
    'L1 instalment-1 50.00',
    'RD-M1 missed_instalment instalment-2 5.00 95.00',
  ]);
});

test('applying the charges for a date twice records them once', async () => {
  const { ledger, store } = await society();
  const first = await ledger.applyChargesForBranch(run('chg-1', '2025-06-02'));
  assert.is(first.steps.length, 3);
  // The same run again is recognised step by step; another run finds nothing left to charge.
  const again = await ledger.applyChargesForBranch(run('chg-1', '2025-06-02'));
  assert.equal(again.steps.map((s) => s.status === 'accepted' && s.duplicate),
    [true, true, true]);
  const other = await ledger.applyChargesForBranch(run('chg-2', '2025-06-02'));
  assert.is(other.steps.length, 0);
  // April and May below 1,500.00; instalments 1 and 2 of the loan; RD instalments 2 and 3.
  assert.equal(await charges(store), [
    'SB-M1 below_minimum_balance 2025-04 25.00 975.00',
    'SB-M1 below_minimum_balance 2025-05 25.00 950.00',
    'L1 instalment-1 50.00', 'L1 instalment-2 50.00',
    'RD-M1 missed_instalment instalment-2 5.00 95.00',
    'RD-M1 missed_instalment instalment-3 5.00 90.00',
  ]);
});

test('a deposit charge is waived by two people and given back to the balance', async () => {
  const { ledger, store } = await society();
  ok(await ledger.applyDepositCharges({ commandId: 'dc-1', actor: 'clerk-1',
    on: '2025-05-02', accountId: 'SB-M1' }));
  const waive = { type: 'ReverseEvent' as const, data: { commandId: 'wv-1', actor: 'bm-1',
    on: '2025-05-03', aggregate: 'deposit' as const, aggregateId: 'SB-M1',
    eventId: 'dc-1.0', reason: 'charge_waived' as const } };
  ok(await ledger.requestApproval({ commandId: 'rq-1', actor: 'bm-1', on: '2025-05-03',
    command: waive }));
  const approved = await ledger.approveRequest({ commandId: 'ok-1', actor: 'board-1',
    on: '2025-05-03', requestId: 'wv-1' });
  assert.is(approved.command?.status, 'accepted');
  const rejected = await ledger.applyDepositCharges({ commandId: 'dc-2', actor: 'clerk-1',
    on: '2025-05-04', accountId: 'SB-M1' });
  assert.equal(rejected.status === 'rejected' && rejected.rejection, { type: 'nothing_to_charge',
    aggregate: 'deposit', id: 'SB-M1', on: '2025-05-04' });
  // 1,000.00 less 25.00, then the 25.00 given back: a withdrawal of all but the 100.00
  // minimum takes exactly 900.00.
  ok(await ledger.withdraw({ commandId: 'wd-1', actor: 'cash-1', on: '2025-05-04',
    accountId: 'SB-M1', amount: '900' }));
  assert.equal((await charges(store)).length, 1);
});

test('an admission fee is recorded on her stream just after the admission', async () => {
  const p = ProductCatalogue.decode({ ...products,
    SH: { ...products['SH'], admissionFee: { amount: '20.00' } } });
  if (E.isLeft(p)) throw new Error('bad catalogue');
  const store = memoryStore();
  const ledger = await testLedger(store, { products: p.right });
  ok(await ledger.admitMember({ commandId: 'admit', actor: 'clerk-1', on: '2025-04-01',
    memberId: 'M9', branchId: 'SONAGACHI', shareProductId: 'SH', shares: 10 }));
  assert.equal((await allEvents(store)).map((e) => [e.type, e.revision,
    'amount' in e.data ? e.data.amount : null]),
  [['MemberAdmitted', 0n, null], ['AdmissionFeeCharged', 1n, '20.00']]);
});

test.run();
