// A day's standing instructions killed (SIGKILL) at each boundary between the run's appends,
// in a child process: the next Ledger opened on the file completes the instruction in flight,
// the run sent again does the rest, and the log then holds exactly what an uninterrupted run
// writes, event for event: each instruction's due date paid or refused once.
import { copyFile, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { childSignal, openLog, storedEntries } from './killedChild.fixture.ts';
import { decided, runOfDay, standingDay } from './standingDay.fixture.ts';

const fixture = new URL('./standingKilled.fixture.ts', import.meta.url).pathname;

// Runs the day in a child that kills itself before its append number `appends + 1`.
const killedAfter = (file: string, appends: number) =>
  childSignal(fixture, [file, String(appends)]);

test('a run killed before each of its seven appends pays each due date once', async () => {
  const dir = await mkdtemp(join(tmpdir(), 'usha-standing-kill-'));
  try {
    const base = join(dir, 'base.ndjson');
    {
      const { store, ledger } = await openLog(base);
      await standingDay(ledger);
      await ledger.close();
      await store.close();
    }
    const whole = join(dir, 'whole.ndjson');
    await copyFile(base, whole);
    {
      const { store, ledger } = await openLog(whole);
      const o = await ledger.runStandingInstructions(runOfDay);
      assert.is(o.steps.filter((s) => s.status === 'accepted').length, 7);
      await ledger.close();
      await store.close();
    }
    const expected = await storedEntries(whole);
    // Each instruction's claim, then its steps: 4, 4 and 2 appends.
    for (let appends = 0; appends < 10; appends++) {
      const file = join(dir, `killed-${appends}.ndjson`);
      await copyFile(base, file);
      assert.is(await killedAfter(file, appends), 'SIGKILL');
      const { store, ledger } = await openLog(file);
      // Killed inside an instruction's steps (not after its last): that one is completed now.
      const inFlight = [2, 3, 6, 7].includes(appends) ? 1 : 0;
      assert.is(ledger.resumed.length, inFlight, `resumed after ${appends}`);
      assert.is(ledger.resumed[0]?.status ?? 'completed', 'completed');
      assert.is((await ledger.runStandingInstructions(runOfDay)).status, 'completed');
      assert.equal(await decided(store), [
        'SI-1 2024-05-10 executed 500.00', 'SI-2 2024-05-10 executed 888.49',
        'SI-3 2024-05-10 refused 500.00 insufficient_balance'], `decided after ${appends}`);
      await ledger.close();
      await store.close();
      assert.equal(await storedEntries(file), expected, `the log killed after ${appends} appends`);
    }
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
});

test.run();
