// The test server's appends, driven by the raw client, in both of the client's append modes.
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import {
  EventStoreDBClient, jsonEvent, MaxAppendSizeExceededError, NotLeaderError,
  StreamDeletedError, WrongExpectedVersionError,
} from '@eventstore/db-client';
import { startEsdbTestServer } from './server.ts';
import type { EsdbTestServer, EsdbTestServerOptions } from './server.ts';

const withServer = async (options: EsdbTestServerOptions,
  body: (server: EsdbTestServer, client: EventStoreDBClient) => Promise<void>,
  throwOnAppendFailure = true) => {
  const server = await startEsdbTestServer(options);
  const client = EventStoreDBClient.connectionString(
    `${server.connectionString}&throwOnAppendFailure=${throwOnAppendFailure}`);
  try {
    await body(server, client);
  } finally {
    await client.dispose();
    await server.stop();
  }
};

const rejection = async (p: Promise<unknown>): Promise<unknown> =>
  p.then(() => { throw new Error('expected a rejection'); }, (e: unknown) => e);

const event = (type: string, id?: string) => jsonEvent({ type, data: { type }, id });

const modes: Array<[string, EsdbTestServerOptions, 'append' | 'batchAppend']> = [
  ['BatchAppend listed', { batchAppend: true }, 'batchAppend'],
  ['BatchAppend not listed', { batchAppend: false }, 'append'],
  ['ServerFeatures unimplemented', { serverFeatures: false }, 'append'],
];

for (const [name, options, method] of modes) {
  test(`${name}: the client appends through ${method}`, () =>
    withServer(options, async (server, client) => {
      const r = await client.appendToStream('loan-1', [event('A'), event('B')],
        { expectedRevision: 'no_stream' });
      assert.is(r.nextExpectedRevision, 1n);
      // Each record is 87 bytes of header plus stream name, type and data: 87 + 6 + 1 + 12.
      assert.equal(r.position, { commit: 0n, prepare: 106n });
      await client.appendToStream('loan-1', event('C'), { expectedRevision: 1n });
      assert.is(server.calls[method], method === 'batchAppend' ? 1 : 2);
      assert.is(server.calls[method === 'append' ? 'batchAppend' : 'append'], 0);
      assert.is(server.calls.getSupportedMethods, options.serverFeatures === false ? 0 : 1);
      assert.equal(server.log.all.map((e) => e.revision), [0n, 1n, 2n]);
    }));

  test(`${name}: a wrong expected version names expected and actual revisions`, () =>
    withServer(options, async (_server, client) => {
      await client.appendToStream('loan-1', [event('A'), event('B')]);
      const e = await rejection(client.appendToStream('loan-1', event('C'),
        { expectedRevision: 5n }));
      assert.instance(e, WrongExpectedVersionError);
      const w = e as WrongExpectedVersionError;
      assert.equal([w.streamName, w.expectedVersion, w.actualVersion], ['loan-1', 5n, 1n]);
      const none = await rejection(client.appendToStream('loan-2', event('C'),
        { expectedRevision: 'stream_exists' }));
      assert.is((none as WrongExpectedVersionError).actualVersion, 'no_stream');
      assert.is((none as WrongExpectedVersionError).expectedVersion, 'stream_exists');
    }));

  test(`${name}: a retry with the same ids and revision is stored once`, () =>
    withServer(options, async (server, client) => {
      const id = '0190a3c2-7e1b-7000-8000-000000000001';
      const first = await client.appendToStream('loan-1', event('A', id),
        { expectedRevision: 'no_stream' });
      await client.appendToStream('loan-1', event('B'), { expectedRevision: 0n });
      const again = await client.appendToStream('loan-1', event('A', id),
        { expectedRevision: 'no_stream' });
      assert.equal(again, first);
      assert.is(server.log.all.length, 2);
    }));

  test(`${name}: appends to a tombstoned stream are refused`, () =>
    withServer(options, async (_server, client) => {
      await client.appendToStream('loan-1', event('A'));
      await client.tombstoneStream('loan-1');
      const e = await rejection(client.appendToStream('loan-1', event('B')));
      assert.instance(e, StreamDeletedError);
      assert.is((e as StreamDeletedError).streamName, 'loan-1');
    }));

  test(`${name}: an append over 1,048,576 bytes is refused whole`, () =>
    withServer(options, async (server, client) => {
      const big = jsonEvent({ type: 'Big', data: { s: 'x'.repeat(600_000) } });
      const e = await rejection(client.appendToStream('loan-1',
        [big, jsonEvent({ type: 'Big', data: { s: 'y'.repeat(600_000) } })]));
      assert.instance(e, MaxAppendSizeExceededError);
      assert.is((e as MaxAppendSizeExceededError).maxAppendSize, 1_048_576);
      assert.is(server.log.all.length, 0);
    }));
}

test('a follower answers not-leader with the leader endpoint in trailers', () =>
  withServer({ batchAppend: false }, async (server, client) => {
    server.setNotLeader({ host: '127.0.0.1', port: 2113 });
    const e = await rejection(client.appendToStream('loan-1', event('A')));
    assert.instance(e, NotLeaderError);
    assert.equal((e as NotLeaderError).leader, { address: '127.0.0.1', port: 2113 });
  }));

test('client quirk: BatchAppend without throwing reports a wrong next revision', () =>
  withServer({ batchAppend: true }, async (_server, client) => {
    await client.appendToStream('loan-1', [event('A'), event('B'), event('C'), event('D')]);
    const r = await client.appendToStream('loan-1', event('E'), { expectedRevision: 0n });
    // The stream is at revision 3; client 6.2.1 turns `hasCurrentStreamRevision()` into 1n.
    assert.equal([r.success, r.nextExpectedRevision], [false, 1n]);
  }, false));

test('classic Append without throwing reports the actual revision', () =>
  withServer({ batchAppend: false }, async (_server, client) => {
    await client.appendToStream('loan-1', [event('A'), event('B'), event('C'), event('D')]);
    const r = await client.appendToStream('loan-1', event('E'), { expectedRevision: 0n });
    assert.equal([r.success, r.nextExpectedRevision], [false, 3n]);
  }, false));

test('client quirk: with the server down, BatchAppend fails with a raw gRPC error', async () => {
  const server = await startEsdbTestServer({ batchAppend: true });
  const client = EventStoreDBClient.connectionString(server.connectionString);
  try {
    await client.appendToStream('loan-1', event('A'));
    await server.stop();
    await new Promise((r) => setTimeout(r, 100));
    const e = await rejection(client.appendToStream('loan-1', event('B')));
    assert.is((e as { code?: number }).code, 14);
    assert.not.instance(e, WrongExpectedVersionError);
  } finally {
    await client.dispose();
    await server.stop();
  }
});

test.run();
