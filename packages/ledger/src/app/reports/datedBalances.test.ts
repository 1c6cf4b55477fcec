import { test } from 'uvu';
import * as assert from 'uvu/assert';
import type { EventStore } from '../../eventStore/port.ts';
import type { LedgerEvent } from '../log/ledgerEvent.ts';
import { isAccepted } from '../commands/outcome.ts';
import { allEvents, memberWithSavings, memoryStore, ok, testLedger } from '../testSupport.ts';

const by = (commandId: string, on: string, actor = 'clerk') => ({ commandId, actor, on });

// A store that counts the events each kind of read delivers.
const counting = (store: EventStore<LedgerEvent>) => {
  const read = { all: 0, streams: 0 };
  const counted = async function* <T>(events: AsyncIterable<T>, kind: 'all' | 'streams') {
    for await (const e of events) {
      read[kind] += 1;
      yield e;
    }
  };
  const wrapped: EventStore<LedgerEvent> = {
    ...store,
    readAll: (o) => counted(store.readAll(o), 'all'),
    readStream: (s, o) => counted(store.readStream(s, o), 'streams'),
  };
  return { read, store: wrapped };
};

// Three members of SONAGACHI admitted on 1 April 2024, each with Rs 100 of shares and Rs 1,000
// saved; M1 saves Rs 10 a month to September; M2 borrows Rs 12,000 on 1 May.
const society = async (o: { readonly runnerStarted: boolean } = { runnerStarted: true }) => {
  const plain = memoryStore();
  const ledger = await testLedger(plain);
  for (const m of ['M1', 'M2', 'M3']) await memberWithSavings(ledger, m, '1000');
  for (const month of ['05', '06', '07', '08', '09']) {
    ok(await ledger.makeDeposit({ ...by(`d-${month}`, `2024-${month}-01`), accountId: 'SB-M1',
      amount: '10', source: 'cash' }));
  }
  ok(await ledger.applyForLoan({ ...by('apply', '2024-05-01'), loanId: 'L2', memberId: 'M2',
    productId: 'LN', principal: '12000', repayments: 6, firstRepaymentOn: null }));
  ok(await ledger.approveLoan({ ...by('approve', '2024-05-01', 'checker'), loanId: 'L2',
    principal: '12000' }));
  const disbursed = ok(await ledger.disburseLoan({ ...by('disburse', '2024-05-01'),
    loanId: 'L2' }));
  if (!isAccepted(disbursed)) throw new Error('unreachable: ok() passed it');
  // A Ledger opened over that log reads it whole once (its indexes) and its report runner
  // once more at the first query; the counts start after both.
  const c = counting(plain);
  const opened = await testLedger(c.store);
  if (o.runnerStarted) await opened.balances('M1');
  c.read.all = 0;
  c.read.streams = 0;
  return { ...c, ledger: opened, disbursedAt: disbursed.position };
};

const streamEvents = async (store: EventStore<LedgerEvent>, streams: string[]) => {
  let n = 0;
  for (const s of streams) for await (const e of store.readStream(s)) if (e.stream === s) n += 1;
  return n;
};

test('balances as of a past date read her streams, not the whole log', async () => {
  const { ledger, read, store } = await society();
  const hers = ['member-M1', 'shares-M1', 'deposit-SB-M1'];
  const expected = await streamEvents(store, hers);
  read.streams = 0;
  const july = await ledger.balances('M1', { asOf: '2024-07-15' });
  assert.is(july?.deposits[0]?.balance, 103000n);
  // Her 10 events (admission, 2 opening notes, shares, account, 6 deposits) and, from
  // the log, only the catch-up's first event: the one at the position already read.
  assert.equal([expected, read.streams, read.all], [10, 10, 1]);
  assert.is(await ledger.balances('M9', { asOf: '2024-07-15' }), undefined);
});

test('the portfolio as of a past date folds the loans and members, not every event',
  async () => {
    const { ledger, read, store } = await society({ runnerStarted: false });
    const all = await allEvents(store);
    const folded = all.filter((e) => /^(loan|member)-/.test(e.stream)).length;
    read.all = 0;
    const june = await ledger.portfolio({ asOf: '2024-06-15' });
    assert.equal(june.loans.map((l) => [l.loanId, l.branchId, l.daysPastDue]),
      [['L2', 'SONAGACHI', 14]]);
    // Before the report runner runs: one pass over the log (and the catch-up's one event); 10
    // of its 24 events folded: 7 in the members' streams (admissions, opening notes), 3 in the
    // loan's.
    assert.equal([all.length, folded, read.all, read.streams], [24, 10, 25, 0]);
    // Once it runs, the live state answers: the loan's and its borrower's streams have no
    // event after 15 June, so none is read again, nor the log.
    await ledger.reportState();
    read.all = 0;
    read.streams = 0;
    assert.equal(await ledger.portfolio({ asOf: '2024-06-15' }), june);
    assert.equal([read.all, read.streams], [0, 0]);
  });

test('a dated query on a Ledger just opened does not start the report runner', async () => {
  const { ledger, read } = await society({ runnerStarted: false });
  const later = await ledger.balances('M1', { asOf: '2030-01-01' });
  assert.is(later?.deposits[0]?.balance, 105000n);
  assert.equal([read.streams, read.all], [10, 1]);
  // The live state, once started, gives the same statement for that date.
  await ledger.reportState();
  assert.equal(await ledger.balances('M1', { asOf: '2030-01-01' }), later);
});

test('as known at a point of the log, balances still replay the whole log', async () => {
  const { ledger, read, store, disbursedAt } = await society();
  const then = await ledger.balances('M1', { asOf: '2024-07-15', asKnownAt: disbursedAt });
  // M1's deposits were all recorded before the loan's disbursement.
  assert.is(then?.deposits[0]?.balance, 103000n);
  assert.equal([read.all, read.streams], [(await allEvents(store)).length, 0]);
});

test.run();
