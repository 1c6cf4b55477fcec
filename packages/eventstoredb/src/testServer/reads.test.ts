// The test server's reads and deletes, driven by the raw client.
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import {
  BACKWARDS, END, EventStoreDBClient, jsonEvent, StreamDeletedError, StreamNotFoundError,
  WrongExpectedVersionError,
} from '@eventstore/db-client';
import type { ResolvedEvent } from '@eventstore/db-client';
import { startEsdbTestServer } from './server.ts';
import type { EsdbTestServer } from './server.ts';

let server: EsdbTestServer;
let client: EventStoreDBClient;

const rejection = async (p: Promise<unknown>): Promise<unknown> =>
  p.then(() => { throw new Error('expected a rejection'); }, (e: unknown) => e);

const collect = async (events: AsyncIterable<ResolvedEvent>) => {
  const out = [];
  for await (const e of events) if (e.event !== undefined) out.push(e.event);
  return out;
};

const event = (type: string) => jsonEvent({ type, data: { type } });

test.before(async () => {
  server = await startEsdbTestServer();
  client = EventStoreDBClient.connectionString(server.connectionString);
  await client.appendToStream('loan-1', [event('A'), event('B'), event('C')]);
  await client.appendToStream('loan-2', [event('D')]);
  await client.appendToStream('loan-1', [event('E')]);
});

test.after(async () => {
  await client.dispose();
  await server.stop();
});

test('a stream reads forwards and backwards, from a revision inclusively', async () => {
  const types = async (o: Parameters<EventStoreDBClient['readStream']>[1]) =>
    (await collect(client.readStream('loan-1', o))).map((e) => `${e.revision}${e.type}`);
  assert.equal(await types({}), ['0A', '1B', '2C', '3E']);
  assert.equal(await types({ fromRevision: 1n, maxCount: 2 }), ['1B', '2C']);
  assert.equal(await types({ direction: BACKWARDS, fromRevision: END }), ['3E', '2C', '1B', '0A']);
  assert.equal(await types({ direction: BACKWARDS, fromRevision: 2n }), ['2C', '1B', '0A']);
  assert.equal(await types({ fromRevision: 9n }), []);
});

test('recorded events carry revision, both positions, type and created time', async () => {
  const [first] = await collect(client.readStream('loan-2'));
  assert.ok(first);
  assert.is(typeof first.revision, 'bigint');
  assert.is(first.revision, 0n);
  assert.equal(first.position, server.log.all[3] && {
    commit: server.log.all[3].commit, prepare: server.log.all[3].prepare });
  assert.equal([first.type, first.data, first.isJson], ['D', { type: 'D' }, true]);
  assert.ok(Math.abs(first.created.getTime() - Date.now()) < 60_000);
});

test('events of one write share a commit position; positions are not consecutive', () => {
  const [a, b, c, d] = server.log.all;
  assert.ok(a && b && c && d);
  assert.equal([a.commit, b.commit, c.commit], [0n, 0n, 0n]);
  assert.ok(a.prepare < b.prepare && b.prepare < c.prepare && c.prepare < d.prepare);
  assert.ok(b.prepare - a.prepare > 1n);
  assert.is(d.commit, d.prepare);
});

test('a missing stream is a stream_not_found message, thrown as StreamNotFound', async () => {
  const e = await rejection(collect(client.readStream('loan-404')));
  assert.instance(e, StreamNotFoundError);
  assert.is((e as StreamNotFoundError).streamName, 'loan-404');
  assert.is(server.calls.read > 0, true);
});

test('$all reads forwards from a position inclusively, backwards exclusively', async () => {
  const all = server.log.all;
  const third = all[2];
  assert.ok(third);
  const from = { commit: third.commit, prepare: third.prepare };
  const fwd = await collect(client.readAll({ fromPosition: from, maxCount: 2 }));
  assert.equal(fwd.map((e) => e.type), ['C', 'D']);
  const back = await collect(client.readAll({ fromPosition: from, direction: BACKWARDS }));
  assert.equal(back.map((e) => e.type), ['B', 'A']);
  const end = await collect(client.readAll({ fromPosition: END, direction: BACKWARDS,
    maxCount: 1 }));
  assert.equal(end.map((e) => e.type), ['E']);
});

test('a soft-deleted stream reads as not found; its metastream event shows in $all', async () => {
  await client.appendToStream('loan-9', [event('A'), event('B')]);
  await client.deleteStream('loan-9', { expectedRevision: 1n });
  assert.instance(await rejection(collect(client.readStream('loan-9'))), StreamNotFoundError);
  const last = await collect(client.readAll({ fromPosition: END, direction: BACKWARDS,
    maxCount: 1 }));
  assert.equal(last.map((e) => [e.streamId, e.type]), [['$$loan-9', '$metadata']]);
  await client.appendToStream('loan-9', event('C'), { expectedRevision: 'no_stream' });
  const again = await collect(client.readStream('loan-9'));
  assert.equal(again.map((e) => `${e.revision}${e.type}`), ['2C']);
});

test('a delete with a wrong expected version fails with the version trailers', async () => {
  await client.appendToStream('loan-7', [event('A'), event('B')]);
  const e = await rejection(client.deleteStream('loan-7', { expectedRevision: 0n }));
  assert.instance(e, WrongExpectedVersionError);
  const w = e as WrongExpectedVersionError;
  assert.equal([w.streamName, w.expectedVersion, w.actualVersion], ['loan-7', 0n, 1n]);
  const t = await rejection(client.tombstoneStream('loan-8', { expectedRevision: 3n }));
  assert.is((t as WrongExpectedVersionError).actualVersion, 'no_stream');
});

test('client quirk: deleteStream with STREAM_EXISTS fails inside the client', async () => {
  const deletes = server.calls.delete;
  // The client's types leave it out, but its constants include it and JS callers pass it.
  const streamExists = 'stream_exists' as unknown as bigint;
  const e = await rejection(client.deleteStream('loan-7', { expectedRevision: streamExists }));
  assert.instance(e, Error);
  assert.not.instance(e, WrongExpectedVersionError);
  assert.is(server.calls.delete, deletes);
});

test('a tombstoned stream cannot be read', async () => {
  await client.appendToStream('loan-6', event('A'));
  await client.tombstoneStream('loan-6', { expectedRevision: 0n });
  const e = await rejection(collect(client.readStream('loan-6')));
  assert.instance(e, StreamDeletedError);
  const last = await collect(client.readAll({ fromPosition: END, direction: BACKWARDS,
    maxCount: 1 }));
  assert.equal(last.map((x) => [x.streamId, x.type, x.revision]),
    [['loan-6', '$streamDeleted', 9223372036854775807n]]);
});

test.run();
