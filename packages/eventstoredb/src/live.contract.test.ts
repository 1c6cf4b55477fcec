// The event-store contract against a real EventStoreDB/KurrentDB, when EVENTSTORE_URL names
// one (see docs/guides/eventstoredb.md to start one). Each store writes under its own stream
// prefix, so runs share the database without seeing each other's events.
import { randomUUID } from 'node:crypto';
import { test } from 'uvu';
import { createEventStoreDbStore } from './eventStoreDbStore.ts';
import { eventStoreContract } from './testSupport.ts';

const url = process.env['EVENTSTORE_URL'];

if (url === undefined || url === '') {
  console.log('EVENTSTORE_URL is not set: the contract against a real EventStoreDB is SKIPPED '
    + '(e.g. EVENTSTORE_URL="esdb://localhost:2113?tls=false").');
  test.skip('event store contract: eventstoredb (live server)', () => undefined);
  test.run();
} else {
  eventStoreContract('eventstoredb (live server)', {
    create: async (o) => createEventStoreDbStore({
      ...o, connectionString: url, streamPrefix: `t${randomUUID().slice(0, 8)}_`,
    }),
  }, { modelRuns: 15, raceRuns: 15 });
}
