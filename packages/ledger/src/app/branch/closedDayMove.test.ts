// A day's close lets its till movements go from the branch's state (a branch's state is its open
// days' movements, not its history). A later command naming one reads it back from the branch's
// stream: a release by hand, and no further back than it must.
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import type { EventStore } from '../../eventStore/port.ts';
import type { LedgerEvent } from '../log/ledgerEvent.ts';
import { allEvents, ok, testLedger } from '../testSupport.ts';
import { tillOpened } from './tillOpened.fixture.ts';

const by = (id: string, on: string, actor = 'cashier') => ({ commandId: id, actor, on });
const at = { branchId: 'SONAGACHI' };
const till = { ...at, tillId: 'T1' };
const refusal = (o: { readonly status: string }) => ('rejection' in o ? o.rejection : o.status);
type TestLedger = Awaited<ReturnType<typeof testLedger>>;

const cash = async (ledger: TestLedger) => (await ledger.tillPositions(at)).tills[0]?.cash;
const deposit = async (ledger: TestLedger, id: string, on: string, amount: string) =>
  assert.is((await ledger.cashAtTill({ ...by(id, on), ...till, type: 'MakeDeposit',
    accountId: 'SB-M1', amount })).status, 'completed');
// The till counted at its book, and the day closed.
const closeDay = async (ledger: TestLedger, on: string) => {
  ok(await ledger.countTillCash({ ...by(`count-${on}`, on), ...till,
    counted: (await cash(ledger)) ?? '0' }));
  ok(await ledger.closeBranchDay({ ...by(`close-${on}`, on), ...at }));
};
const release = (id: string, on: string) => ({ type: 'ReleaseTillCash' as const,
  data: { ...by(id, on), ...at, stepId: 'd1:account' } });

test('a movement of a day closed since is released by hand on a later day once its step is '
  + 'reversed: read back from the branch\'s stream, released once', async () => {
  const { store, ledger } = await tillOpened([['M1', '5000']]);
  await deposit(ledger, 'd1', '2024-04-02', '3000');
  await closeDay(ledger, '2024-04-02');
  await deposit(ledger, 'd2', '2024-04-03', '700');
  // Her deposit stands: its till side stays (the stream her step is on is named).
  assert.equal(refusal(await ledger.execute(release('back-0', '2024-04-03'))),
    { type: 'step_stands', branchId: 'SONAGACHI', stepId: 'd1:account',
      stream: 'deposit-SB-M1' });
  ok(await ledger.execute({ type: 'ReverseEvent', data: { ...by('rv-1', '2024-04-03',
    'manager'), aggregate: 'deposit', aggregateId: 'SB-M1', eventId: 'd1:account.0',
    reason: 'entry_error' } }));
  // 50,000.00 + 3,000.00 counted on the 2nd, + 700.00 on the 3rd, - 3,000.00 handed back.
  assert.is(await cash(ledger), '53700.00');
  ok(await ledger.execute(release('back-1', '2024-04-03')));
  assert.is(await cash(ledger), '50700.00');
  assert.equal(refusal(await ledger.execute(release('back-2', '2024-04-03'))),
    { type: 'already_reversed', eventId: 'd1:account' });
  // A second Ledger, whose state of the branch is folded from the stream, refuses it the same.
  const second = await testLedger(store);
  assert.equal(refusal(await second.execute(release('back-3', '2024-04-03'))),
    { type: 'already_reversed', eventId: 'd1:account' });
  // The release's own day closed too: both are read back, the release first.
  await closeDay(ledger, '2024-04-03');
  for (const l of [ledger, second]) {
    assert.equal(refusal(await l.execute(release(`back-4-${l === ledger}`, '2024-04-04'))),
      { type: 'already_reversed', eventId: 'd1:account' });
  }
  assert.is(await cash(ledger), '50700.00');
});

// A store that counts the events each backwards read of the branch's stream from a revision
// yields (a read of its last event alone, to check a refusal's facts, is not counted).
const counting = (store: EventStore<LedgerEvent>) => {
  const read = { back: [] as number[] };
  const wrapped: EventStore<LedgerEvent> = new Proxy(store, {
    get: (s, k) => (k !== 'readStream' ? Reflect.get(s, k)
      : (stream: string, o?: Parameters<typeof store.readStream>[1]) => {
        const inner = s.readStream(stream, o);
        if (stream !== 'branch-SONAGACHI' || o?.direction !== 'backwards'
          || typeof o.fromRevision !== 'bigint') return inner;
        const at = read.back.push(0) - 1;
        return (async function* () {
          for await (const e of inner) { read.back[at] = (read.back[at] ?? 0) + 1; yield e; }
        })();
      }),
  });
  return { wrapped, read };
};

test('a command a till step may be named by, refused for its closed day, reads the branch\'s '
  + 'stream back through its own date only; one sent by hand, or on an open day, reads none',
async () => {
  const { store: base } = await tillOpened([['M1', '5000']]);
  const { wrapped, read } = counting(base);
  const ledger = await testLedger(wrapped);
  for (const on of ['2024-04-02', '2024-04-03', '2024-04-04']) {
    await deposit(ledger, `d-${on}`, on, '100');
    await closeDay(ledger, on);
  }
  const events = (await allEvents(base)).length;
  const late = (id: string, on = '2024-04-04') => ledger.makeDeposit({ ...by(id, on, 'clerk'),
    accountId: 'SB-M1', amount: '10', source: 'cash' });
  const closed = (on: string) => ({ type: 'branch_day_closed', branchId: 'SONAGACHI',
    closedThrough: '2024-04-04', on });
  // An id a cashAtTill account step has: its own movement is looked for, on its own day.
  read.back = [];
  assert.equal(refusal(await late('late:account')), closed('2024-04-04'));
  // The 4th's close, count and deposit's till side, and the 3rd's close that ends the read
  // (of the stream's 11 events): on the held state, then again on the fresh read every refusal
  // is decided on.
  assert.equal(read.back, [4, 4]);
  // Any other id: her deposit sent by hand has no till movement to look for.
  read.back = [];
  assert.equal(refusal(await late('late', '2024-04-02')), closed('2024-04-02'));
  // A release the branch refuses before it looks at a movement: dated in a closed day.
  assert.equal(refusal(await ledger.execute(release('back-x', '2024-04-03'))),
    { type: 'branch_day_closed', branchId: 'SONAGACHI', closedThrough: '2024-04-04',
      on: '2024-04-03' });
  assert.equal(read.back, []);
  assert.is((await allEvents(base)).length, events);
  ok(await late('next', '2024-04-05'));
  assert.equal(read.back, []);
});

test.run();
