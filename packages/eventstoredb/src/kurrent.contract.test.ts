// The event-store contract over the KurrentDB client (@kurrent/kurrentdb-client), the
// maintained successor of @eventstore/db-client on the same protocol, against the test server
// with BatchAppend and with the classic Append. A file of its own: the two clients cannot
// share a process (see kurrentFactory.ts). Fewer runs than contract.test.ts: the adapter's
// code is the same, and what differs, the client, is exercised by every run alike.
import { createRequire } from 'node:module';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { eventStoreContract } from '@usha/testing';
import { kurrentFactory } from './kurrentFactory.ts';

const runs = { modelRuns: 20, raceRuns: 20 };
eventStoreContract('eventstoredb over KurrentDB client (BatchAppend)',
  kurrentFactory({ batchAppend: true }), runs);
eventStoreContract('eventstoredb over KurrentDB client (Append)',
  kurrentFactory({ batchAppend: false }), runs);
// Conditions checked by the server in the append (AppendRecords, KurrentDB 26.1 and later):
// the contract's race of conditional appends against writes to their condition stream runs.
eventStoreContract('eventstoredb over KurrentDB client (conditions atomic, AppendRecords)',
  kurrentFactory({ batchAppend: true, atomic: true }), runs);

// Loaded beside the KurrentDB client, @eventstore/db-client's generated protobuf classes
// replace the KurrentDB client's own, and its appends fail inside the client.
test('a store over a KurrentDB client never loads @eventstore/db-client', () => {
  const loaded = Object.keys(createRequire(import.meta.url).cache);
  assert.ok(loaded.some((p) => p.includes('kurrentdb-client')), 'the KurrentDB client is loaded');
  assert.equal(loaded.filter((p) => p.includes('@eventstore/db-client')), []);
});
test.run();
