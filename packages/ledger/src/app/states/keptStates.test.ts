// A Ledger on a signed log keeps the folded states of its long streams beside its checkpoint,
// so the first command on such a stream after a restart reads what the stream gained, not the
// whole stream; and a kept state is used only where it is the writer's, folded by this code
// with these products, read back whole, and bound to the stream's event at its revision.
import { generateKeyPairSync, type KeyObject } from 'node:crypto';
import { mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import type { EventStore } from '../../eventStore/port.ts';
import { openFileEventStore } from '../../file/fileEventStore.ts';
import { acknowledgedBeforeKill } from '../../file/killedChild.fixture.ts';
import { indexSealOf } from '../../file/storeKeys.ts';
import type { LedgerEvent } from '../log/ledgerEvent.ts';
import { ledgerEventSchema } from '../log/ledgerEvent.ts';
import { everyClose, memberWithSavings, ok, products, testLedger } from '../testSupport.ts';
import {
  keptStatesFileOf, readKeptStates, writeKeptStates, type KeptState,
} from './keptStates.ts';
import { noStatesKept } from './openKeptStates.ts';
import { stateFingerprint } from './stateFingerprint.ts';

const keys = generateKeyPairSync('ed25519');
const signed = { signingKey: keys.privateKey, verifyKey: keys.publicKey };
const other = generateKeyPairSync('ed25519');

const withDir = async (f: (dir: string) => Promise<void>) => {
  const dir = await mkdtemp(join(tmpdir(), 'usha-kept-states-'));
  try { await f(dir); } finally { await rm(dir, { recursive: true, force: true }); }
};
const by = (commandId: string) => ({ commandId, actor: 'clerk', on: '2024-05-01' });
const deposit = (commandId: string, amount = '10') => ({ ...by(commandId), accountId: 'SB-M1',
  amount, source: 'cash' as const });
// Refused for more than the balance: the refusal names the balance the Ledger decided on.
const balanceSeen = async (ledger: Awaited<ReturnType<typeof testLedger>>, id: string) => {
  const o = await ledger.withdraw({ ...by(id), accountId: 'SB-M1', amount: '99999999' });
  if (o.status !== 'rejected') throw new Error(`withdrawal ${o.status}`);
  return Reflect.get(o.rejection, 'balance') as unknown;
};

// The events each stream gave when read: what a command cost in reads.
const counting = (store: EventStore<LedgerEvent>) => {
  const reads: string[] = [];
  const counted = new Proxy(store, {
    get: (t, k) => k !== 'readStream' ? Reflect.get(t, k)
      : (stream: string, o?: Parameters<typeof t.readStream>[1]) => {
        const read = t.readStream(stream, o);
        return (async function* () {
          for await (const e of read) {
            reads.push(`${stream}@${e.revision}`);
            yield e;
          }
        })();
      },
  });
  return { counted, reads };
};

type Keys = { readonly signingKey?: KeyObject; readonly verifyKey?: KeyObject };
const open = (file: string, k: Keys = signed): Promise<EventStore<LedgerEvent>> =>
  openFileEventStore({ file, schema: ledgerEventSchema, ...k });

// Member M1 with 1,000.00 of savings, then `n` deposits of 10.00: her account's stream is then
// n + 2 events long (opened, the first deposit, the n).
const history = async (file: string, n: number, k: Keys = signed) => {
  const store = await open(file, k);
  const ledger = await testLedger(store, { indexCheckpoint: everyClose });
  await memberWithSavings(ledger, 'M1', '1000');
  for (let i = 0; i < n; i += 1) ok(await ledger.makeDeposit(deposit(`d${i}`)));
  await ledger.close();
  await store.close();
};

test('on a signed log the first command on a long stream after a restart reads only the '
  + 'event its kept state was folded up to, and decides on the balance the log holds',
() => withDir(async (dir) => {
  const file = join(dir, 'usha.ndjson');
  await history(file, 30);
  const store = await open(file);
  const { counted, reads } = counting(store);
  const ledger = await testLedger(counted, { indexCheckpoint: everyClose });
  assert.equal(ledger.restoredStates, { restored: 1, dropped: 0 });
  assert.is(await balanceSeen(ledger, 'w1'), '1300.00');
  // Her account's stream is 32 events (revisions 0-31): the kept state's own event only.
  assert.equal(reads.filter((r) => r.startsWith('deposit-SB-M1@')), ['deposit-SB-M1@31']);
  ok(await ledger.makeDeposit(deposit('after', '5')));
  assert.is(await balanceSeen(ledger, 'w2'), '1305.00');
  await ledger.close();
  await store.close();
}));

test('a kept state is brought up to date with what its stream gained after it was kept',
  () => withDir(async (dir) => {
    const file = join(dir, 'usha.ndjson');
    await history(file, 20);
    // Another writer, keeping no states, adds three deposits after the states were kept.
    let store = await open(file);
    const plain = await testLedger(store, { indexCheckpoint: { stateBytes: 0 } });
    assert.equal(plain.restoredStates, { restored: 0,
      reason: noStatesKept });
    for (const id of ['x1', 'x2', 'x3']) ok(await plain.makeDeposit(deposit(id, '7')));
    await plain.close();
    await store.close();
    store = await open(file);
    const { counted, reads } = counting(store);
    const ledger = await testLedger(counted);
    assert.is(ledger.restoredStates.restored, 1);
    assert.is(await balanceSeen(ledger, 'w1'), '1221.00');
    assert.equal(reads.filter((r) => r.startsWith('deposit-SB-M1@')),
      ['deposit-SB-M1@21', 'deposit-SB-M1@22', 'deposit-SB-M1@23', 'deposit-SB-M1@24']);
    await ledger.close();
    await store.close();
  }));

// A Ledger opened on the log of 20 deposits: what it restored, and the balance it decides on
// (the log's, 1,200.00). It keeps the states file as it found it (its close writes no other).
const decidesOnLog = async (file: string, restored: unknown,
  o: { keys?: Keys; stateCacheEntries?: number; id?: string } = {}) => {
  const store = await open(file, o.keys);
  try {
    const ledger = await testLedger(store, { indexCheckpoint: { onCloseAfterEvents: 1e9 },
      ...o.stateCacheEntries === undefined ? {} : { stateCacheEntries: o.stateCacheEntries } });
    assert.equal(ledger.restoredStates, restored);
    assert.is(await balanceSeen(ledger, o.id ?? 'w1'), '1200.00');
    await ledger.close();
  } finally {
    await store.close();
  }
};

test('states are restored only within stateCacheEntries', () => withDir(async (dir) => {
  const file = join(dir, 'usha.ndjson');
  await history(file, 20);
  await decidesOnLog(file, { restored: 0, reason: noStatesKept }, { stateCacheEntries: 0 });
  // That Ledger's close left the states the last one kept: one restored now, within one entry.
  await decidesOnLog(file, { restored: 1, dropped: 0 }, { stateCacheEntries: 1, id: 'w2' });
}));

test('an unsigned log keeps no states: a state nobody signed could be written by anyone',
  () => withDir(async (dir) => {
    const file = join(dir, 'usha.ndjson');
    await history(file, 20, {});
    assert.is(await stat(keptStatesFileOf(`${file}.ledger-index`)).catch(() => 'none'), 'none');
    await decidesOnLog(file, { restored: 0,
      reason: noStatesKept }, { keys: {} });
  }));

// States written with the writer's key: what only the key holder could make.
const place = (file: string, k = keys) => ({ file: keptStatesFileOf(`${file}.ledger-index`),
  seal: indexSealOf({ signingKey: k.privateKey, verifyKey: undefined }),
  maxBytes: 1 << 20, maxStates: 4096, minEvents: 1 });

// The history of 20 deposits, and the states its Ledger kept at close.
const keptHistory = async (file: string) => {
  await history(file, 20);
  const fingerprint = await stateFingerprint(products);
  if (fingerprint === undefined) throw new Error('no fingerprint');
  const read = await readKeptStates(place(file), fingerprint);
  if (!read.found) throw new Error(read.reason);
  return { fingerprint, states: read.states };
};
// The same states with the balance raised to 99,999,999.00, bound as `bound` says.
const raised = (states: readonly KeptState[], bound: Partial<KeptState> = {}) =>
  states.map((k) => ({ stream: k.stream, revision: k.revision,
    state: { ...k.state, state: { ...k.state.state, balance: 99_999_999_00n } } as typeof k.state,
    kept: { ...k, ...bound } }));
test('a kept state not signed by the log\'s writer is not used', () => withDir(async (dir) => {
  const file = join(dir, 'usha.ndjson');
  const { fingerprint, states } = await keptHistory(file);
  await writeKeptStates(place(file, other), fingerprint, raised(states));
  await decidesOnLog(file, { restored: 0, reason:
    `${keptStatesFileOf(`${file}.ledger-index`)}: not signed by the log's writer` });
}));

test('a kept state whose stream holds another event at its revision is folded from the log',
  () => withDir(async (dir) => {
    const file = join(dir, 'usha.ndjson');
    const { fingerprint, states } = await keptHistory(file);
    // Signed by the writer, but bound to an event of other data (as a log forked with the same
    // command ids would hold), then to another event id at the revision.
    for (const bound of [{ digest: '0'.repeat(64) }, { eventId: 'another' }]) {
      await writeKeptStates(place(file), fingerprint, raised(states, bound));
      await decidesOnLog(file, { restored: 1, dropped: 0 }, { id: `w-${Object.keys(bound)[0]}` });
    }
  }));

test('states folded by other products are not used', () => withDir(async (dir) => {
  const file = join(dir, 'usha.ndjson');
  await history(file, 20);
  const store = await open(file);
  // Savings interest at 5% a year, not 4%.
  const changed = { ...products, SB: { ...products['SB'], rateAnnualPercent: '5' } };
  const ledger = await testLedger(store, { products: changed });
  assert.equal(ledger.restoredStates, { restored: 0, reason:
    `${keptStatesFileOf(`${file}.ledger-index`)}: folded by other code or other products` });
  await ledger.close();
  await store.close();
}));

test('a kept state whose text does not read back is dropped alone', () => withDir(async (dir) => {
  const file = join(dir, 'usha.ndjson');
  const { fingerprint, states } = await keptHistory(file);
  const [k] = states;
  if (k === undefined) throw new Error('no state kept');
  // A second stream's record whose state has no kind, signed by the writer with the first.
  const odd = { stream: 'deposit-SB-M9', revision: 40n, state: { state: {} } as never,
    kept: { ...k, stream: 'deposit-SB-M9' } };
  // And one whose kind is there but its state is null.
  const empty = { stream: 'deposit-SB-M8', revision: 40n,
    state: { kind: 'deposit', state: null } as never, kept: { ...k, stream: 'deposit-SB-M8' } };
  await writeKeptStates(place(file), fingerprint, [{ ...k, kept: k }, odd, empty]);
  await decidesOnLog(file, { restored: 1, dropped: 2 });
}));

test('the states are written by a close while the store is open, once: not after the store '
  + 'closed (another process may hold the log by then), nor by a second close',
() => withDir(async (dir) => {
  const file = join(dir, 'usha.ndjson');
  await history(file, 20);
  const statesFile = keptStatesFileOf(`${file}.ledger-index`);
  const inode = async () => (await stat(statesFile)).ino;
  const first = await inode();
  let store = await open(file);
  let ledger = await testLedger(store);
  ok(await ledger.makeDeposit(deposit('late-1')));
  await store.close();
  await ledger.close();
  assert.is(await inode(), first, 'written after the store closed');
  store = await open(file);
  ledger = await testLedger(store);
  ok(await ledger.makeDeposit(deposit('late-2')));
  await ledger.close();
  const second = await inode();
  assert.is.not(second, first, 'not written by the close');
  await ledger.close();
  assert.is(await inode(), second, 'written again by a second close');
  await store.close();
}));

test('a file of more states than a Ledger holds is read only as far as its bounds',
  () => withDir(async (dir) => {
    const file = join(dir, 'usha.ndjson');
    const { fingerprint, states } = await keptHistory(file);
    const [k] = states;
    if (k === undefined) throw new Error('no state kept');
    const many = ['A', 'B', 'C', 'D'].map((x) => ({ ...k, stream: `deposit-SB-${x}`,
      kept: { ...k, stream: `deposit-SB-${x}` } }));
    await writeKeptStates(place(file), fingerprint, many);
    const read = async (maxStates: number, maxBytes: number) => {
      const r = await readKeptStates({ ...place(file), maxStates, maxBytes }, fingerprint);
      return r.found ? r.states.map((x) => x.stream) : r.reason;
    };
    assert.equal(await read(2, 1 << 20), ['deposit-SB-A', 'deposit-SB-B']);
    assert.equal(await read(4096, 1), []);
    assert.equal(await read(4096, 1 << 20),
      ['deposit-SB-A', 'deposit-SB-B', 'deposit-SB-C', 'deposit-SB-D']);
  }));

test('a damaged file of kept states is set aside whole, the log folded as before',
  () => withDir(async (dir) => {
    const file = join(dir, 'usha.ndjson');
    await history(file, 20);
    const kept = keptStatesFileOf(`${file}.ledger-index`);
    const bytes = await readFile(kept);
    const at = bytes.length - 200;
    bytes.writeUInt8(bytes.readUInt8(at) ^ 1, at);
    await writeFile(kept, bytes);
    await decidesOnLog(file, { restored: 0,
      reason: `${kept}: its SHA-256 does not match: changed or damaged` });
  }));

const child = new URL('./keptStatesChild.fixture.ts', import.meta.url).pathname;

test('killed while it writes its kept states, a Ledger leaves the old file or the new one, '
  + 'and the next decides on the balance the log holds', () => withDir(async (dir) => {
  const file = join(dir, 'usha.ndjson');
  await history(file, 20);
  const keyFile = join(dir, 'writer.pem');
  await writeFile(keyFile, keys.privateKey.export({ type: 'pkcs8', format: 'pem' }));
  const kept = place(file);
  const fingerprint = await stateFingerprint(products);
  if (fingerprint === undefined) throw new Error('no fingerprint');
  const writing = () => existsSync(`${kept.file}.writing`);
  let next = 0;
  let midWrite = 0;
  for (const [delayMs, whenWriting] of [[60, false], [150, false], [300, false], [300, true],
    [300, true], [300, true]] as const) {
    const acks = await acknowledgedBeforeKill(child, [file, keyFile, String(next)], delayMs,
      whenWriting ? writing : undefined);
    next += acks.length + 1000;
    if (existsSync(`${kept.file}.writing`)) midWrite += 1;
    const read = await readKeptStates(kept, fingerprint);
    assert.ok(read.found, read.found ? '' : read.reason);
  }
  assert.ok(midWrite > 0, 'no kill landed while the states were written');
  const store = await open(file);
  let deposited = 0n;
  for await (const e of store.readStream('deposit-SB-M1')) {
    if (e.type === 'Deposited') deposited += BigInt(String(Reflect.get(e.data, 'amount'))
      .replace('.', ''));
  }
  const ledger = await testLedger(store);
  assert.is(ledger.restoredStates.restored, 1);
  const balance = await balanceSeen(ledger, 'w-end');
  assert.is(balance, `${deposited / 100n}.${String(deposited % 100n).padStart(2, '0')}`);
  await ledger.close();
  await store.close();
}));

test.run();
