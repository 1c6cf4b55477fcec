// Faults over real gRPC: the server dies in the middle of appends, and restarts under a live
// subscription. In both append modes.
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import type { EventStore, RecordedEvent } from '@usha/ledger';
import { createEventStoreDbStore } from './eventStoreDbStore.ts';
import { StoreUnavailableError } from './errors.ts';
import { collect, deposit, rejection, startEsdbTestServer, testSchema } from './testSupport.ts';
import type { EsdbTestServer, TestEvent } from './testSupport.ts';
import type { ResubscribeInfo } from './subscribeAll.ts';

const until = async (done: () => boolean, what: string) => {
  for (let i = 0; i < 500 && !done(); i++) await new Promise((r) => setTimeout(r, 10));
  if (!done()) throw new Error(`timed out waiting for ${what}`);
};

const open = (server: EsdbTestServer, onResubscribe?: (i: ResubscribeInfo) => void) =>
  createEventStoreDbStore<TestEvent>({
    connectionString: server.connectionString, schema: testSchema, onResubscribe,
    resubscribe: { initialDelayMs: 20, maxDelayMs: 200, maxAttempts: 50 },
  });

for (const batchAppend of [true, false]) {
  const mode = batchAppend ? 'BatchAppend' : 'Append';

  test(`${mode}: the server dies mid-append; the retry stores nothing twice`, async () => {
    const server = await startEsdbTestServer({ batchAppend });
    const store = open(server);
    try {
      const batches = Array.from({ length: 6 }, (_, i) => [deposit('1.00', BigInt(i)),
        deposit('2.00', BigInt(i))]);
      // The third write is stored, then the server crashes before it answers.
      server.crashAfterWrites(3);
      let expected: bigint | 'no_stream' = 'no_stream';
      let failedAt = -1;
      for (const [i, events] of batches.entries()) {
        try {
          expected = (await store.appendToStream('loan-1', events,
            { expectedRevision: expected })).nextExpectedRevision;
        } catch (e) {
          assert.instance(e, StoreUnavailableError);
          failedAt = i;
          break;
        }
      }
      assert.is(failedAt, 2);
      assert.is(server.log.all.length, 6);
      const down = await rejection(store.appendToStream('loan-1', [deposit()]));
      assert.instance(down, StoreUnavailableError);
      await server.start();
      // The caller retries what failed with the same ids and the same expected revision.
      for (const events of batches.slice(failedAt)) {
        expected = (await store.appendToStream('loan-1', events,
          { expectedRevision: expected })).nextExpectedRevision;
      }
      assert.is(expected, 11n);
      const read = await collect(store.readStream('loan-1'));
      assert.equal(read.map((e) => e.eventId), batches.flat().map((e) => e.eventId));
      assert.is(server.log.all.length, 12);
    } finally {
      await store.close();
      await server.stop();
    }
  });

  test(`${mode}: a restart under a live subscription loses and repeats nothing`, async () => {
    const server = await startEsdbTestServer({ batchAppend });
    const resubscribed: ResubscribeInfo[] = [];
    const store = open(server, (info) => resubscribed.push(info));
    const writer: EventStore<TestEvent> = store;
    const abort = new AbortController();
    // The projection: a total per account and the ids it has counted.
    const counted = new Map<string, number>();
    let totalPaise = 0n;
    let caughtUp = 0;
    const project = (e: RecordedEvent<TestEvent>) => {
      counted.set(e.eventId, (counted.get(e.eventId) ?? 0) + 1);
      if (e.type === 'Deposited') totalPaise += BigInt(e.data.amount.replace('.', ''));
    };
    const feeding = (async () => {
      for await (const m of store.subscribeToAll({ signal: abort.signal })) {
        if (m.kind === 'caught-up') caughtUp += 1;
        else project(m.event);
      }
    })();
    try {
      const written: string[] = [];
      const append = async (n: number) => {
        for (let i = 0; i < n; i++) {
          const e = deposit('1.25', BigInt(written.length));
          await writer.appendToStream(`loan-${written.length % 3}`, [e]);
          written.push(e.eventId);
        }
      };
      await append(20);
      await until(() => counted.size === 20, 'the first events');
      await server.stop();
      await until(() => resubscribed.length >= 2, 'resubscription attempts');
      await server.start();
      await append(15);
      await until(() => counted.size === 35, 'the events after the restart');
      assert.equal([...counted.keys()].sort(), [...written].sort());
      assert.ok([...counted.values()].every((n) => n === 1));
      assert.is(totalPaise, 35n * 125n);
      assert.is(caughtUp, 1);
      const first = resubscribed[0];
      assert.ok(first !== undefined && first.attempt === 1 && first.from !== 'start');
      assert.instance(first?.error, StoreUnavailableError);
    } finally {
      abort.abort();
      await feeding;
      await store.close();
      await server.stop();
    }
  });
}

test('revisions and positions arrive as bigint', async () => {
  const server = await startEsdbTestServer();
  const store = open(server);
  try {
    const r = await store.appendToStream('loan-1', [deposit(), deposit()]);
    const [e] = await collect(store.readAll({ direction: 'backwards', maxCount: 1 }));
    assert.is(typeof r.nextExpectedRevision, 'bigint');
    assert.is(typeof e?.revision, 'bigint');
    assert.is(typeof e?.position.commit, 'bigint');
    assert.is(typeof e?.position.prepare, 'bigint');
    // Both events of the write share a commit position; only prepare tells them apart.
    const [a, b] = await collect(store.readStream('loan-1'));
    assert.is(a?.position.commit, b?.position.commit);
    assert.ok((a?.position.prepare ?? 0n) < (b?.position.prepare ?? 0n));
  } finally {
    await store.close();
    await server.stop();
  }
});

test.run();
