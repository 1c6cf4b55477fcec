import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { parReport, replayAsync } from '@usha/projections';
import type { EventStore } from '../../eventStore/port.ts';
import type { LedgerEvent } from '../log/ledgerEvent.ts';
import { memoryStore, ok, testLedger } from '../testSupport.ts';
import { portfolioAsOf } from './datedPortfolio.ts';
import { reportProjection } from './reportProjection.ts';

const by = (commandId: string, on: string, actor = 'maker') => ({ commandId, actor, on });

// M1 borrows Rs 12,000 on 1 May 2024 (6 months, EMI 2,070.58) and repays one instalment on
// 1 June; M2 borrows the same on 1 April, repays on 1 May and 1 July, and moves to KALIGHAT
// on 1 August. Every member of branch SONAGACHI.
const society = async (store = memoryStore()) => {
  const ledger = await testLedger(store);
  const loan = async (m: string, l: string, on: string) => {
    ok(await ledger.admitMember({ ...by(`admit-${m}`, '2024-04-01'), memberId: m,
      branchId: 'SONAGACHI', shareProductId: 'SH', shares: 10 }));
    ok(await ledger.applyForLoan({ ...by(`apply-${l}`, on), loanId: l, memberId: m,
      productId: 'LN', principal: '12000', repayments: 6, firstRepaymentOn: null }));
    ok(await ledger.approveLoan({ ...by(`approve-${l}`, on, 'checker'), loanId: l,
      principal: '12000' }));
    ok(await ledger.disburseLoan({ ...by(`disburse-${l}`, on), loanId: l }));
  };
  const repay = async (l: string, on: string) => ok(await ledger.recordRepayment({
    ...by(`repay-${l}-${on}`, on), loanId: l, amount: '2070.58' }));
  await loan('M1', 'L1', '2024-05-01');
  await loan('M2', 'L2', '2024-04-01');
  await repay('L2', '2024-05-01');
  await repay('L1', '2024-06-01');
  await repay('L2', '2024-07-01');
  ok(await ledger.transferMember({ ...by('move-M2', '2024-08-01'), memberId: 'M2',
    to: 'KALIGHAT' }));
  return { store, ledger };
};

// The store, counting the streams read one by one.
const counting = (store: EventStore<LedgerEvent>) => {
  const read: string[] = [];
  const counted: EventStore<LedgerEvent> = { ...store,
    readStream: (s, o) => { read.push(s); return store.readStream(s, o); } };
  return { read, counted };
};

test('a past date reads again only the streams with events on both sides of it', async () => {
  const { store, ledger } = await society();
  const live = await ledger.reportState();
  const { read, counted } = counting(store);
  const asOf = '2024-06-15';
  const r = await portfolioAsOf({ store: counted, balances: live.states.balances,
    spans: live.states.spans, knownAt: live.cursor.position }, asOf);
  // L1 has no event after 15 June and M1 none after her admission: the live state holds them.
  // L2's second instalment fell due on 1 June and is paid on 1 July: 14 days late on the 15th.
  assert.equal(read, ['loan-L2', 'member-M2']);
  assert.equal(r?.loans.map((l) => [l.loanId, l.branchId, l.daysPastDue, l.bucket]),
    [['L1', 'SONAGACHI', 0, 'current'], ['L2', 'SONAGACHI', 14, '1-30']]);
  assert.equal([r?.overall.activeLoans, r?.overall.principalOutstanding],
    [2, 1004942n + 1004942n]);
  const whole = await replayAsync(reportProjection(), store.readAll(), { asOf });
  assert.equal(r, parReport(whole.states.balances, { asOf }));
  await ledger.close();
});

test('a date before a loan\'s first event leaves it out without reading it', async () => {
  const { store, ledger } = await society();
  const live = await ledger.reportState();
  const { read, counted } = counting(store);
  const r = await portfolioAsOf({ store: counted, balances: live.states.balances,
    spans: live.states.spans, knownAt: live.cursor.position }, '2024-04-15');
  assert.equal(read, ['loan-L2', 'member-M2']);
  assert.equal(r?.loans.map((l) => l.loanId), ['L2']);
  assert.is(r?.overall.principalOutstanding, 1200000n);
  await ledger.close();
});

test('spans of events without a stream are not trusted: the caller replays', async () => {
  const { store, ledger } = await society();
  const live = await ledger.reportState();
  const r = await portfolioAsOf({ store, balances: live.states.balances,
    spans: { ...live.states.spans, complete: false }, knownAt: live.cursor.position },
  '2024-06-15');
  assert.is(r, undefined);
  await ledger.close();
});

test('once the report runner runs, the Ledger\'s past portfolio reads no whole log', async () => {
  const reads = { all: 0, streams: [] as string[], on: false };
  const memory = memoryStore();
  const store: EventStore<LedgerEvent> = { ...memory,
    readAll: (o) => { if (reads.on) reads.all += 1; return memory.readAll(o); },
    readStream: (s, o) => { if (reads.on) reads.streams.push(s); return memory.readStream(s, o); },
  };
  const { ledger } = await society(store);
  assert.is((await ledger.par()).activeLoans, 2); // the runner starts, reads the log, follows
  reads.on = true;
  const asOf = '2024-06-15';
  const june = await ledger.portfolio({ asOf });
  const atRisk = await ledger.par({ asOf, branchId: 'SONAGACHI' });
  reads.on = false;
  assert.equal([reads.all, reads.streams],
    [0, ['loan-L2', 'member-M2', 'loan-L2', 'member-M2']]);
  const whole = await replayAsync(reportProjection(), memory.readAll(), { asOf });
  assert.equal(june, parReport(whole.states.balances, { asOf }));
  assert.equal([atRisk.activeLoans, atRisk.atRisk30, atRisk.arrears], [2, 0n, 207058n]);
  await ledger.close();
});

test.run();
