// A branch's charge run for a date records what the rules give once, however it is sent again:
// with the same id, another id or another actor, after a run cut short, by another Ledger.
import fc from 'fast-check';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { addDays, businessDate } from '@usha/domain';
import { memoryStore, testLedger } from '../testSupport.ts';
import { catalogue, charges, run, society } from './chargesSociety.fixture.ts';
import { Crash, dyingAfter } from './dyingStore.fixture.ts';

const RUNS = Number(process.env.PROPERTY_RUNS ?? 15);

const again = fc.record({
  // Days after 1 April 2025: from nothing due yet to half a year of charges.
  day: fc.integer({ min: 1, max: 200 }),
  // The first run has three appends (one per account); 3 is a run never cut short.
  killAfter: fc.integer({ min: 0, max: 3 }),
  sameId: fc.boolean(),
  otherActor: fc.boolean(),
});

test('applying the charges for a date twice records them once', async () => {
  await fc.assert(fc.asyncProperty(again, async (c) => {
    const on = addDays(businessDate('2025-04-01'), c.day);
    const once = await society();
    await once.ledger.applyChargesForBranch(run('chg-1', on));
    const store = memoryStore();
    await society(store);
    const dying = await testLedger(dyingAfter(store, c.killAfter), { products: catalogue() });
    await dying.applyChargesForBranch(run('chg-1', on)).catch((e: unknown) => {
      if (!(e instanceof Crash)) throw e;
    });
    const other = await testLedger(store, { products: catalogue() });
    const second = run(c.sameId ? 'chg-1' : 'chg-2', on);
    await other.applyChargesForBranch(c.otherActor ? { ...second, actor: 'bm-1' } : second);
    assert.equal(await charges(store), await charges(once.store));
  }), { numRuns: RUNS });
});

test.run();
