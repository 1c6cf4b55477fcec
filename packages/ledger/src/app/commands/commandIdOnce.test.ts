// A command id is stored at most once, whichever streams it is sent to, by one Ledger or by
// several over one store, at once or after a restart.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { openFileEventStore } from '../../file/fileEventStore.ts';
import type { EventStore } from '../../eventStore/port.ts';
import { ledgerEventSchema, type LedgerEvent } from '../log/ledgerEvent.ts';
import { LedgerStoreError } from '../ledger/ledgerStoreError.ts';
import {
  allEvents, balanceOf, memberWithSavings, memoryStore, ok, testLedger,
} from '../testSupport.ts';
import type { CommandOutcome } from './outcome.ts';

const day = { actor: 'clerk', on: '2024-05-01' };
const withdrawal = { ...day, commandId: 'X-1', accountId: 'SB-A1', amount: '100' };
const deposit = {
  ...day, commandId: 'X-1', accountId: 'SB-B1', amount: '250', source: 'cash' as const,
};

const streamsOf = async (store: EventStore<LedgerEvent>, commandId: string) =>
  [...new Set((await allEvents(store)).filter((e) => e.metadata.commandId === commandId)
    .map((e) => e.stream))];

const rejectionOf = (o: CommandOutcome | undefined): string | undefined =>
  o?.status === 'rejected' ? o.rejection.type : undefined;

const twoMembers = async (store: EventStore<LedgerEvent>) => {
  const setup = await testLedger(store);
  await memberWithSavings(setup, 'A1', '1000');
  await memberWithSavings(setup, 'B1', '1000');
};

const withFileStore = async (body: (file: string) => Promise<void>) => {
  const dir = await mkdtemp(join(tmpdir(), 'usha-command-once-'));
  try {
    await body(join(dir, 'usha.ndjson'));
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
};

test('one id sent at once to two streams is stored in one of them only', async () => {
  const store = memoryStore();
  await twoMembers(store);
  const ledger = await testLedger(store);
  const [w, d] = await Promise.all([ledger.withdraw(withdrawal), ledger.makeDeposit(deposit)]);
  // Either may be first (both read facts before they append): one stored, the other refused.
  const wFirst = w.status === 'accepted';
  assert.equal([wFirst ? w.status : rejectionOf(w), wFirst ? rejectionOf(d) : d.status],
    wFirst ? ['accepted', 'command_id_reused'] : ['command_id_reused', 'accepted']);
  assert.equal(await streamsOf(store, 'X-1'), [wFirst ? 'deposit-SB-A1' : 'deposit-SB-B1']);
  // The retry of the stored request is its original outcome; the other stays refused.
  const [first, second] = wFirst ? [() => ledger.withdraw(withdrawal),
    () => ledger.makeDeposit(deposit)] : [() => ledger.makeDeposit(deposit),
    () => ledger.withdraw(withdrawal)];
  const again = await first();
  assert.equal([again.status, again.status === 'accepted' && again.duplicate], ['accepted', true]);
  assert.is(rejectionOf(await second()), 'command_id_reused');
  // 1,000.00 each, less 100.00 withdrawn from A1 or plus 250.00 deposited into B1.
  assert.equal([await balanceOf(ledger, store, 'SB-A1'), await balanceOf(ledger, store, 'SB-B1')],
    wFirst ? [90000n, 100000n] : [100000n, 125000n]);
});

test('a second Ledger opened earlier refuses an id the first stored since', async () => {
  const store = memoryStore();
  await twoMembers(store);
  const [a, b] = [await testLedger(store), await testLedger(store)];
  ok(await a.withdraw(withdrawal));
  const other = await b.makeDeposit(deposit);
  assert.is(rejectionOf(other), 'command_id_reused');
  assert.equal(other.status === 'rejected' && other.rejection,
    { type: 'command_id_reused', commandId: 'X-1', originalCommandType: 'Withdraw' });
  const same = await b.withdraw(withdrawal);
  assert.equal([same.status, same.status === 'accepted' && same.duplicate], ['accepted', true]);
  assert.equal(await streamsOf(store, 'X-1'), ['deposit-SB-A1']);
  assert.is(await balanceOf(a, store, 'SB-A1'), 90000n);
});

test('a second Ledger opened earlier, sent an id the first stored since in another stream, '
  + 'refuses it as reused even where the request itself would be refused', async () => {
  const store = memoryStore();
  await twoMembers(store);
  const [a, b] = [await testLedger(store), await testLedger(store)];
  // B has decided before (its first decision reads the log once, while no staff is appointed).
  ok(await b.makeDeposit({ ...deposit, commandId: 'B-first' }));
  ok(await a.withdraw(withdrawal));
  const tooMuch = await b.withdraw({ ...withdrawal, accountId: 'SB-B1', amount: '99999' });
  assert.equal(tooMuch.status === 'rejected' && tooMuch.rejection,
    { type: 'command_id_reused', commandId: 'X-1', originalCommandType: 'Withdraw' });
  // The request A stored, sent to B: its outcome, a duplicate.
  const same = await b.withdraw(withdrawal);
  assert.equal([same.status, same.status === 'accepted' && same.duplicate], ['accepted', true]);
  assert.equal(await streamsOf(store, 'X-1'), ['deposit-SB-A1']);
});

test('on the file store, across Ledgers and after a restart, an id is stored once', async () => {
  await withFileStore(async (file) => {
    const store = await openFileEventStore({ file, schema: ledgerEventSchema });
    await twoMembers(store);
    const [a, b] = [await testLedger(store), await testLedger(store)];
    const outcomes = await Promise.all([a.withdraw(withdrawal), b.makeDeposit(deposit)]);
    assert.equal(outcomes.map((o) => o.status).sort(), ['accepted', 'rejected']);
    assert.equal(outcomes.map(rejectionOf).filter(Boolean), ['command_id_reused']);
    const first = await streamsOf(store, 'X-1');
    assert.is(first.length, 1);
    await store.close();
    const reopened = await openFileEventStore({ file, schema: ledgerEventSchema });
    const c = await testLedger(reopened);
    const winner = outcomes[0]?.status === 'accepted' ? 'withdraw' : 'deposit';
    const retried = winner === 'withdraw' ? await c.withdraw(withdrawal)
      : await c.makeDeposit(deposit);
    assert.equal([retried.status, retried.status === 'accepted' && retried.duplicate],
      ['accepted', true]);
    const loser = winner === 'withdraw' ? await c.makeDeposit(deposit)
      : await c.withdraw(withdrawal);
    assert.is(rejectionOf(loser), 'command_id_reused');
    assert.equal(await streamsOf(reopened, 'X-1'), first);
    await reopened.close();
  });
});

test('a store that can neither refuse a shared id nor claim one is refused', async () => {
  const store = memoryStore();
  const { eventIdScope: _scope, ...perStream } = store;
  try {
    await testLedger(perStream);
    assert.unreachable('opened');
  } catch (e) {
    assert.instance(e, LedgerStoreError);
  }
});

test.run();
