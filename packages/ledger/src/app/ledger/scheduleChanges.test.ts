// A loan whose schedule changes, end to end through the Ledger on the file store: paid out in
// two tranches, prepaid (the EMI recalculated smaller), rescheduled, then topped up by a new
// loan that pays it off. The passbook and the books are checked figure by figure.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { moneyString } from '@usha/domain';
import type { EventStore } from '../../eventStore/port.ts';
import { openFileEventStore } from '../../file/fileEventStore.ts';
import { ledgerEventSchema, type LedgerEvent } from '../log/ledgerEvent.ts';
import { allEvents, memberWithSavings, ok, testLedger } from '../testSupport.ts';
import { scheduleProducts as products } from './scheduleProducts.fixture.ts';

const withLog = async (f: (file: string) => Promise<void>) => {
  const dir = await mkdtemp(join(tmpdir(), 'usha-schedule-'));
  try { await f(join(dir, 'usha.ndjson')); } finally {
    await rm(dir, { recursive: true, force: true });
  }
};

const by = (commandId: string, on: string, actor = 'clerk') => ({ commandId, actor, on });
const open = (file: string) => openFileEventStore({ file, schema: ledgerEventSchema });
type Ledger = Awaited<ReturnType<typeof testLedger>>;

// L1 (12,000 approved) paid out in two tranches, 5,000 repaid on its first due date (more
// than the instalment: the rest of the schedule recalculated), two more repayments added from
// 1 July; then L2 (20,000) approved to top it up.
const story = async (ledger: Ledger, l2 = '20000') => {
  await memberWithSavings(ledger, 'M1', '1000');
  ok(await ledger.applyForLoan({ ...by('apply-1', '2024-04-01'), loanId: 'L1', memberId: 'M1',
    productId: 'LT', principal: '12000', repayments: 6, firstRepaymentOn: null }));
  ok(await ledger.approveLoan({ ...by('approve-1', '2024-04-01', 'mgr'), loanId: 'L1',
    principal: '12000' }));
  ok(await ledger.disburseLoan({ ...by('disburse-1', '2024-04-01'), loanId: 'L1',
    amount: '6000' }));
  ok(await ledger.disburseTranche({ ...by('tranche-2', '2024-04-15'), loanId: 'L1',
    amount: '6000' }));
  ok(await ledger.recordRepayment({ ...by('repay-1', '2024-05-01'), loanId: 'L1',
    amount: '5000' }));
  ok(await ledger.rescheduleLoan({ ...by('reschedule', '2024-06-10', 'mgr'), loanId: 'L1',
    from: '2024-07-01', kind: 'rescheduled', change: { extraRepayments: 2 },
    requestedBy: 'clerk' }));
  ok(await ledger.applyForLoan({ ...by('apply-2', '2024-07-10'), loanId: 'L2',
    memberId: 'M1', productId: 'LT', principal: l2, repayments: 6, firstRepaymentOn: null }));
  ok(await ledger.approveLoan({ ...by('approve-2', '2024-07-10', 'mgr'), loanId: 'L2',
    principal: l2 }));
};
const topUp = (ledger: Ledger) =>
  ledger.topUpLoan({ ...by('top-up', '2024-07-10'), loanId: 'L2', topUpOf: 'L1' });

// A loan page as [date, particulars, debit, credit, balance], amounts as rupees.
const page = async (ledger: Ledger, accountId: string) =>
  (await ledger.passbook('M1', { accountId })).pages[0]?.lines.map((l) => [l.on,
    l.particulars, moneyString(l.withdrawal), moneyString(l.deposit), moneyString(l.balance)]);

// The trial balance's accounts that are not zero, as [code, debit - credit] in rupees.
const books = async (ledger: Ledger) => (await ledger.trialBalance()).rows
  .filter((r) => r.debit !== r.credit).map((r) => [r.code, r.debit - r.credit]);

