// The adapter against the raw client, measured side by side in one run against the test
// server on loopback (in this process): reading 100,000 events from $all, and appending
// 10,000 events in batches of 100. Prints each ratio (adapter / raw); the target is >= 0.8.
import { randomUUID } from 'node:crypto';
import { EventStoreDBClient, jsonEvent } from '@eventstore/db-client';
import { createEventStoreDbStore } from '../src/eventStoreDbStore.ts';
import { deposit, startEsdbTestServer, testSchema } from '../src/testSupport.ts';
import type { TestEvent } from '../src/testSupport.ts';

const readEvents = 100_000;
const appendEvents = 10_000;
const batch = 100;
const rounds = 3;
const target = 0.8;

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? 0;

const timed = async (body: () => Promise<number>) => {
  const start = process.hrtime.bigint();
  const n = await body();
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  return { n, ms, perSecond: (n / ms) * 1000 };
};

const rawEvent = (i: number) => jsonEvent({
  id: randomUUID(), type: 'Deposited',
  data: { account: 'acc-1', amount: '10.00', sequence: String(i) },
  metadata: { commandId: 'cmd-1' },
});

const portEvent = (i: number) => deposit('10.00', BigInt(i));

const withStore = async (batchAppend: boolean, body: (client: EventStoreDBClient,
  store: ReturnType<typeof createEventStoreDbStore<TestEvent>>,
  server: Awaited<ReturnType<typeof startEsdbTestServer>>) => Promise<boolean>) => {
  const server = await startEsdbTestServer({ batchAppend });
  const client = EventStoreDBClient.connectionString(server.connectionString);
  const store = createEventStoreDbStore<TestEvent>({ client, schema: testSchema });
  try {
    return await body(client, store, server);
  } finally {
    await store.close();
    await client.dispose();
    await server.stop();
  }
};

const appendBench = (batchAppend: boolean) => withStore(batchAppend, async (client, store) => {
    // Appends: the same 10,000 events' worth, each side into its own fresh stream per round.
    const rawAppend = async () => {
      const stream = `loan-${randomUUID()}`;
      let expected: bigint | 'no_stream' = 'no_stream';
      for (let i = 0; i < appendEvents; i += batch) {
        const events = Array.from({ length: batch }, (_, j) => rawEvent(i + j));
        expected = (await client.appendToStream(stream, events,
          { expectedRevision: expected })).nextExpectedRevision;
      }
      return appendEvents;
    };
    const portAppend = async () => {
      const stream = `loan-${randomUUID()}`;
      let expected: bigint | 'no_stream' = 'no_stream';
      for (let i = 0; i < appendEvents; i += batch) {
        const events = Array.from({ length: batch }, (_, j) => portEvent(i + j));
        expected = (await store.appendToStream(stream, events,
          { expectedRevision: expected })).nextExpectedRevision;
      }
      return appendEvents;
    };
    await rawAppend();
    await portAppend();
    const raw: number[] = [];
    const port: number[] = [];
    // Alternate which side goes first, so warm-up and GC do not favour one.
    for (let r = 0; r < rounds; r++) {
      if (r % 2 === 1) port.push((await timed(portAppend)).perSecond);
      raw.push((await timed(rawAppend)).perSecond);
      if (r % 2 === 0) port.push((await timed(portAppend)).perSecond);
    }
    const appendRatio = median(port) / median(raw);
    console.log(`${batchAppend ? 'BatchAppend' : 'Append'}: append 10,000 in batches of 100: ` +
      `raw ${median(raw).toFixed(0)} ev/s, adapter ${median(port).toFixed(0)} ev/s, ` +
      `ratio ${appendRatio.toFixed(2)}`);
    return appendRatio >= target;
});

const readBench = () => withStore(true, async (client, store, server) => {
    // Reads: top $all up to 100,000 events, then read all of it each way.
    const have = server.log.all.length;
    for (let i = have; i < readEvents; i += 1000) {
      const events = Array.from({ length: Math.min(1000, readEvents - i) }, (_, j) =>
        rawEvent(i + j));
      await client.appendToStream(`loan-${i % 97}`, events);
    }
    const rawRead = async () => {
      let n = 0;
      for await (const e of client.readAll()) if (e.event !== undefined) n += 1;
      return n;
    };
    const portRead = async () => {
      let n = 0;
      for await (const e of store.readAll()) if (e.revision >= 0n) n += 1;
      return n;
    };
    const rawR: number[] = [];
    const portR: number[] = [];
    for (let r = 0; r < rounds; r++) {
      const b1 = r % 2 === 1 ? await timed(portRead) : undefined;
      const a = await timed(rawRead);
      const b = b1 ?? await timed(portRead);
      if (a.n !== b.n || a.n !== readEvents) throw new Error(`read ${a.n} vs ${b.n}`);
      rawR.push(a.perSecond);
      portR.push(b.perSecond);
    }
    const readRatio = median(portR) / median(rawR);
    console.log(`read 100,000 from $all: raw ${median(rawR).toFixed(0)} ev/s, ` +
      `adapter ${median(portR).toFixed(0)} ev/s, ratio ${readRatio.toFixed(2)}`);
    return readRatio >= target;
});

console.log('EventStoreDB adapter vs raw @eventstore/db-client 6.2.1, test server on loopback');
console.log(`(median of ${rounds} rounds; target ratio >= ${target})`);
const allOk = [await readBench(), await appendBench(true), await appendBench(false)]
  .every(Boolean);
console.log(allOk ? 'all ratios meet the target' : 'a ratio is BELOW the target');
process.exit(allOk ? 0 : 1);
