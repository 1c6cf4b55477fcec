// What a Ledger's reopen after a crash costs, counted rather than timed: the events it reads
// from the store and the checkpoint writes it makes. A reopen should cost the events stored
// after its checkpoint and no more (no second read of the log, no snapshot written while it
// opens).
import { createHash } from 'node:crypto';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import type { EventStore, ReadAllOptions } from '../../eventStore/port.ts';
import type { LedgerEvent } from '../log/ledgerEvent.ts';
import {
  everyClose, memberWithSavings, memoryStore, ok, testLedger,
} from '../testSupport.ts';

const by = (commandId: string) => ({ commandId, actor: 'clerk', on: '2024-05-01' });

const withDir = async (f: (dir: string) => Promise<void>) => {
  const dir = await mkdtemp(join(tmpdir(), 'usha-open-indexes-'));
  try { await f(dir); } finally { await rm(dir, { recursive: true, force: true }); }
};

const digestOf = async (file: string) =>
  createHash('sha256').update(await readFile(file)).digest('hex');

// The store as a Ledger sees it, counting each event its reads hand out.
const counted = (store: EventStore<LedgerEvent>) => {
  let events = 0;
  const readAll = async function* (o?: ReadAllOptions) {
    for await (const e of store.readAll(o)) {
      events += 1;
      yield e;
    }
  };
  const proxy = new Proxy(store, {
    get: (target, key) => (key === 'readAll' ? readAll : Reflect.get(target, key)),
  });
  return { store: proxy, events: () => events };
};

// A checkpointed history of 10 events, then `tail` deposits by a Ledger that never closes.
const crashed = async (file: string, tail: number) => {
  const store = memoryStore();
  const first = await testLedger(store, { indexCheckpoint: { file, ...everyClose } });
  await memberWithSavings(first, 'M1', '1000');
  await memberWithSavings(first, 'M2', '1000');
  await first.close();
  const dying = await testLedger(store, { indexCheckpoint: { file, ...everyClose } });
  for (let i = 1; i <= tail; i++) {
    ok(await dying.makeDeposit({ ...by(`d-${i}`), accountId: 'SB-M2', amount: '5',
      source: 'cash' }));
  }
  return store;
};

test('a reopen after a crash reads from the store only the events after its checkpoint', () =>
  withDir(async (dir) => {
    const file = join(dir, 'x.ledger-index');
    const c = counted(await crashed(file, 7));
    const ledger = await testLedger(c.store, { indexCheckpoint: { file, ...everyClose } });
    assert.equal(ledger.opened, { from: 'checkpoint', eventsRead: 7 });
    // The 7 stored after the checkpoint, and its last event twice: once to bind the checkpoint
    // to this log, once where the catch-up starts (its start is inclusive).
    assert.is(c.events(), 9);
    await ledger.close();
  }));

test('a reopen after a crash writes no checkpoint while it opens, under the interval', () =>
  withDir(async (dir) => {
    const file = join(dir, 'x.ledger-index');
    const store = await crashed(file, 7);
    const before = await digestOf(file);
    const ledger = await testLedger(store, {
      indexCheckpoint: { file, everyEvents: 8, ...everyClose } });
    await sleep(20); // a write started in the background would have begun by now
    assert.is(await digestOf(file), before);
    await ledger.close(); // the close keeps the 7
    assert.is.not(await digestOf(file), before);
    const again = await testLedger(store, { indexCheckpoint: { file, ...everyClose } });
    assert.equal(again.opened, { from: 'checkpoint', eventsRead: 0 });
  }));

test.run();