test('tranches, a prepayment, a reschedule and a top-up, line by line in the passbook', () =>
  withLog(async (file) => {
    const store = await open(file);
    const ledger = await testLedger(store, { products });
    await story(ledger);
    assert.is((await topUp(ledger)).status, 'completed');
    assert.equal(await page(ledger, 'L1'), [
      ['2024-04-01', 'To loan disbursed', '6000.00', '0.00', '6000.00'],
      ['2024-04-15', 'To tranche 2 disbursed', '6000.00', '0.00', '12000.00'],
      ['2024-05-01', 'By repayment: principal 4909.26, interest 90.74, penalties 0.00, '
        + 'fees 0.00', '0.00', '5000.00', '7090.74'],
      ['2024-05-01', 'Schedule recalculated (reduce-emi): 5 instalments left, next 1460.38 '
        + 'on 2024-06-01', '0.00', '0.00', '7090.74'],
      ['2024-06-10', 'Rescheduled from 2024-07-01 (2 more repayments): 6 instalments left, '
        + 'next 983.11 on 2024-07-01', '0.00', '0.00', '7090.74'],
      // All it owed on the day: the principal outstanding and the interest due by then.
      ['2024-07-10', 'By top-up loan L2: principal 7090.74, interest 126.16, penalties 0.00, '
        + 'fees 0.00', '0.00', '7216.90', '0.00'],
    ]);
    assert.equal(await page(ledger, 'L2'), [['2024-07-10',
      'To loan disbursed: L1 paid off 7216.90, paid out 12783.10', '20000.00', '0.00',
      '20000.00']]);
    // Cash: 100 shares + 1,000 saved - 6,000 - 6,000 + 5,000 repaid - 12,783.10 paid out of
    // L2; the loans are L2 alone; interest 90.74 + 126.16; top-up clearing back to zero.
    assert.equal(await books(ledger), [['1100', -1868310n], ['1200', 2000000n],
      ['2100', -100000n], ['3100', -10000n], ['4100', -21690n]]);
    // The top-up gross in the receipts and payments of its day: they net to the cash paid out.
    const rp = await ledger.receiptsAndPayments({ from: '2024-07-10', to: '2024-07-10' });
    assert.equal([rp.receipts, rp.payments].map((hs) => hs.filter((h) => h.amount !== 0n)
      .map((h) => [h.head, h.amount])), [[['Loans paid off by top-up', 721690n]],
      [['Loans disbursed', 2000000n]]]);
    const l1 = (await ledger.balances('M1'))?.loans.find((l) => l.loanId === 'L1');
    assert.equal([l1?.status, l1?.disbursed, l1?.principalRepaid, l1?.interestPaid],
      ['closed', 1200000n, 1200000n, 21690n]);
    await ledger.close();
    await store.close();
  }));

test('as of a date before the reschedule, the loan is due as the schedule then in force said',
  () => withLog(async (file) => {
    const store = await open(file);
    const ledger = await testLedger(store, { products });
    await story(ledger);
    const due = async (asOf: string) => {
      const l = (await ledger.balances('M1', { asOf }))?.loans.find((x) => x.loanId === 'L1');
      return [l?.scheduleLength, l?.position.principalDue, l?.position.daysPastDue];
    };
    // Recalculated on 1 May: six rows, the 1 June instalment (principal 1,390.44) unpaid.
    assert.equal(await due('2024-06-05'), [6, 139044n, 4]);
    // Rescheduled on 10 June: two rows more, and the smaller 1 July instalment (principal
    // 926.89) due as well; 1 June is still the oldest unpaid.
    assert.equal(await due('2024-07-05'), [8, 139044n + 92689n, 34]);
    await ledger.close();
    await store.close();
  }));

// A store that refuses every append after `allowed` more: what a crash leaves on disk.
const cutAfter = (store: EventStore<LedgerEvent>, allowed: number): EventStore<LedgerEvent> => {
  let left = allowed;
  return { ...store, appendToStream: (stream, events, o) => {
    if (left <= 0) return Promise.reject(new Error('cut'));
    left -= 1;
    return store.appendToStream(stream, events, o);
  } };
};

test('a top-up cut short after its disbursement is completed at the next open, once', () =>
  withLog(async (file) => {
    const first = await open(file);
    const told = await testLedger(first, { products });
    await story(told);
    await told.close();
    // Its claim, then the disbursement.
    const cut = await testLedger(cutAfter(first, 2), { products });
    await topUp(cut).then(() => assert.unreachable('the payoff was not stored'), () => undefined);
    // Paid out, the old loan not yet paid off: its payoff waits in clearing (a credit).
    const between = await books(cut);
    assert.equal(between.filter(([code]) => code === '1200' || code === '1240'),
      [['1200', 2000000n + 709074n], ['1240', -721690n]]);
    await cut.close();
    await first.close();
    const store = await open(file);
    const ledger = await testLedger(store, { products });
    assert.equal(ledger.resumed.map((o) => [o.processId, o.status]), [['top-up', 'completed']]);
    assert.equal(ledger.resumed[0]?.steps.map((s) => s.status === 'accepted' && s.duplicate),
      [true, false], 'the disbursement recognised, the payoff applied');
    // The disbursement stored before the cut, the resuming Ledger's claim, then the rest.
    const types = (await allEvents(store)).slice(-4).map((e) => e.type);
    assert.equal(types, ['LoanDisbursed', 'ProcessClaimed', 'LoanPaidOffByTopUp', 'LoanClosed']);
    assert.equal((await books(ledger)).find(([code]) => code === '1240'), undefined);
    await ledger.close();
    await store.close();
    const again = await open(file);
    const third = await testLedger(again, { products });
    assert.is(third.resumed.length, 0, 'nothing to resume');
    await third.close();
    await again.close();
  }));

test('a top-up whose payoff is more than the new principal stores nothing', () =>
  withLog(async (file) => {
    const store = await open(file);
    const ledger = await testLedger(store, { products });
    await story(ledger, '5000');
    const before = (await allEvents(store)).length;
    const o = await topUp(ledger);
    assert.equal(o.status === 'rejected' && o.rejection, { type:
      'top_up_payoff_exceeds_principal', payoff: '7216.90', principal: '5000.00' });
    assert.is((await allEvents(store)).length, before);
    await ledger.close();
    await store.close();
  }));

test.run();
