// A Ledger keeps its indexes in a checkpoint and opens from it, reading only the events stored
// after it; a checkpoint that is missing, damaged, of another version or of another log is set
// aside with the reason and the whole log read, as before checkpoints.
import { access, mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { setTimeout as sleep } from 'node:timers/promises';
import { join } from 'node:path';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import type { EventStore } from '../../eventStore/port.ts';
import { positionToString } from '../../eventStore/position.ts';
import { openFileEventStore } from '../../file/fileEventStore.ts';
import { keyOf } from '../../offHeap/keyHash.ts';
import { snapshotWriter, writeNumber, writeText } from '../../offHeap/snapshot.ts';
import { writeSnapshotFile } from '../../offHeap/snapshotFile.ts';
import { ledgerEventSchema, type LedgerEvent } from '../log/ledgerEvent.ts';
import { Crash, dyingAfter } from '../processes/dyingStore.fixture.ts';
import {
  allEvents, balanceOf, everyClose, memberWithSavings, memoryStore, ok, testLedger,
} from '../testSupport.ts';
import { indexCheckpointVersion, readIndexCheckpoint } from './indexCheckpoint.ts';
import { IndexCheckpointWriteError } from './indexCheckpointWriter.ts';

const by = (commandId: string, on = '2024-05-01') => ({ commandId, actor: 'clerk', on });

const exists = (path: string) => access(path).then(() => true, () => false);
const withDir = async (f: (dir: string) => Promise<void>) => {
  const dir = await mkdtemp(join(tmpdir(), 'usha-index-checkpoint-'));
  try { await f(dir); } finally { await rm(dir, { recursive: true, force: true }); }
};

// Two members with savings (5 events each), then the first withdraws: 11 events.
const history = async (store: EventStore<LedgerEvent>, file?: string, [a, b] = ['M1', 'M2']) => {
  const ledger = await testLedger(store, { indexCheckpoint: file === undefined ? false
    : { file, ...everyClose } });
  await memberWithSavings(ledger, a, '1000');
  await memberWithSavings(ledger, b, '1000');
  ok(await ledger.withdraw({ ...by(`w-${a}`), accountId: `SB-${a}`, amount: '100' }));
  await ledger.close();
};

test('a memory store keeps no checkpoint unless given a file: the log is read whole', async () => {
  const store = memoryStore();
  await history(store);
  const ledger = await testLedger(store);
  assert.equal(ledger.opened, { from: 'log', eventsRead: 11,
    reason: 'no index checkpoint kept' });
});

test('with a file, a memory store\'s Ledger opens from its checkpoint and decides as before',
  () => withDir(async (dir) => {
    const file = join(dir, 'memory.ledger-index');
    const store = memoryStore();
    await history(store, file);
    const ledger = await testLedger(store, { indexCheckpoint: { file, ...everyClose } });
    assert.equal(ledger.opened, { from: 'checkpoint', eventsRead: 0 });
    // A retry is recognised from the command index read back, not decided again.
    const again = await ledger.withdraw({ ...by('w-M1'), accountId: 'SB-M1', amount: '100' });
    assert.is(again.status === 'accepted' && again.duplicate, true);
    const reused = await ledger.makeDeposit({ ...by('w-M1'), accountId: 'SB-M1', amount: '5',
      source: 'cash' });
    assert.equal(reused.status === 'rejected' && reused.rejection,
      { type: 'command_id_reused', commandId: 'w-M1', originalCommandType: 'Withdraw' });
    // Her exit needs her accounts, which the member index read back names.
    ok(await ledger.redeemShares({ ...by('r-1', '2025-06-01'), accountId: 'SH-M2', memberId: 'M2',
      shares: 10, forExit: true }));
    const exit = await ledger.exitMember({ ...by('x-1', '2025-06-01'), memberId: 'M2' });
    assert.equal(exit.status === 'rejected' && exit.rejection,
      { type: 'deposits_still_open', openDepositAccounts: 1 });
    assert.is(await balanceOf(ledger, store, 'SB-M1'), 90000n);
  }));

test('a file store\'s Ledger keeps its checkpoint beside the log by default', () =>
  withDir(async (dir) => {
    const log = join(dir, 'usha.ndjson');
    const store = await openFileEventStore({ file: log, schema: ledgerEventSchema });
    const first = await testLedger(store, { indexCheckpoint: everyClose });
    assert.equal(first.opened, { from: 'log', eventsRead: 0,
      reason: `no checkpoint at ${log}.ledger-index` });
    await memberWithSavings(first, 'M1', '1000');
    await first.close();
    assert.ok((await stat(`${log}.ledger-index`)).size > 0);
    const second = await testLedger(store);
    assert.equal(second.opened, { from: 'checkpoint', eventsRead: 0 });
    await second.close();
    await store.close();
    // Read-only, it opens from the checkpoint too, and writes none.
    const reader = await openFileEventStore({ file: log, schema: ledgerEventSchema,
      mode: 'read-only' });
    const before = await readFile(`${log}.ledger-index`);
    const third = await testLedger(reader);
    assert.equal(third.opened, { from: 'checkpoint', eventsRead: 0 });
    await third.close();
    assert.ok((await readFile(`${log}.ledger-index`)).equals(before));
    await reader.close();
  }));

// A Ledger opened over `store` with the checkpoint `file`, how it opened, and that it still
// recognises the withdrawal as stored.
const reopened = async (store: EventStore<LedgerEvent>, file: string) => {
  const ledger = await testLedger(store, { indexCheckpoint: { file, ...everyClose } });
  const again = await ledger.withdraw({ ...by('w-M1'), accountId: 'SB-M1', amount: '100' });
  assert.is(again.status === 'accepted' && again.duplicate, true);
  return ledger.opened;
};

test('a checkpoint deleted: the log is read whole, with the reason', () =>
  withDir(async (dir) => {
    const file = join(dir, 'x.ledger-index');
    const store = memoryStore();
    await history(store, file);
    await rm(file);
    assert.equal(await reopened(store, file), { from: 'log', eventsRead: 11,
      reason: `no checkpoint at ${file}` });
  }));

test('a checkpoint garbled: refused by its SHA-256, the log read whole', () =>
  withDir(async (dir) => {
    const file = join(dir, 'x.ledger-index');
    const store = memoryStore();
    await history(store, file);
    const bytes = await readFile(file);
    bytes[bytes.length - 3] = (bytes[bytes.length - 3] ?? 0) ^ 0xff;
    await writeFile(file, bytes);
    assert.equal(await reopened(store, file), { from: 'log', eventsRead: 11,
      reason: `${file}: its SHA-256 does not match: changed or damaged` });
  }));

test('a checkpoint of another version: set aside, the log read whole', () =>
  withDir(async (dir) => {
    const file = join(dir, 'x.ledger-index');
    const store = memoryStore();
    await history(store, file);
    const w = snapshotWriter();
    writeNumber(w, 0);
    await writeSnapshotFile(file, w);
    assert.equal(await reopened(store, file), { from: 'log', eventsRead: 11,
      reason: `version 0; this Ledger reads version ${indexCheckpointVersion}` });
  }));

test('a checkpoint of version 1 (each command\'s type, hash and stream as text): set aside, '
  + 'the log read whole, and a checkpoint of this version kept at the close', () =>
  withDir(async (dir) => {
    const file = join(dir, 'x.ledger-index');
    const store = memoryStore();
    await history(store, file);
    // How version 1 began: its version, the key probe, the event read up to, the command
    // index's parts by their names then.
    const w = snapshotWriter();
    writeNumber(w, 1);
    const k = keyOf('usha-ledger-index');
    writeNumber(w, k[0] ?? 0);
    writeNumber(w, k[1] ?? 0);
    writeText(w, 'C:1/P:1');
    writeText(w, 'e-1');
    writeText(w, 'keys,strings,at,firstRevision,count');
    await writeSnapshotFile(file, w);
    const ledger = await testLedger(store, { indexCheckpoint: { file, ...everyClose } });
    assert.equal(ledger.opened, { from: 'log', eventsRead: 11,
      reason: 'version 1; this Ledger reads version 3' });
    await ledger.close();
    assert.equal((await readIndexCheckpoint(file)).found, true);
    assert.equal(await reopened(store, file), { from: 'checkpoint', eventsRead: 0 });
  }));

test('a checkpoint of this version out of shape: set aside as garbled, the log read whole', () =>
  withDir(async (dir) => {
    const file = join(dir, 'x.ledger-index');
    const store = memoryStore();
    await history(store, file);
    const w = snapshotWriter();
    writeNumber(w, indexCheckpointVersion);
    const k = keyOf('usha-ledger-index');
    writeNumber(w, k[0] ?? 0);
    writeNumber(w, k[1] ?? 0);
    writeText(w, 'C:12/P:x'); // not a position
    await writeSnapshotFile(file, w);
    assert.equal(await reopened(store, file), { from: 'log', eventsRead: 11,
      reason: 'garbled: not a position: "C:12/P:x"' });
  }));

test('a checkpoint of another log: set aside, the log read whole', () =>
  withDir(async (dir) => {
    const file = join(dir, 'x.ledger-index');
    // The same events, other members: each event where the log has one, with another id.
    await history(memoryStore(), file, ['M8', 'M9']);
    const store = memoryStore();
    await history(store);
    const opened = await reopened(store, file);
    assert.is(opened.from, 'log');
    assert.is(opened.eventsRead, 11);
    assert.match(opened.reason ?? '', /^the event at C:\d+\/P:\d+ is .*: another log$/);
  }));

test('a checkpoint whose last event the log does not reach: set aside, the log read whole', () =>
  withDir(async (dir) => {
    const file = join(dir, 'x.ledger-index');
    const longer = memoryStore();
    await history(longer, file);
    const longerLedger = await testLedger(longer, { indexCheckpoint: { file, ...everyClose } });
    ok(await longerLedger.withdraw({ ...by('w-2'), accountId: 'SB-M1', amount: '1' }));
    await longerLedger.close(); // the checkpoint: 12 events
    const last = (await allEvents(longer)).at(-1)?.position;
    if (last === undefined) throw new Error('unreachable: 12 events stored');
    const store = memoryStore();
    await history(store); // the same 11 first events
    assert.equal(await reopened(store, file), { from: 'log', eventsRead: 11,
      reason: `the log ends before ${positionToString(last)}` });
  }));

test('after a crash, only the events stored since the checkpoint are read', () =>
  withDir(async (dir) => {
    const file = join(dir, 'x.ledger-index');
    const store = memoryStore();
    await history(store, file);
    const crashed = await testLedger(store, { indexCheckpoint: { file, ...everyClose } });
    ok(await crashed.makeDeposit({ ...by('d-1'), accountId: 'SB-M2', amount: '50',
      source: 'cash' }));
    ok(await crashed.withdraw({ ...by('w-3'), accountId: 'SB-M2', amount: '20' }));
    // Never closed: its checkpoint is still the one written before it opened.
    const ledger = await testLedger(store, { indexCheckpoint: { file, ...everyClose } });
    assert.equal(ledger.opened, { from: 'checkpoint', eventsRead: 2 });
    const again = await ledger.withdraw({ ...by('w-3'), accountId: 'SB-M2', amount: '20' });
    assert.is(again.status === 'accepted' && again.duplicate, true);
    assert.is(await balanceOf(ledger, store, 'SB-M2'), 103000n);
  }));

test('a process left unfinished before the checkpoint and one after it are both resumed', () =>
  withDir(async (dir) => {
    const file = join(dir, 'x.ledger-index');
    const store = memoryStore();
    const setup = await testLedger(store, { indexCheckpoint: false });
    for (const m of ['M1', 'M2']) {
      await memberWithSavings(setup, m, '5000');
      const at = (id: string, actor = 'maker') => ({ commandId: `${m}-${id}`, actor,
        on: '2024-05-01' });
      ok(await setup.applyForLoan({ ...at('apply'), loanId: `L-${m}`, memberId: m,
        productId: 'LP', principal: '2000', repayments: 4, firstRepaymentOn: null }));
      ok(await setup.approveLoan({ ...at('approve', 'checker'), loanId: `L-${m}`,
        principal: '2000' }));
      ok(await setup.disburseLoan({ ...at('disburse'), loanId: `L-${m}` }));
    }
    const repay = (m: string) => ({ commandId: `pay-${m}`, actor: 'clerk', on: '2024-05-20',
      loanId: `L-${m}`, accountId: `SB-${m}`, amount: '300' });
    const options = { indexCheckpoint: { file, ...everyClose }, resume: false };
    // Each dies after its claim and its first step (the withdrawal): the repayment is not
    // stored.
    const before = await testLedger(dyingAfter(store, 2), options);
    await before.repayFromSavings(repay('M1')).then(() => assert.unreachable(),
      (e: unknown) => assert.instance(e, Crash));
    await before.close(); // the checkpoint holds the process unfinished
    const after = await testLedger(dyingAfter(store, 2), options);
    assert.equal(after.opened, { from: 'checkpoint', eventsRead: 0 });
    await after.repayFromSavings(repay('M2')).then(() => assert.unreachable(),
      (e: unknown) => assert.instance(e, Crash));
    // Not closed: its process is in the log only, after the checkpoint.
    const restarted = await testLedger(store, { indexCheckpoint: { file, ...everyClose } });
    // After the checkpoint: M2's claim and withdrawal.
    assert.equal(restarted.opened, { from: 'checkpoint', eventsRead: 2 });
    assert.equal(restarted.resumed.map((o) => [o.processId, o.status]),
      [['pay-M1', 'completed'], ['pay-M2', 'completed']]);
    const events = await allEvents(store);
    assert.is(events.filter((e) => e.type === 'RepaymentReceived').length, 2);
    assert.is(events.filter((e) => e.type === 'Withdrawn').length, 2);
    const reopened = await testLedger(store, { indexCheckpoint: { file, ...everyClose } });
    assert.is(reopened.resumed.length, 0);
  }));

test('a log written before checkpoints opens by reading it, then keeps one (every close '
  + 'writing)', () =>
  withDir(async (dir) => {
    const log = join(dir, 'usha.ndjson');
    const store = await openFileEventStore({ file: log, schema: ledgerEventSchema });
    await history(store); // no checkpoint kept
    const first = await testLedger(store, { indexCheckpoint: everyClose });
    assert.equal(first.opened, { from: 'log', eventsRead: 11,
      reason: `no checkpoint at ${log}.ledger-index` });
    await first.close();
    const second = await testLedger(store);
    assert.equal(second.opened, { from: 'checkpoint', eventsRead: 0 });
    await second.close();
    await store.close();
  }));

test('a checkpoint is written every so many events, without a close', () =>
  withDir(async (dir) => {
    const file = join(dir, 'x.ledger-index');
    const store = memoryStore();
    const ledger = await testLedger(store, {
      indexCheckpoint: { file, everyEvents: 4, ...everyClose } });
    await memberWithSavings(ledger, 'M1', '1000'); // 4 appends: one checkpoint due
    for (let i = 0; i < 100 && !(await exists(file)); i++) await sleep(10);
    const kept = await readIndexCheckpoint(file);
    assert.ok(kept.found);
    // Never closed: a Ledger opening now reads only what followed that checkpoint.
    ok(await ledger.withdraw({ ...by('w-M1'), accountId: 'SB-M1', amount: '100' }));
    const next = await testLedger(store, { indexCheckpoint: { file, ...everyClose } });
    assert.equal(next.opened, { from: 'checkpoint', eventsRead: 1 });
  }));

test('a checkpoint that cannot be written fails the close with IndexCheckpointWriteError', () =>
  withDir(async (dir) => {
    const file = join(dir, 'no-such-folder', 'x.ledger-index');
    const store = memoryStore();
    const ledger = await testLedger(store, { indexCheckpoint: { file, ...everyClose } });
    await memberWithSavings(ledger, 'M1', '1000');
    const e = await ledger.close().then(() => undefined, (x: unknown) => x);
    assert.instance(e, IndexCheckpointWriteError);
    assert.match(String(Reflect.get(Object(e), 'message')), `${file} could not be written`);
    // The log is the record: a Ledger still opens from it.
    const again = await testLedger(store, { indexCheckpoint: { file, ...everyClose } });
    assert.equal(again.opened, { from: 'log', eventsRead: 5, reason: `no checkpoint at ${file}` });
  }));

test.run();
