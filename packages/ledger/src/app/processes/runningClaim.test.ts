// The claim a running process keeps (runningClaim.ts), by an injected clock: its starter claims
// it before its first step; it is renewed when less than half its lease remains, which keeps
// other instances off; once its lease runs out and another instance takes it over, the first
// stops before its next step, and the books are those of one run.
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import type { EventStore } from '../../eventStore/port.ts';
import type { LedgerEvent } from '../log/ledgerEvent.ts';
import { allEvents, memoryStore, testLedger } from '../testSupport.ts';
import { credit, creditBooks, dividendDeclared, oneRun } from './dividendDeclared.fixture.ts';
import { ProcessTakenOverError } from './runningClaim.ts';

// A clock a test moves by hand.
const clock = (iso: string) => {
  let ms = Date.parse(iso);
  return { now: () => new Date(ms), advance: (by: number) => { ms += by; } };
};

// `store` as one instance writes to it: `after(n)` runs once its append number n has resolved,
// before the instance goes on; every append's stream is kept, in order.
const watched = (store: EventStore<LedgerEvent>, after: (n: number) => Promise<void>) => {
  const streams: string[] = [];
  const w: EventStore<LedgerEvent> = { ...store, appendToStream: async (stream, events, o) => {
    const r = await store.appendToStream(stream, events, o);
    streams.push(stream);
    await after(streams.length);
    return r;
  } };
  return { store: w, streams };
};

const claims = async (store: EventStore<LedgerEvent>) =>
  (await allEvents(store)).flatMap((e) => e.type === 'ProcessClaimed'
    ? [`${e.revision} ${e.data.claimant} ${e.data.leaseUntil}`] : []);

test('the starter claims its process before its first step; a retry of the ended process '
  + 'claims nothing', async () => {
  const store = memoryStore();
  await dividendDeclared(store);
  const t = clock('2026-12-05T10:00:00.000Z');
  const a = watched(store, async () => undefined);
  const ledger = await testLedger(a.store, { processClaims: { claimant: 'A', ...t } });
  assert.is((await ledger.creditDividends(credit)).status, 'completed');
  assert.is(a.streams[0], 'process-credit');
  assert.is(a.streams.filter((s) => s === 'process-credit').length, 1);
  const again = await ledger.creditDividends(credit);
  assert.ok(again.steps.every((s) => s.status === 'accepted' && s.duplicate));
  assert.equal(await claims(store), ['0 A 2026-12-05T10:05:00.000Z']);
  assert.equal(await creditBooks(store), oneRun);
});

test('a lease run out while the process runs: another instance takes it over, the first '
  + 'stops before its next step, and the books are those of one run', async () => {
  const store = memoryStore();
  await dividendDeclared(store);
  const t = clock('2026-12-05T10:00:00.000Z');
  let b: Awaited<ReturnType<typeof testLedger>> | undefined;
  let appendsWhenTaken = 0;
  // After its claim, the parts and one member's credit, A stalls past its lease; B opens.
  const a = watched(store, async (n) => {
    if (n !== 3) return;
    t.advance(60_001);
    b = await testLedger(store, { processClaims: { claimant: 'B', leaseMs: 60_000, ...t } });
    appendsWhenTaken = n;
  });
  const ledgerA = await testLedger(a.store,
    { processClaims: { claimant: 'A', leaseMs: 60_000, ...t } });
  const stopped = await ledgerA.creditDividends(credit).then(() => undefined, (e) => e);
  assert.instance(stopped, ProcessTakenOverError);
  assert.equal(stopped instanceof ProcessTakenOverError && stopped.by, { processId: 'credit',
    claimant: 'B', leaseUntil: '2026-12-05T10:02:00.001Z' });
  assert.equal(b?.resumed.map((o) => [o.processId, o.status]), [['credit', 'completed']]);
  // A's renewal, refused, was its only append after B took over: no step of A's after it.
  assert.is(a.streams.length, appendsWhenTaken);
  assert.equal(await claims(store), ['0 A 2026-12-05T10:01:00.000Z',
    '1 B 2026-12-05T10:02:00.001Z']);
  assert.equal(await creditBooks(store), oneRun);
});

test('a claim renewed while the process runs keeps another instance off', async () => {
  const store = memoryStore();
  await dividendDeclared(store);
  const t = clock('2026-12-05T10:00:00.000Z');
  let b: Awaited<ReturnType<typeof testLedger>> | undefined;
  const lease = { leaseMs: 60_000 };
  // Each of A's appends takes 20 s; B opens after A's fifth (10:01:40), past A's first lease.
  const a = watched(store, async (n) => {
    t.advance(20_000);
    if (n === 5) b = await testLedger(store, { processClaims: { claimant: 'B', ...lease, ...t } });
  });
  const ledgerA = await testLedger(a.store, { processClaims: { claimant: 'A', ...lease, ...t } });
  assert.is((await ledgerA.creditDividends(credit)).status, 'completed');
  assert.equal(b?.resumed, []);
  assert.equal(b?.resumedElsewhere, [{ processId: 'credit', claimant: 'A',
    leaseUntil: '2026-12-05T10:02:20.000Z' }]);
  // Claimed at 10:00:00; the parts at 10:00:20 with 40 s left; from then on each step finds
  // 20 s left (under half the lease) and renews first: every 40 s, a lease to 60 s later.
  assert.equal(await claims(store), [
    '0 A 2026-12-05T10:01:00.000Z', '1 A 2026-12-05T10:01:40.000Z',
    '2 A 2026-12-05T10:02:20.000Z', '3 A 2026-12-05T10:03:00.000Z',
    '4 A 2026-12-05T10:03:40.000Z', '5 A 2026-12-05T10:04:20.000Z',
    '6 A 2026-12-05T10:05:00.000Z', '7 A 2026-12-05T10:05:40.000Z',
  ]);
  assert.equal(await creditBooks(store), oneRun);
});

test.run();
