// Several Ledgers over one EventStoreDB (the protocol test server): the property the memory
// and file stores hold (severalLedgers.properties.test.ts in @usha/ledger), over the adapter.
// Its conditions are checked before the append, not with it; the Ledgers here share one store
// object, which holds an append's condition streams while it checks and appends, so the
// property holds (seed 14628777 found a share purchase and an exit both stored before that
// lock). Separate processes keep a window a round trip wide: see the EventStoreDB guide.
import fc from 'fast-check';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { ledgerEventSchema } from '@usha/ledger';
import { againstModel, plans, runPlan, setUp, type Scenario } from '@usha/ledger/testing';
import { createEventStoreDbStore } from './eventStoreDbStore.ts';
import { startEsdbTestServer } from './testSupport.ts';

// One property run: `replay` pins a case fast-check found (its seed and path), none for random.
const property = async (o: { readonly runs: number; readonly scenario?: Scenario;
  readonly replay?: { readonly seed: number; readonly path: string } }) => {
  const server = await startEsdbTestServer();
  let run = 0;
  try {
    // Each run in streams of its own (the adapter's prefix), over one server.
    const open = () => Promise.resolve(createEventStoreDbStore({
      connectionString: server.connectionString, schema: ledgerEventSchema,
      streamPrefix: `run${run++}-` }));
    await fc.assert(fc.asyncProperty(fc.scheduler(), plans(2, o.scenario), async (s, plan) => {
      const store = await open();
      try {
        const r = await runPlan({ s, store, fresh: open, ledgers: 2, plan,
          ...(o.scenario === undefined ? {} : { scenario: o.scenario }) });
        const { actual, expected } = againstModel(r, o.scenario);
        assert.equal(actual, expected);
      } finally {
        await store.close();
      }
    }), { numRuns: o.runs, ...o.replay });
  } finally {
    await server.stop();
  }
};

test('the log several Ledgers write over EventStoreDB is the one a single Ledger writes taking '
  + 'the accepted commands in log order, and what must be refused is (2 Ledgers)', async () => {
  await property({ runs: 25 });
});

test('over EventStoreDB too, Ledgers opened before the society and staff were set up decide '
  + 'on them, and one of two Ledgers opening on an unfinished process completes it', async () => {
  await property({ runs: 8, scenario: setUp });
});

test('a share purchase and her exit, each conditioned on the other\'s stream, through one '
  + 'store: one of them is refused (the case seed 14628777 found)', async () => {
  await property({ runs: 1, replay: { seed: 14628777, path: '13:0' } });
});

test.run();
