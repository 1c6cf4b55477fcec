// Appends with conditions sent as KurrentDB AppendRecords (`appendConditions: 'atomic'`): what
// is written reads back as the port wrote it, whichever mode wrote it; metadata that would be
// mistaken for the adapter's own wrapping is refused; a server without AppendRecords refuses the
// append, typed, and stores nothing. Test servers in a child process (see kurrentFactory.ts).
import { KurrentDBClient } from '@kurrent/kurrentdb-client';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import {
  AppendTooLargeError, ConditionFailedError, InvalidAppendError, StreamNotFoundError,
} from '@usha/ledger';
import type { EventStore, NewEvent, RecordedEvent } from '@usha/ledger';
import { collect, nextEventId, rejection, testSchema } from '@usha/testing';
import type { TestEvent } from '@usha/testing';
import { EventStoreDbError, StoreUnavailableError } from './errors.ts';
import { createEventStoreDbStore } from './eventStoreDbStore.ts';
import { startTestServerProcess } from './testServer/serverProcess.ts';

const servers = startTestServerProcess();
const clients: KurrentDBClient[] = [];

const serve = async (appendRecords: boolean, maxAppendSizeBytes?: number) => {
  const server = await servers.start({ batchAppend: true, appendRecords,
    ...(maxAppendSizeBytes === undefined ? {} : { maxAppendSizeBytes }) });
  const client = KurrentDBClient.connectionString(
    `${server.connectionString}&discoveryInterval=10`);
  clients.push(client);
  return { server, client };
};

const connect = async (appendRecords: boolean): Promise<KurrentDBClient> =>
  (await serve(appendRecords)).client;

// The ids of a stream's events; none if it has none (not found, deleted).
const idsOf = async (store: EventStore<TestEvent>, stream: string): Promise<string[]> => {
  try {
    return (await collect(store.readStream(stream, { notFoundAsEmpty: true })))
      .map((e) => e.eventId);
  } catch (e) {
    if (e instanceof StreamNotFoundError) return [];
    throw e;
  }
};

const conditionFailure = (e: unknown) => e instanceof ConditionFailedError
  ? { stream: e.stream, conditionStream: e.conditionStream, expected: e.expected,
    actual: e.actual } : e;

const event = (amount: string, metadata: Record<string, unknown>): NewEvent<TestEvent> => ({
  eventId: nextEventId(), type: 'Deposited',
  data: { account: 'acc-1', amount, sequence: 7n }, metadata: metadata as TestEvent['metadata'],
});

const seen = (e: RecordedEvent<TestEvent>) =>
  ({ stream: e.stream, revision: e.revision, type: e.type, data: e.data, metadata: e.metadata });

test('an append checked atomically reads back as written, metadata included, beside one '
  + 'written by a classic append; through either mode', async () => {
  const client = await connect(true);
  const atomic = createEventStoreDbStore({ client, schema: testSchema,
    appendConditions: 'atomic' });
  const before = createEventStoreDbStore({ client, schema: testSchema });
  try {
    const meta = { commandId: 'cmd-7', note: 'a "quoted" text', nested: { level: 2 } };
    const first = await before.appendToStream('member-1', [event('1.00', { commandId: 'c-1' })]);
    const written = await atomic.appendToStream('loan-1',
      [event('2.00', meta), event('3.00', { commandId: 'c-3' })],
      { expectedRevision: 'no_stream',
        conditions: [{ stream: 'member-1', revision: first.nextExpectedRevision }] });
    assert.is(written.nextExpectedRevision, 1n);
    const expected = [
      { stream: 'loan-1', revision: 0n, type: 'Deposited',
        data: { account: 'acc-1', amount: '2.00', sequence: 7n }, metadata: meta },
      { stream: 'loan-1', revision: 1n, type: 'Deposited',
        data: { account: 'acc-1', amount: '3.00', sequence: 7n },
        metadata: { commandId: 'c-3' } },
    ];
    for (const store of [atomic, before]) {
      assert.equal((await collect(store.readStream('loan-1'))).map(seen), expected);
      const all = (await collect(store.readAll())).map(seen);
      assert.equal(all.map((e) => `${e.stream}@${e.revision}`),
        ['member-1@0', 'loan-1@0', 'loan-1@1']);
      assert.equal(all.slice(1), expected);
    }
    // The position given is the last event's, as a read finds it.
    const last = (await collect(before.readStream('loan-1'))).at(-1);
    assert.equal(written.position, last?.position);
  } finally {
    await atomic.close();
    await before.close();
  }
});

