// Several Ledgers over one EventStoreDB (the protocol test server): the property the memory
// and file stores hold (severalLedgers.properties.test.ts in @usha/ledger), over the adapter.
// Its conditions are checked before the append, not with it; this property's commands race
// on expected revisions (the member's stream, a loan's) as well as on conditions, and the
// runs here met no interleaving that the window let through (see the EventStoreDB guide).
import fc from 'fast-check';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { ledgerEventSchema } from '@usha/ledger';
import { plans, runPlan } from '@usha/ledger/testing';
import { createEventStoreDbStore } from './eventStoreDbStore.ts';
import { startEsdbTestServer } from './testSupport.ts';

test('the log several Ledgers write over EventStoreDB is the one a single Ledger writes taking '
  + 'the accepted commands in log order, and what must be refused is (2 Ledgers)', async () => {
  const server = await startEsdbTestServer();
  let run = 0;
  try {
    // Each run in streams of its own (the adapter's prefix), over one server.
    const open = () => Promise.resolve(createEventStoreDbStore({
      connectionString: server.connectionString, schema: ledgerEventSchema,
      streamPrefix: `run${run++}-` }));
    await fc.assert(fc.asyncProperty(fc.scheduler(), plans(2), async (s, plan) => {
      const store = await open();
      try {
        const r = await runPlan({ s, store, fresh: open, ledgers: 2, plan });
        assert.equal(r.modelRejections, []);
        assert.equal(r.reusedUnstored, []);
        assert.equal(r.streams, r.modelStreams);
        for (const x of r.refusals) assert.equal(x.got, x.expected);
      } finally {
        await store.close();
      }
    }), { numRuns: 25 });
  } finally {
    await server.stop();
  }
});

test.run();
