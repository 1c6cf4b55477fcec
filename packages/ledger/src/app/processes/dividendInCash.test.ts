import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { signedMoneyString } from '@usha/domain';
import { allEvents, memberWithSavings, memoryStore, ok, testLedger } from '../testSupport.ts';
import { declaredDividend } from './declaredDividend.fixture.ts';
import { Crash, dyingAfter } from './dyingStore.fixture.ts';

const netProfit = () => signedMoneyString(10_000_000n);
const year = { actor: 'board', societyId: 'USHA', financialYear: '2024-25' };

// M1 and M2 save; M3 holds 10 shares and no savings account. Each held 10 shares of Rs 10 all
// year: 10% of Rs 100 = Rs 10.00 each.
const society = async () => {
  const store = memoryStore();
  const l = await testLedger(store, { netProfit });
  for (const m of ['M1', 'M2']) await memberWithSavings(l, m, '1000');
  const by = (id: string) => ({ commandId: `M3-${id}`, actor: 'clerk', on: '2024-04-01' });
  ok(await l.admitMember({ ...by('admit'), memberId: 'M3', branchId: 'SONAGACHI',
    shareProductId: 'SH', shares: 10 }));
  ok(await l.purchaseShares({ ...by('shares'), accountId: 'SH-M3', memberId: 'M3',
    productId: 'SH', shares: 10 }));
  ok(await l.configureSociety({ commandId: 'cfg', actor: 'board', on: '2024-04-01',
    societyId: 'USHA', statutoryReservePercent: '25', dividendRateCapPercent: '15' }));
  assert.is((await l.closeFinancialYear({ ...year, commandId: 'fy', on: '2025-04-05' })).status,
    'completed');
  ok(await l.declareDividend({ ...year, commandId: 'div', on: '2025-04-10', ratePercent: '10' }));
  return { store, ledger: l };
};

const pay = { commandId: 'pay-M3', actor: 'cashier', on: '2025-04-20', accountId: 'SH-M3',
  memberId: 'M3', financialYear: '2024-25', amount: '10.00' };

test('a member without savings is paid her dividend in cash, once, and the run ends', async () => {
  const { store, ledger } = await society();
  const run = await ledger.creditDividends({ ...year, commandId: 'credit', on: '2025-04-11' });
  assert.is(run.status === 'completed' && run.skipped.length, 0);
  const steps = (await allEvents(store)).filter((e) => e.metadata.processId === 'credit');
  assert.equal(steps.map((e) => e.type), ['DividendAllocated', 'DividendCredited', 'Deposited',
    'DividendDeposited', 'DividendCredited', 'Deposited', 'DividendDeposited',
    'DividendPayableInCash', 'DividendRunEnded']);
  assert.equal(steps.map((e) => e.metadata.processEnd === true),
    [false, false, false, false, false, false, false, false, true],
    'the last step ends the run');
  const end = steps.at(-1);
  assert.equal(end?.type === 'DividendRunEnded' && [end.stream, end.data.credited,
    end.data.payableInCash, end.data.refused], ['society-USHA', 2, 1, 0]);
  const later = await ledger.creditDividends({ ...year, commandId: 'credit-2', on: '2025-04-12' });
  assert.equal(later.status === 'rejected' && later.rejection,
    { type: 'dividend_run_already_ended', financialYear: '2024-25' }, 'never run again');
  const reopened = await testLedger(store, { netProfit });
  assert.is(reopened.resumed.length, 0, 'nothing is run again at open');
  assert.equal(await reopened.unclaimedDividends(),
    [{ memberId: 'M3', financialYear: '2024-25', amount: '10.00' }]);
  const payable = async () => {
    const row = (await reopened.trialBalance()).rows.find((r) => r.code === '2300');
    return [row?.debit, row?.credit];
  };
  assert.equal(await payable(), [0n, 1000n], 'Rs 10.00 still payable to M3');

  const refused = await reopened.payDividendInCash({ ...pay, commandId: 'pay-x', amount: '9.99' });
  assert.equal(refused.status === 'rejected' && refused.rejection, { type:
    'dividend_amount_differs', financialYear: '2024-25', expected: '10.00', got: '9.99' });
  ok(await reopened.payDividendInCash(pay));
  const again = await reopened.payDividendInCash({ ...pay, commandId: 'pay-again' });
  assert.is(again.status === 'rejected' && again.rejection.type, 'dividend_already_paid');
  const credited = await reopened.payDividendInCash({ ...pay, commandId: 'pay-M1',
    accountId: 'SH-M1', memberId: 'M1' });
  assert.is(credited.status === 'rejected' && credited.rejection.type,
    'dividend_already_credited');

  assert.equal(await reopened.unclaimedDividends(), []);
  assert.equal(await reopened.unclaimedDividends({ asOf: '2025-04-19' }),
    [{ memberId: 'M3', financialYear: '2024-25', amount: '10.00' }], 'unpaid the day before');
  // As known when the run ended (before the payment was stored): still unclaimed.
  assert.ok(end !== undefined);
  assert.equal(await reopened.unclaimedDividends({ asKnownAt: end.position }),
    [{ memberId: 'M3', financialYear: '2024-25', amount: '10.00' }], 'unpaid as then known');
  assert.equal(await payable(), [0n, 0n], 'dividends payable back to zero');
  const tb = await reopened.trialBalance();
  assert.is(tb.totalDebit, tb.totalCredit);
  const book = await reopened.passbook('M3', 'SH-M3');
  assert.equal(book.pages[0]?.lines.slice(-2).map((l) => [l.on, l.particulars]), [
    ['2025-04-11', 'Dividend 2024-25 10.00 payable in cash'],
    ['2025-04-20', 'Dividend 2024-25 10.00 paid in cash'],
  ]);
  await reopened.close();
});

