// Several Ledgers over one store, each opened before the setup and so holding none of it,
// take commands in interleavings fast-check's scheduler chooses; one Ledger then takes the
// accepted ones, in the order the log holds them. The log is the one it writes: no Ledger
// decided on facts the store no longer held, its society and staff included. Where the setup
// leaves a process unfinished, two Ledgers opening as the commands run both find it: exactly
// one completes it. The file store takes one writer (a second read-write handle on the file
// is refused by its lock), so its Ledgers share one handle.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import type { EventStore } from '../../eventStore/port.ts';
import { openFileEventStore } from '../../file/fileEventStore.ts';
import { ledgerEventSchema, type LedgerEvent } from '../log/ledgerEvent.ts';
import { memoryStore } from '../testSupport.ts';
import {
  againstModel, plans, runPlan, setUp, settingUp, unset,
} from './severalLedgers.fixture.ts';

const dir = await mkdtemp(join(tmpdir(), 'usha-several-ledgers-'));
let files = 0;
const fileStore = (): Promise<EventStore<LedgerEvent>> =>
  openFileEventStore({ file: join(dir, `log-${files++}.ndjson`), schema: ledgerEventSchema });

const stores = {
  memory: () => Promise.resolve(memoryStore()),
  file: fileStore,
} as const;

for (const [kind, open] of Object.entries(stores)) {
  for (const scenario of [unset, setUp, settingUp]) {
    for (const ledgers of [2, 3]) {
      test(`the log several Ledgers write is the one a single Ledger writes taking the `
        + `accepted commands in log order, and what must be refused is (${scenario.name}; `
        + `${kind} store, ${ledgers} Ledgers)`, async () => {
        let accepted = 0;
        await fc.assert(fc.asyncProperty(fc.scheduler(), plans(ledgers, scenario),
          async (s, plan) => {
            const store = await open();
            try {
              const r = await runPlan({ s, store, fresh: open, ledgers, plan, scenario });
              const { actual, expected } = againstModel(r, scenario);
              assert.equal(actual, expected);
              if (scenario.unfinished !== undefined) {
                // One of the two Ledgers opened on it completed it; the other left it to that
                // one, or opened once it had ended (the log holds one claim: streams, above).
                assert.equal(r.resumed.map((x) => [x.processId, x.status]),
                  [['repay-L4', 'completed']]);
                assert.ok(r.resumedElsewhere.every((x) => x.processId === 'repay-L4'));
                assert.ok(r.resumedElsewhere.length <= 1);
              }
              accepted += r.outcomes.filter((o) => o.status === 'accepted').length;
            } finally {
              await store.close();
            }
          // The first scenario as before; the others run the same paths with more set up.
          }), { numRuns: (kind === 'memory' ? 100 : 30) / (scenario === unset ? 1 : 2.5) });
        // Commands were stored, not only refused: the property is not held by refusing all.
        assert.ok(accepted > 0);
      });
    }
  }
}

test.after(() => rm(dir, { recursive: true, force: true }));
test.run();