test('metadata holding the adapter\'s own key "usha-metadata" is refused in either mode, and '
  + 'nothing is written', async () => {
  const client = await connect(true);
  for (const mode of ['atomic', 'checked-before'] as const) {
    const store = createEventStoreDbStore({ client, schema: testSchema, appendConditions: mode,
      streamPrefix: `${mode}-` });
    try {
      const e = await rejection(store.appendToStream('loan-1',
        [event('1.00', { commandId: 'c-1', 'usha-metadata': '{}' })]));
      assert.instance(e, InvalidAppendError);
      assert.is((e as Error).message, 'append to loan-1: metadata may not hold the key '
        + '"usha-metadata" (the adapter\'s own)');
      assert.equal(await idsOf(store, 'loan-1'), []);
    } finally {
      await store.close();
    }
  }
});

test('a server without AppendRecords (EventStoreDB, KurrentDB before 26.1): an append with '
  + 'conditions is refused, typed, naming what is needed, and nothing is written; one '
  + 'without conditions is a classic append', async () => {
  const client = await connect(false);
  const store = createEventStoreDbStore({ client, schema: testSchema,
    appendConditions: 'atomic' });
  try {
    await store.appendToStream('member-1', [event('1.00', { commandId: 'c-1' })]);
    const e = await rejection(store.appendToStream('loan-1', [event('2.00', { commandId: 'c' })],
      { conditions: [{ stream: 'member-1', revision: 0n }] }));
    assert.instance(e, EventStoreDbError);
    assert.is((e as EventStoreDbError).exception, 'unimplemented');
    assert.is((e as Error).message, 'EventStoreDB refused the operation (unimplemented): the '
      + "server takes no AppendRecords: appendConditions 'atomic' needs KurrentDB 26.1 or later");
    assert.equal((await collect(store.readAll())).map((x) => x.stream), ['member-1']);
  } finally {
    await store.close();
  }
});

test('which check failed decides the refusal: a condition on the append\'s own stream, or on '
  + 'a deleted or tombstoned stream, is ConditionFailedError as on the other stores', async () => {
  const client = await connect(true);
  const store = createEventStoreDbStore({ client, schema: testSchema,
    appendConditions: 'atomic' });
  try {
    await store.appendToStream('own-1', [event('1.00', { commandId: 'c-1' })]);
    const own = await rejection(store.appendToStream('own-1', [event('2.00', { commandId: 'c' })],
      { conditions: [{ stream: 'own-1', revision: 5n }] }));
    assert.equal(conditionFailure(own),
      { stream: 'own-1', conditionStream: 'own-1', expected: 5n, actual: 0n });
    await store.appendToStream('gone-1', [event('1.00', { commandId: 'c-1' })]);
    await store.appendToStream('gone-2', [event('1.00', { commandId: 'c-1' })]);
    await client.deleteStream('gone-1');
    await client.tombstoneStream('gone-2');
    // A deleted or tombstoned stream is no stream to a condition.
    for (const gone of ['gone-1', 'gone-2']) {
      const refused = await rejection(store.appendToStream('loan-1',
        [event('3.00', { commandId: 'c' })], { conditions: [{ stream: gone, revision: 0n }] }));
      assert.equal(conditionFailure(refused),
        { stream: 'loan-1', conditionStream: gone, expected: 0n, actual: 'no_stream' });
    }
    const stored = await store.appendToStream('loan-1', [event('4.00', { commandId: 'c' })],
      { conditions: [{ stream: 'gone-1', revision: 'no_stream' },
        { stream: 'gone-2', revision: 'no_stream' }] });
    assert.is(stored.nextExpectedRevision, 0n);
    // The second of two conditions failing names it; the first held.
    await store.appendToStream('member-1', [event('1.00', { commandId: 'c-1' })]);
    const second = await rejection(store.appendToStream('loan-1',
      [event('5.00', { commandId: 'c' })], { conditions: [
        { stream: 'member-1', revision: 0n }, { stream: 'member-2', revision: 3n }] }));
    assert.equal(conditionFailure(second),
      { stream: 'loan-1', conditionStream: 'member-2', expected: 3n, actual: 'no_stream' });
    // Written to a tombstoned stream: refused as on EventStoreDB's classic append.
    const tombstoned = await rejection(store.appendToStream('gone-2',
      [event('6.00', { commandId: 'c' })], { conditions: [{ stream: 'loan-1', revision: 0n }] }));
    assert.instance(tombstoned, InvalidAppendError);
    assert.is((tombstoned as Error).message,
      'append to gone-2: the stream is deleted in EventStoreDB');
    assert.equal((await idsOf(store, 'loan-1')).length, 1);
  } finally {
    await store.close();
  }
});

