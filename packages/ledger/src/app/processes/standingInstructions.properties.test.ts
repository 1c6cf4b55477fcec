// Each standing instruction's due date is paid or refused once, however its run is cut short
// and sent again: by the Ledger that resumes it, by Ledgers opened without resuming, by two at
// once, with other command ids and other actors.
import fc from 'fast-check';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { allEvents, balanceOf, memoryStore, testLedger } from '../testSupport.ts';
import { decided, runOfDay, standingDay } from './standingDay.fixture.ts';
import { Crash, dyingAfter } from './dyingStore.fixture.ts';

const RUNS = Number(process.env.PROPERTY_RUNS ?? 40);

const afterCrash = fc.record({
  // The run has seven appends; 7 is a run never cut short.
  killAfter: fc.integer({ min: 0, max: 7 }),
  resume: fc.boolean(),
  ledgers: fc.integer({ min: 1, max: 2 }),
  otherActor: fc.boolean(),
  runs: fc.integer({ min: 1, max: 3 }),
});

test('each standing instruction executes at most once per due date, even across a crash '
  + 'mid-run and across two Ledger instances running the same date', async () => {
  await fc.assert(fc.asyncProperty(afterCrash, async (c) => {
    const store = memoryStore();
    await standingDay(await testLedger(store));
    const dying = await testLedger(dyingAfter(store, c.killAfter));
    await dying.runStandingInstructions(runOfDay).catch((e: unknown) => {
      if (!(e instanceof Crash)) throw e;
    });
    const ledgers = [];
    for (let i = 0; i < c.ledgers; i++) {
      ledgers.push(await testLedger(store, { resume: c.resume }));
    }
    for (let run = 0; run < c.runs; run++) {
      await Promise.all(ledgers.map((l, i) => l.runStandingInstructions({ ...runOfDay,
        commandId: `run-${run}-${i}`, actor: c.otherActor && i === 1 ? 'cashier-2' : 'cashier',
      })));
    }
    assert.equal(await decided(store), [
      'SI-1 2024-05-10 executed 500.00', 'SI-2 2024-05-10 executed 888.49',
      'SI-3 2024-05-10 refused 500.00 insufficient_balance']);
    const events = await allEvents(store);
    const count = (type: string, stream: string) =>
      events.filter((e) => e.type === type && e.stream === stream).length;
    assert.equal([count('Withdrawn', 'deposit-SB-M1'), count('Withdrawn', 'deposit-SB-M2'),
      count('Withdrawn', 'deposit-SB-M3'), count('RepaymentReceived', 'loan-L2')], [1, 1, 0, 1]);
    const balance = (accountId: string) => balanceOf(dying, store, accountId);
    assert.equal([await balance('SB-M1'), await balance('RD-M1'), await balance('SB-M2'),
      await balance('SB-M3')], [450000n, 50000n, 211151n, 30000n]);
  }), { numRuns: RUNS });
});

test.run();
