import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { allEvents, memberWithSavings, ok, testLedger } from '../testSupport.ts';
import { shortDayReport } from './shortDayReport.fixture.ts';
import { tillOpened } from './tillOpened.fixture.ts';

const by = (id: string, on = '2024-04-02', actor = 'cashier') => ({ commandId: id, actor, on });
const at = { branchId: 'SONAGACHI' };
const till = { ...at, tillId: 'T1' };

// Rs 2,00,000.00 in the vault; 50,000.00 to till T1; two deposits, a withdrawal.
const openDay = () => tillOpened([['M1', '5000'], ['M2', '1000']]);

test('a branch\'s day: opening cash, members at the till, a count 50 short, the close',
  async () => {
  const { store, ledger } = await openDay();
  const d1 = await ledger.cashAtTill({ ...by('d1'), ...till, type: 'MakeDeposit',
    accountId: 'SB-M1', amount: '3000' });
  const d2 = await ledger.cashAtTill({ ...by('d2'), ...till, type: 'MakeDeposit',
    accountId: 'SB-M2', amount: '2500' });
  const w1 = await ledger.cashAtTill({ ...by('w1'), ...till, type: 'Withdraw',
    accountId: 'SB-M1', amount: '1200' });
  assert.equal([d1.status, d2.status, w1.status], ['completed', 'completed', 'completed']);
  // 50,000 + 3,000 + 2,500 - 1,200 = 54,300.00 in the book.
  assert.equal((await ledger.tillPositions(at)).tills,
    [{ tillId: 'T1', cash: '54300.00', counted: false }]);
  ok(await ledger.countTillCash({ ...by('count'), ...till, counted: '54250' }));
  ok(await ledger.transferBranchCash({ ...by('back'), ...at, fromTill: 'T1', toTill: null,
    amount: '54250' }));
  ok(await ledger.closeBranchDay({ ...by('close'), ...at }));
  // 2,00,000 - 50,000 + 54,250 = 2,04,250.00 in the vault at the close.
  assert.equal(await ledger.tillPositions(at), { branchId: 'SONAGACHI', vault: '204250.00',
    tills: [{ tillId: 'T1', cash: '0.00', counted: true }], closedThrough: '2024-04-02' });
  // The 50.00 short is an expense, out of "Cash in hand": members' cash 6,000 + 3,000 + 2,500
  // - 1,200 (and 100 + 100 of shares, the setup's) = 10,500.00, less 50.00 = 10,450.00.
  const tb = await ledger.trialBalance();
  const row = (code: string) => tb.rows.find((r) => r.code === code);
  assert.equal([row('5400')?.debit, row('1100')?.debit], [5_000n, 1_045_000n]);
  assert.is(tb.totalDebit, tb.totalCredit);
  const late = await ledger.cashAtTill({ ...by('d3'), ...till, type: 'MakeDeposit',
    accountId: 'SB-M1', amount: '10' });
  assert.is(late.status === 'rejected' ? late.rejection.type : late.status, 'branch_day_closed');
  const types = (await allEvents(store)).filter((e) => e.stream === 'deposit-SB-M1')
    .map((e) => `${e.type} ${'amount' in e.data ? e.data.amount : ''}`);
  assert.equal(types.slice(-2), ['Deposited 3000.00', 'Withdrawn 1200.00']);
  assert.snapshot(await ledger.dayCashReport({ ...at, on: '2024-04-02' }),
    shortDayReport('2024-04-02'));
});

const refusal = (o: { readonly status: string }) =>
  'rejection' in o ? o.rejection : o.status;

test('cash the till or the account cannot give is refused; nothing is stored', async () => {
  const { store, ledger } = await openDay();
  await memberWithSavings(ledger, 'M3', '80000');
  // The books' events: a refused process keeps its claim (ProcessClaimed), as a refused
  // command keeps its id's claim on EventStoreDB.
  const books = async () => (await allEvents(store)).filter((e) => e.type !== 'ProcessClaimed');
  const before = (await books()).length;
  const tooMuch = await ledger.cashAtTill({ ...by('w9'), ...till, type: 'Withdraw',
    accountId: 'SB-M3', amount: '50000.01' });
  assert.equal(refusal(tooMuch), { type: 'cash_short', branchId: 'SONAGACHI', place: 'T1',
    available: '50000.00', requested: '50000.01' });
  const overdrawn = await ledger.cashAtTill({ ...by('w10'), ...till, type: 'Withdraw',
    accountId: 'SB-M1', amount: '5000.01' });
  assert.equal(refusal(overdrawn), { type: 'insufficient_balance', balance: '5000.00',
    requested: '5000.01' });
  assert.is((await books()).length, before);
});

test('stopped after the till\'s step, the next Ledger to open completes the account\'s',
  async () => {
    const { store } = await openDay();
    // A store that fails every append after the next two (the process's claim, the till's
    // step): the Ledger dies between the steps.
    let left = 2;
    const dying = { ...store, appendToStream: ((stream, events, o) => {
      if (left <= 0) return Promise.reject(new Error('power cut'));
      left -= 1;
      return store.appendToStream(stream, events, o);
    }) satisfies typeof store.appendToStream };
    const first = await testLedger(dying);
    await first.cashAtTill({ ...by('d1'), ...till, type: 'MakeDeposit', accountId: 'SB-M1',
      amount: '3000' }).catch(() => undefined);
    const count = async (type: string) =>
      (await allEvents(store)).filter((e) => e.type === type).length;
    assert.equal([await count('TillCashMoved'), await count('Deposited')], [1, 2]);
    const next = await testLedger(store);
    assert.equal(next.resumed.map((p) => p.status), ['completed']);
    assert.equal([await count('TillCashMoved'), await count('Deposited')], [1, 3]);
    assert.equal((await next.tillPositions(at)).tills[0]?.cash, '53000.00');
  });

test('cash recorded without a till (as older logs hold it) is in no till: unassigned',
  async () => {
    const { ledger } = await openDay();
    ok(await ledger.makeDeposit({ ...by('plain'), accountId: 'SB-M1', amount: '700',
      source: 'cash' }));
    assert.equal(await ledger.tillPositions(at), { branchId: 'SONAGACHI', vault: '150000.00',
      tills: [{ tillId: 'T1', cash: '50000.00', counted: false }], closedThrough: null });
  });

test('a loan paid out in cash leaves the till; a repayment comes back into it', async () => {
  const { ledger } = await openDay();
  const loan = { loanId: 'L1' };
  ok(await ledger.applyForLoan({ ...by('apply', '2024-04-02', 'clerk'), ...loan, memberId: 'M1',
    productId: 'LN', principal: '12000', repayments: 12, firstRepaymentOn: null }));
  ok(await ledger.approveLoan({ ...by('approve', '2024-04-02', 'manager'), ...loan,
    principal: '12000' }));
  const out = await ledger.cashAtTill({ ...by('pay'), ...till, type: 'DisburseLoan', ...loan,
    amount: '12000' });
  // A month on: nothing is due on the day it is paid out.
  const back = await ledger.cashAtTill({ ...by('rep', '2024-05-02'), ...till,
    type: 'RecordRepayment',
    ...loan, amount: '1000' });
  assert.equal([refusal(out), refusal(back)], ['completed', 'completed']);
  // 50,000 - 12,000 + 1,000 = 39,000.00
  assert.is((await ledger.tillPositions(at)).tills[0]?.cash, '39000.00');
});

test.run();
