// The test server's catch-up subscriptions, driven by the raw client.
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { EventStoreDBClient, jsonEvent, START } from '@eventstore/db-client';
import type { AllStreamSubscription, StreamSubscription } from '@eventstore/db-client';
import { startEsdbTestServer } from './server.ts';

const event = (type: string) => jsonEvent({ type, data: { type } });

/** Records what a subscription emits, in order, as short strings. */
const record = (s: AllStreamSubscription | StreamSubscription) => {
  const seen: string[] = [];
  s.on('confirmation', () => seen.push('confirmed'));
  s.on('caughtUp', () => seen.push('caught-up'));
  s.on('data', (e) => seen.push(`${e.event?.streamId}:${e.event?.type}`));
  s.on('error', (e: Error) => seen.push(`error:${e.constructor.name}`));
  return seen;
};

const until = async (done: () => boolean, what: string) => {
  for (let i = 0; i < 200 && !done(); i++) await new Promise((r) => setTimeout(r, 10));
  if (!done()) throw new Error(`timed out waiting for ${what}`);
};

test('confirmation, catch-up events, caught_up, then live events', async () => {
  const server = await startEsdbTestServer();
  const client = EventStoreDBClient.connectionString(server.connectionString);
  try {
    await client.appendToStream('loan-1', [event('A'), event('B')]);
    const s = client.subscribeToAll({ fromPosition: START });
    const seen = record(s);
    await until(() => seen.includes('caught-up'), 'caught-up');
    await client.appendToStream('loan-2', event('C'));
    await until(() => seen.length === 5, 'the live event');
    assert.equal(seen, ['confirmed', 'loan-1:A', 'loan-1:B', 'caught-up', 'loan-2:C']);
    assert.is(server.calls.subscribe, 1);
    await s.unsubscribe();
  } finally {
    await client.dispose();
    await server.stop();
  }
});

test('a subscription from a position starts after it, even inside one write', async () => {
  const server = await startEsdbTestServer();
  const client = EventStoreDBClient.connectionString(server.connectionString);
  try {
    await client.appendToStream('loan-1', [event('A'), event('B'), event('C')]);
    const b = server.log.all[1];
    assert.ok(b);
    const s = client.subscribeToAll({ fromPosition: { commit: b.commit, prepare: b.prepare } });
    const seen = record(s);
    await until(() => seen.includes('caught-up'), 'caught-up');
    assert.equal(seen, ['confirmed', 'loan-1:C', 'caught-up']);
    await s.unsubscribe();
  } finally {
    await client.dispose();
    await server.stop();
  }
});

test('a stream subscription delivers only that stream, after the revision', async () => {
  const server = await startEsdbTestServer();
  const client = EventStoreDBClient.connectionString(server.connectionString);
  try {
    await client.appendToStream('loan-1', [event('A'), event('B')]);
    const s = client.subscribeToStream('loan-1', { fromRevision: 0n });
    const seen = record(s);
    await until(() => seen.includes('caught-up'), 'caught-up');
    await client.appendToStream('loan-2', event('X'));
    await client.appendToStream('loan-1', event('C'));
    await until(() => seen.length === 4, 'the live event');
    assert.equal(seen, ['confirmed', 'loan-1:B', 'caught-up', 'loan-1:C']);
    await s.unsubscribe();
  } finally {
    await client.dispose();
    await server.stop();
  }
});

test('a stopped server drops subscriptions; restarted, it keeps its log and port', async () => {
  const server = await startEsdbTestServer();
  const client = EventStoreDBClient.connectionString(server.connectionString);
  try {
    await client.appendToStream('loan-1', [event('A')]);
    const port = server.port;
    const s = client.subscribeToAll({ fromPosition: START });
    const seen = record(s);
    await until(() => seen.includes('caught-up'), 'caught-up');
    await server.stop();
    await until(() => seen.some((x) => x.startsWith('error:')), 'the drop');
    assert.ok(['error:UnavailableError', 'error:CancelledError'].includes(seen[3] ?? ''),
      seen.join());
    await server.start();
    assert.is(server.port, port);
    const again = client.subscribeToAll({ fromPosition: START });
    const seenAgain = record(again);
    await until(() => seenAgain.includes('caught-up'), 'caught-up after restart');
    assert.equal(seenAgain, ['confirmed', 'loan-1:A', 'caught-up']);
    await again.unsubscribe();
  } finally {
    await client.dispose();
    await server.stop();
  }
});

test('a server told to crash stores the write, then stops before answering', async () => {
  const server = await startEsdbTestServer({ batchAppend: false });
  const client = EventStoreDBClient.connectionString(server.connectionString);
  try {
    server.crashAfterWrites(2);
    await client.appendToStream('loan-1', event('A'));
    const e = await client.appendToStream('loan-1', event('B')).catch((x: unknown) => x);
    assert.instance(e, Error);
    assert.is(server.running(), false);
    assert.is(server.log.all.length, 2);
  } finally {
    await client.dispose();
    await server.stop();
  }
});

test.run();
