// The event-store contract against a real EventStoreDB/KurrentDB, when EVENTSTORE_URL names
// one (see docs/guides/eventstoredb.md to start one). Each store writes under its own stream
// prefix, so runs share the database without seeing each other's events. An `esdb://` URL is
// reached through @eventstore/db-client; any other (`kurrentdb://`) through the KurrentDB client.
// With EVENTSTORE_CONDITIONS=atomic (a `kurrentdb://` URL of KurrentDB 26.1 or later), the
// stores check conditions in the append (AppendRecords) and the contract's race runs.
import { randomUUID } from 'node:crypto';
import { test } from 'uvu';
import { createEventStoreDbStore } from './eventStoreDbStore.ts';
import { eventStoreContract } from '@usha/testing';

const url = process.env['EVENTSTORE_URL'];
const atomic = process.env['EVENTSTORE_CONDITIONS'] === 'atomic';

if (url === undefined || url === '') {
  console.log('EVENTSTORE_URL is not set: the contract against a real EventStoreDB is SKIPPED '
    + '(e.g. EVENTSTORE_URL="esdb://localhost:2113?tls=false").');
  test.skip('event store contract: eventstoredb (live server)', () => undefined);
  test.run();
} else {
  // Loaded only for such a URL: the two clients' generated classes cannot share a process.
  const kurrent = url.startsWith('esdb')
    ? undefined
    : (await import('@kurrent/kurrentdb-client')).KurrentDBClient.connectionString(url);
  eventStoreContract(`eventstoredb (live server${atomic ? ', conditions atomic' : ''})`, {
    create: async (o) => createEventStoreDbStore({
      ...o, streamPrefix: `t${randomUUID().slice(0, 8)}_`,
      ...(kurrent === undefined ? { connectionString: url } : { client: kurrent }),
      ...(atomic ? { appendConditions: 'atomic' as const } : {}),
    }),
    cleanup: async () => kurrent?.dispose(),
  }, { modelRuns: 15, raceRuns: 15 });
}
