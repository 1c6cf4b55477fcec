// Appends from two stores over one server: each store's view of a stream goes stale behind
// the other's writes, and the server's explicit-revision check is what keeps them honest.
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import {
  ConditionFailedError, EventIdConflictError, WrongExpectedVersionError,
} from '@usha/ledger';
import { createEventStoreDbStore } from './eventStoreDbStore.ts';
import { collect, deposit, rejection, startEsdbTestServer, testSchema } from './testSupport.ts';
import type { EsdbTestServer, TestEvent } from './testSupport.ts';

const open = (server: EsdbTestServer) =>
  createEventStoreDbStore<TestEvent>({ connectionString: server.connectionString,
    schema: testSchema });

const withTwo = (name: string, body: (a: ReturnType<typeof open>, b: ReturnType<typeof open>,
  server: EsdbTestServer) => Promise<void>) =>
  test(name, async () => {
    const server = await startEsdbTestServer();
    const [a, b] = [open(server), open(server)];
    try {
      await body(a, b, server);
    } finally {
      await a.close();
      await b.close();
      await server.stop();
    }
  });

withTwo('a store behind another writer learns the actual revision', async (a, b) => {
  await a.appendToStream('loan-1', [deposit()]);
  const wrong = await rejection(b.appendToStream('loan-1', [deposit()],
    { expectedRevision: 'no_stream' }));
  assert.instance(wrong, WrongExpectedVersionError);
  assert.is((wrong as WrongExpectedVersionError).actual, 0n);
  assert.is((await b.appendToStream('loan-1', [deposit()])).nextExpectedRevision, 1n);
  const stale = await rejection(a.appendToStream('loan-1', [deposit()],
    { expectedRevision: 0n }));
  assert.is((stale as WrongExpectedVersionError).actual, 1n);
  assert.is((await a.appendToStream('loan-1', [deposit()], { expectedRevision: 1n }))
    .nextExpectedRevision, 2n);
});

withTwo('a retry through another store is recognised, and a changed one refused', async (a, b) => {
  const events = [deposit('1.00'), deposit('2.00')];
  const first = await a.appendToStream('loan-1', events, { expectedRevision: 'no_stream' });
  await a.appendToStream('loan-1', [deposit()]);
  assert.equal(await b.appendToStream('loan-1', events, { expectedRevision: 'no_stream' }), first);
  const changed = events.map((e) => ({ ...e, metadata: { commandId: 'other' } }));
  assert.instance(await rejection(b.appendToStream('loan-1', changed)), EventIdConflictError);
  assert.is((await collect(a.readAll())).length, 3);
});

withTwo('after a lost answer, a retry with other content is refused', async (a, _b, server) => {
  const original = deposit('1.00');
  server.crashAfterWrites(1);
  await rejection(a.appendToStream('loan-1', [original], { expectedRevision: 'no_stream' }));
  await server.start();
  const changed = { ...original, data: { ...original.data, amount: '9.00' } };
  assert.instance(await rejection(a.appendToStream('loan-1', [changed],
    { expectedRevision: 'no_stream' })), EventIdConflictError);
  const again = await a.appendToStream('loan-1', [original], { expectedRevision: 'no_stream' });
  assert.is(again.nextExpectedRevision, 0n);
  assert.is(server.log.all.length, 1);
});

withTwo('a condition is read from the server, not from a view another writer made stale',
  async (a, b) => {
    await a.appendToStream('member-1', [deposit()]);
    await b.appendToStream('member-1', [deposit()]);
    const failed = await rejection(a.appendToStream('loan-1', [deposit()],
      { conditions: [{ stream: 'member-1', revision: 0n }] }));
    assert.instance(failed, ConditionFailedError);
    assert.equal([(failed as ConditionFailedError).conditionStream,
      (failed as ConditionFailedError).actual], ['member-1', 1n]);
    assert.is((await a.appendToStream('loan-1', [deposit()],
      { conditions: [{ stream: 'member-1', revision: 1n }] })).nextExpectedRevision, 0n);
    assert.is(a.appendConditions, 'checked-before');
  });

test.run();