test('a member whose savings hold an event dated after the run is paid in cash: her part is '
  + 'never credited and left awaiting deposit', async () => {
  const { store, ledger } = await society();
  // Entered before the run, dated after it: a deposit dated the run's day would be refused.
  ok(await ledger.makeDeposit({ commandId: 'later', actor: 'cashier', on: '2025-05-10',
    accountId: 'SB-M1', amount: '50', source: 'cash' }));
  const run = await ledger.creditDividends({ ...year, commandId: 'credit', on: '2025-04-11' });
  assert.is(run.status === 'completed' && run.skipped.length, 0);
  const steps = (await allEvents(store)).filter((e) => e.metadata.processId === 'credit');
  assert.equal(steps.map((e) => `${e.type} ${'memberId' in e.data ? String(e.data.memberId)
    : ''}`.trim()), ['DividendAllocated', 'DividendPayableInCash M1', 'DividendCredited M2',
    'Deposited M2', 'DividendDeposited M2', 'DividendPayableInCash M3', 'DividendRunEnded']);
  const tb = await ledger.trialBalance({});
  const row = (code: string) => tb.rows.find((r) => r.code === code);
  // Rs 20.00 payable in cash (M1, M3), nothing awaiting deposit.
  assert.equal([row('2300')?.credit, row('2310')?.credit ?? 0n, row('2310')?.debit ?? 0n],
    [2000n, 0n, 0n]);
});

test('a part a run refused (her shares hold an event dated after it) is paid by a later run, '
  + 'which passes over the parts paid; once none is refused, no run is started again',
async () => {
  const { store, ledger } = await society();
  // Recorded before the run, dated after it: the run cannot decide her year on its date.
  ok(await ledger.purchaseShares({ commandId: 'M3-more', actor: 'clerk', on: '2025-05-01',
    accountId: 'SH-M3', memberId: 'M3', productId: 'SH', shares: 1 }));
  const first = await ledger.creditDividends({ ...year, commandId: 'credit', on: '2025-04-11' });
  assert.equal(first.status === 'completed' && first.skipped, [{ id: 'M3', rejection:
    { type: 'date_before_last_event', on: '2025-04-11', lastOn: '2025-05-01' } }]);
  const stepsOf = async (pid: string) => (await allEvents(store))
    .filter((e) => e.metadata.processId === pid)
    .map((e) => `${e.type} ${'memberId' in e.data ? String(e.data.memberId) : ''}`.trim());
  assert.equal((await stepsOf('credit')).slice(-1), ['DividendRunEnded']);
  const count = async () => (await allEvents(store)).length;
  const before = await count();
  // Still dated before her last event: refused as her part was, nothing stored.
  const early = await ledger.creditDividends({ ...year, commandId: 'early', on: '2025-04-30' });
  assert.equal(early.status === 'rejected' && early.rejection,
    { type: 'date_before_last_event', on: '2025-04-30', lastOn: '2025-05-01' });
  assert.is(await count(), before);
  const later = await ledger.creditDividends({ ...year, commandId: 'credit-2', on: '2025-05-02' });
  assert.equal(later.status === 'completed' && later.skipped, []);
  assert.equal(await stepsOf('credit-2'), ['DividendPayableInCash M3', 'DividendRunEnded']);
  const end = (await allEvents(store)).filter((e) => e.type === 'DividendRunEnded')
    .map((e) => e.type === 'DividendRunEnded'
      && [e.data.on, e.data.credited, e.data.payableInCash, e.data.refused]);
  assert.equal(end, [['2025-04-11', 2, 0, 1], ['2025-05-02', 0, 1, 0]]);
  const third = await ledger.creditDividends({ ...year, commandId: 'credit-3', on: '2025-05-03' });
  assert.equal(third.status === 'rejected' && third.rejection,
    { type: 'dividend_run_already_ended', financialYear: '2024-25' }, 'none refused: never again');
  assert.equal(await ledger.unclaimedDividends(),
    [{ memberId: 'M3', financialYear: '2024-25', amount: '10.00' }]);
  const tb = await ledger.trialBalance({});
  const row = (code: string) => tb.rows.find((r) => r.code === code);
  // M1 and M2 credited once each (Rs 20.00 into savings), M3's Rs 10.00 payable in cash.
  assert.equal([row('2300')?.credit, row('2310')?.credit ?? 0n, row('2310')?.debit ?? 0n],
    [1000n, 0n, 0n]);
  assert.is(tb.totalDebit, tb.totalCredit);
});