test('an append over the size limit as the server counts it (the metadata wrapped) is refused '
  + 'before it is sent; one the server itself refuses as too large is refused, typed',
async () => {
  // The store's limit under the server's; then the server's (300 bytes) under the store's.
  const store = createEventStoreDbStore({ client: await connect(true), schema: testSchema,
    appendConditions: 'atomic', maxAppendBytes: 300 });
  const big = createEventStoreDbStore({ client: (await serve(true, 300)).client,
    schema: testSchema, appendConditions: 'atomic' });
  try {
    await store.appendToStream('member-1', [event('1.00', { commandId: 'c-1' })]);
    const conditions = [{ stream: 'member-1', revision: 0n }];
    // 254 bytes as the port counts them (data and metadata JSON), under the store's 300; the
    // metadata wrapped (its 16 quotes escaped, under its key) makes them 358.
    const meta = { commandId: 'c-"quoted"-"text"-"here"-"and"-"more"-"of"-"it"' };
    const two = [event('2.00', meta), event('3.00', meta)];
    await big.appendToStream('member-1', [event('1.00', { commandId: 'c-1' })]);
    const wrapped = await rejection(store.appendToStream('loan-1', two, { conditions }));
    assert.instance(wrapped, AppendTooLargeError);
    assert.is((wrapped as Error).message, 'append to loan-1 is 358 bytes, over 300');
    const server = await rejection(big.appendToStream('loan-1',
      [event('2.00', meta), event('3.00', meta)], { conditions }));
    assert.instance(server, AppendTooLargeError);
    assert.is((server as Error).message, 'append to loan-1 is 358 bytes, over 300');
    assert.equal([await idsOf(store, 'loan-1'), await idsOf(big, 'loan-1')], [[], []]);
  } finally {
    await store.close();
    await big.close();
  }
});

test('an atomic append whose answer is lost (the server stored it and died): unavailable; '
  + 'sent again once the server is back, it returns its original result, stored once',
async () => {
  const { server, client } = await serve(true);
  const store = createEventStoreDbStore({ client, schema: testSchema,
    appendConditions: 'atomic' });
  try {
    await store.appendToStream('member-1', [event('1.00', { commandId: 'c-1' })]);
    const events = [event('2.00', { commandId: 'c-2' }), event('3.00', { commandId: 'c-2' })];
    const options = { expectedRevision: 'no_stream' as const,
      conditions: [{ stream: 'member-1', revision: 0n }] };
    await server.crashAfterWrites(1);
    const lost = await rejection(store.appendToStream('loan-1', events, options));
    assert.instance(lost, StoreUnavailableError);
    await server.restart();
    // Meanwhile the condition stream moved: the retry is still this append, not a new one.
    await store.appendToStream('member-1', [event('4.00', { commandId: 'c-4' })]);
    const again = await store.appendToStream('loan-1', events, options);
    assert.is(again.nextExpectedRevision, 1n);
    assert.equal(await idsOf(store, 'loan-1'), events.map((e) => e.eventId));
    const last = (await collect(store.readStream('loan-1'))).at(-1);
    assert.equal(again.position, last?.position);
  } finally {
    await store.close();
  }
});

test.after(async () => {
  for (const c of clients) await c.dispose();
  await servers.close();
});
test.run();
