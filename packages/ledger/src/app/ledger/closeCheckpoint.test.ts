// When a Ledger's close writes its index checkpoint: only after `onCloseAfterEvents` events
// (5,000 by default) after the last one in the log. After fewer, the checkpoint is left as
// it was and the next open reads the events after it, and writes one beside the first commands
// if they were half the bound or more: a restart costs what changed, not a checkpoint of the
// whole history. The option is read once and checked. Counted, not timed.
import { createHash } from 'node:crypto';
import { access, mkdir, mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import type { EventStore } from '../../eventStore/port.ts';
import { openFileEventStore } from '../../file/fileEventStore.ts';
import { ledgerEventSchema, type LedgerEvent } from '../log/ledgerEvent.ts';
import { memberWithSavings, memoryStore, ok, testLedger } from '../testSupport.ts';
import { IndexCheckpointWriteError } from './indexCheckpointWriter.ts';
import { defaultCheckpointOnCloseAfterEvents, IndexCheckpointOptionError } from './openIndexes.ts';

const dir = await mkdtemp(join(tmpdir(), 'usha-ledger-close-checkpoint-'));
test.after(() => rm(dir, { recursive: true, force: true }));

const exists = (path: string) => access(path).then(() => true, () => false);
const digestOf = async (file: string) =>
  createHash('sha256').update(await readFile(file)).digest('hex');

let next = 0;
// `n` deposits of 5 into SB-M1, one event each.
const deposits = async (ledger: Awaited<ReturnType<typeof testLedger>>, n: number) => {
  for (let i = 0; i < n; i++) {
    ok(await ledger.makeDeposit({ commandId: `d-${++next}`, actor: 'clerk', on: '2024-05-01',
      accountId: 'SB-M1', amount: '5', source: 'cash' }));
  }
};

// A session: a Ledger opens, takes `n` deposits (one event each) and closes.
const session = async (
  store: EventStore<LedgerEvent>, n: number,
  indexCheckpoint: { file?: string; onCloseAfterEvents?: number },
) => {
  const ledger = await testLedger(store, { indexCheckpoint });
  await deposits(ledger, n);
  await ledger.close();
  return ledger.opened;
};

// A memory store holding M1 and her savings account (5 events), and the Ledger's checkpoint
// of them at `name`, written by a first Ledger's close with `onCloseAfterEvents`.
const checkpointed = async (name: string, onCloseAfterEvents = 0) => {
  const file = join(dir, name);
  const store = memoryStore();
  const first = await testLedger(store, { indexCheckpoint: { file, onCloseAfterEvents } });
  await memberWithSavings(first, 'M1', '1000');
  await first.close();
  return { file, store, kept: await digestOf(file) };
};

test(`by default a close after fewer than ${defaultCheckpointOnCloseAfterEvents} events `
  + 'writes no checkpoint; the next open reads them', async () => {
  const log = join(dir, 'default.ndjson');
  const store = await openFileEventStore({ file: log, schema: ledgerEventSchema });
  const first = await testLedger(store);
  await memberWithSavings(first, 'M1', '1000'); // 5 events
  await first.close();
  assert.is(await exists(`${log}.ledger-index`), false);
  const reason = `no checkpoint at ${log}.ledger-index`;
  assert.equal(await session(store, 3, {}), { from: 'log', eventsRead: 5, reason });
  assert.equal(await session(store, 0, {}), { from: 'log', eventsRead: 8, reason });
  await store.close();
});

test('the events after the checkpoint add up across sessions: a close writes one when they '
  + 'reach the bound, an open when they reach half of it', async () => {
  const checkpoint = await checkpointed('sessions.ledger-index');
  const { file, store } = checkpoint;
  let { kept } = checkpoint;
  const bound = { file, onCloseAfterEvents: 10 }; // half: 5
  assert.equal(await session(store, 4, bound), { from: 'checkpoint', eventsRead: 0 });
  assert.is(await digestOf(file), kept); // 4 after it at the close: under
  // 4 read at open (under half: none written then), 11 at the close: written.
  assert.equal(await session(store, 7, bound), { from: 'checkpoint', eventsRead: 4 });
  assert.is.not(await digestOf(file), kept);
  kept = await digestOf(file);
  assert.equal(await session(store, 6, bound), { from: 'checkpoint', eventsRead: 0 });
  assert.is(await digestOf(file), kept); // 6 at the close: under
  // 6 read at open, over half: written beside the session's commands (none here).
  assert.equal(await session(store, 0, bound), { from: 'checkpoint', eventsRead: 6 });
  assert.is.not(await digestOf(file), kept);
  assert.equal(await session(store, 0, bound), { from: 'checkpoint', eventsRead: 0 });
});

test('0: every close with anything new writes it; Infinity: no close does', async () => {
  const { file, store, kept } = await checkpointed('bounds.ledger-index');
  const never = { file, onCloseAfterEvents: Infinity };
  assert.equal(await session(store, 30, never), { from: 'checkpoint', eventsRead: 0 });
  assert.is(await digestOf(file), kept);
  assert.equal(await session(store, 0, { file, onCloseAfterEvents: 0 }),
    { from: 'checkpoint', eventsRead: 30 });
  assert.is.not(await digestOf(file), kept);
  assert.equal(await session(store, 0, never), { from: 'checkpoint', eventsRead: 0 });
});

test('a Ledger closed after its store writes no checkpoint (the log may be another '
  + 'process\'s by then); one closed before it does', async () => {
  const log = join(dir, 'store-first.ndjson');
  const every = { onCloseAfterEvents: 0 };
  let store = await openFileEventStore({ file: log, schema: ledgerEventSchema });
  const first = await testLedger(store, { indexCheckpoint: every });
  await memberWithSavings(first, 'M1', '1000'); // 5 events
  await first.close();
  const kept = await digestOf(`${log}.ledger-index`);
  const late = await testLedger(store, { indexCheckpoint: every });
  // Another Ledger's 2 deposits, which the late one reads before its own: it has read past
  // the checkpoint when the store is closed under it.
  const other = await testLedger(store, { indexCheckpoint: { onCloseAfterEvents: Infinity } });
  await deposits(other, 2);
  await other.close();
  await deposits(late, 1);
  await store.close();
  await late.close();
  assert.is(await digestOf(`${log}.ledger-index`), kept, 'written after the store closed');
  store = await openFileEventStore({ file: log, schema: ledgerEventSchema });
  const next = await testLedger(store, { indexCheckpoint: every });
  assert.equal(next.opened, { from: 'checkpoint', eventsRead: 3 });
  await next.close();
  assert.is.not(await digestOf(`${log}.ledger-index`), kept, 'not written by the close');
  await store.close();
});

test('own appends read back by a catch-up count once: the close decides on the events after '
  + 'the checkpoint', async () => {
  const { file, store, kept } = await checkpointed('once-counted.ledger-index');
  const ledger = await testLedger(store, { indexCheckpoint: { file, onCloseAfterEvents: 10 } });
  await deposits(ledger, 6);
  await ledger.balances('M1', { asOf: '2024-04-30' }); // a past date: reads the log on first
  await ledger.close();
  assert.is(await digestOf(file), kept); // 6 after it, under 10
  const next = await testLedger(store, { indexCheckpoint: { file, onCloseAfterEvents: 10 } });
  assert.equal(next.opened, { from: 'checkpoint', eventsRead: 6 });
  await next.close();
});

test('a checkpoint that failed to be written still counts: the close tries again and says so',
  async () => {
    const store = memoryStore();
    const history = await testLedger(store, { indexCheckpoint: false });
    for (const m of ['M1', 'M2', 'M3']) await memberWithSavings(history, m, '1000'); // 15
    await history.close();
    const file = join(dir, 'a-directory.ledger-index'); // cannot be written over
    await mkdir(file);
    const ledger = await testLedger(store, { indexCheckpoint: { file, onCloseAfterEvents: 10 } });
    // The open read 15 (over half of 10): a write was started beside these, and failed.
    await deposits(ledger, 3);
    const e: unknown = await ledger.close().catch((x: unknown) => x);
    assert.ok(e instanceof IndexCheckpointWriteError, String(e));
    assert.is(e.file, file);
  });

// What createLedger answers for an option: the refusal's field and reason, or 'opened'.
const outcome = async (indexCheckpoint: unknown) => {
  const store = memoryStore();
  try {
    // @ts-expect-error: any value, as an app's configuration might hold
    const ledger = await testLedger(store, { indexCheckpoint });
    await ledger.close();
    return 'opened';
  } catch (e) {
    if (e instanceof IndexCheckpointOptionError) return [e.field, e.reason];
    throw e;
  }
};

const eventsReason = 'not a whole number of events from 0, nor Infinity';
const pathReason = 'not a path (a non-empty string without NUL bytes)';

test('an option that cannot be used is refused with IndexCheckpointOptionError naming its field',
  async () => {
    for (const field of ['everyEvents', 'onCloseAfterEvents']) {
      for (const v of [-1, 0.5, Number.NaN, -Infinity, 2 ** 53, '10', 10n, null, {}]) {
        assert.equal(await outcome({ file: join(dir, 'x.idx'), [field]: v }),
          [`indexCheckpoint.${field}`, eventsReason], `${field} ${String(v)}`);
      }
    }
    for (const v of ['', 'a\0b', 7, {}, null]) {
      assert.equal(await outcome({ file: v }), ['indexCheckpoint.file', pathReason], String(v));
    }
    for (const v of [null, 1, 'x', true]) {
      assert.equal(await outcome(v), ['indexCheckpoint', 'not an object of options'], String(v));
    }
    const throwing = new Proxy({}, { get: () => { throw new RangeError('trap'); } });
    assert.equal(await outcome(throwing),
      ['indexCheckpoint.file', 'could not be read (RangeError)']);
    assert.equal(await outcome({ get everyEvents() { throw 'no'; } }),
      ['indexCheckpoint.everyEvents', 'could not be read (string)']);
    assert.is(await outcome(false), 'opened');
    assert.is(await outcome(undefined), 'opened');
    assert.is(await outcome({}), 'opened'); // a memory store: no file, so none kept
    assert.equal(await readdir(dir).then((fs) => fs.filter((f) => f.startsWith('x.'))), []);
  });

test('each field is read once, and the value read is the one used', async () => {
  const reads = new Map<string, number>();
  const file = join(dir, 'once.ledger-index');
  let bound = 0; // answers 0 (write at close), then Infinity
  const counted = (name: string, v: () => unknown) => ({
    get: () => { reads.set(name, (reads.get(name) ?? 0) + 1); return v(); }, enumerable: true,
  });
  const option = Object.defineProperties({}, {
    file: counted('file', () => file),
    everyEvents: counted('everyEvents', () => undefined),
    onCloseAfterEvents: counted('onCloseAfterEvents',
      () => { const b = bound; bound = Infinity; return b; }),
  });
  const store = memoryStore();
  const ledger = await testLedger(store, { indexCheckpoint: option });
  await memberWithSavings(ledger, 'M1', '1000');
  await ledger.close();
  assert.is(await exists(file), true);
  assert.equal([...reads.entries()].sort(),
    [['everyEvents', 1], ['file', 1], ['onCloseAfterEvents', 1]]);
});

test.run();