// M2 and M3 refused by the first run (share events dated after it); then instance A's later
// run dies after its claim and M2's credit, before her deposit. B is another instance.
const cutShortAfterCredit = async () => {
  const { store, ledger: l } = await declaredDividend(['M1', 'M2', 'M3']);
  for (const m of ['M2', 'M3']) {
    ok(await l.purchaseShares({ commandId: `${m}-more`, actor: 'clerk', on: '2025-05-01',
      accountId: `SH-${m}`, memberId: m, productId: 'SH', shares: 1 }));
  }
  const first = await l.creditDividends({ ...year, commandId: 'credit', on: '2025-04-11' });
  assert.equal(first.status === 'completed' && first.skipped.map((x) => x.id), ['M2', 'M3']);
  const other = await testLedger(store, { netProfit, processClaims: { claimant: 'instance-B' } });
  const dying = await testLedger(dyingAfter(store, 2), { netProfit });
  const died = await dying.creditDividends({ ...year, commandId: 'credit-2', on: '2025-05-02' })
    .then(() => undefined, (e: unknown) => e);
  assert.instance(died, Crash);
  return { store, other };
};

const endsOf = async (store: ReturnType<typeof memoryStore>) =>
  (await allEvents(store)).filter((e) => e.type === 'DividendRunEnded').map((e) =>
    e.type === 'DividendRunEnded' && [e.metadata.processId, e.data.on, e.data.credited,
      e.data.payableInCash, e.data.refused]);

const paidOnce = async (store: ReturnType<typeof memoryStore>) => {
  assert.equal((await allEvents(store)).filter((e) => e.type === 'DividendDeposited')
    .map((e) => e.stream), ['deposit-SB-M1', 'deposit-SB-M2', 'deposit-SB-M3']);
  const tb = await (await testLedger(store, { netProfit })).trialBalance({});
  const row = tb.rows.find((r) => r.code === '2310');
  assert.equal([row?.debit ?? 0n, row?.credit ?? 0n], [0n, 0n], 'nothing awaits deposit');
  assert.equal((await testLedger(store, { netProfit })).resumed, [], 'nothing left to resume');
};

test('a later run cut short after a credit: another instance\'s later run deposits it, and the '
  + 'cut-short run completes at the next open, paying and counting nothing twice', async () => {
  const { store, other } = await cutShortAfterCredit();
  const r3 = await other.creditDividends({ ...year, commandId: 'credit-3', on: '2025-05-03' });
  assert.equal(r3.status === 'completed' && r3.skipped, []);
  const reopened = await testLedger(store, { netProfit });
  assert.equal(reopened.resumed.map((o) => [o.processId, o.status]), [['credit-2', 'completed']]);
  assert.equal(await endsOf(store), [
    ['credit', '2025-04-11', 1, 0, 2],
    ['credit-3', '2025-05-03', 2, 0, 0], // M2's credit (by credit-2) deposited, M3 credited
    ['credit-2', '2025-05-02', 0, 0, 0], // its end on its own date, counting nothing twice
  ]);
  await paidOnce(store);
});

test('the run that deposits another run\'s credit, cut short after that deposit, counts it when '
  + 'completed: each part counted once over the runs', async () => {
  const { store } = await cutShortAfterCredit();
  // B's later run dies after its claim and M2's deposit, before M3.
  const dying = await testLedger(dyingAfter(store, 2),
    { netProfit, processClaims: { claimant: 'instance-B' } });
  const died = await dying.creditDividends({ ...year, commandId: 'credit-3', on: '2025-05-03' })
    .then(() => undefined, (e: unknown) => e);
  assert.instance(died, Crash);
  // Each instance restarted resumes its own claim: A's run first, then B's.
  const a = await testLedger(store, { netProfit });
  assert.equal(a.resumed.map((o) => [o.processId, o.status]), [['credit-2', 'completed']]);
  const b = await testLedger(store, { netProfit, processClaims: { claimant: 'instance-B' } });
  assert.equal(b.resumed.map((o) => [o.processId, o.status]), [['credit-3', 'completed']]);
  assert.equal(await endsOf(store), [
    ['credit', '2025-04-11', 1, 0, 2],
    ['credit-2', '2025-05-02', 1, 0, 0], // M3 credited; M2's credit deposited by credit-3
    ['credit-3', '2025-05-03', 1, 0, 0], // its deposit of M2's credit, sent again and counted
  ]);
  await paidOnce(store);
});

test.run();
