// A year close killed (SIGKILL) at each boundary between its steps, in a child process, is
// finished by the next Ledger opened on the file: the log then holds exactly what a close never
// interrupted writes, event for event, none twice.
import { copyFile, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { memberWithSavings, ok } from '../testSupport.ts';
import { childSignal, openLog, storedEntries } from './killedChild.fixture.ts';

const fixture = new URL('./killBetweenSteps.fixture.ts', import.meta.url).pathname;
const close = { actor: 'board', societyId: 'USHA', financialYear: '2024-25', commandId: 'fy',
  on: '2025-04-05' };

// Runs the close in a child that kills itself before its append number `appends + 1`.
const killedAfter = (file: string, appends: number) =>
  childSignal(fixture, [file, 'close', String(appends)]);

test('a close killed before any of its eight appends is finished at the next open, once',
  async () => {
  const dir = await mkdtemp(join(tmpdir(), 'usha-close-kill-'));
  try {
    // Three members with Rs 1,000 saved, the society configured: the close's appends are its
    // claim, its beginning, the interest on three accounts, the accruals, the provision and the
    // close itself.
    const base = join(dir, 'base.ndjson');
    {
      const { store, ledger } = await openLog(base);
      for (const m of ['M-0001', 'M-0002', 'M-0003']) await memberWithSavings(ledger, m, '1000');
      ok(await ledger.configureSociety({ commandId: 'cfg', actor: 'board', on: '2024-04-01',
        societyId: 'USHA', statutoryReservePercent: '25', dividendRateCapPercent: '15' }));
      await ledger.close();
      await store.close();
    }
    const whole = join(dir, 'whole.ndjson');
    await copyFile(base, whole);
    {
      const { store, ledger } = await openLog(whole);
      const o = await ledger.closeFinancialYear(close);
      assert.equal(o.steps.map((s) => s.status === 'accepted' && s.commandType), [
        'BeginYearClose', 'PostInterest', 'PostInterest', 'PostInterest', 'RecordYearEndAccruals',
        'SetLoanLossProvision', 'CloseFinancialYear']);
      await ledger.close();
      await store.close();
    }
    const expected = await storedEntries(whole);
    for (let appends = 0; appends < 8; appends++) {
      const file = join(dir, `killed-${appends}.ndjson`);
      await copyFile(base, file);
      assert.is(await killedAfter(file, appends), 'SIGKILL');
      const { store, ledger } = await openLog(file);
      if (appends <= 1) {
        // Killed before its first step: nothing of it is on disk but its claim, so nothing is
        // resumed; the request sent again runs it whole.
        assert.is(ledger.resumed.length, 0);
        assert.is((await ledger.closeFinancialYear(close)).status, 'completed');
      } else {
        const o = ledger.resumed[0];
        assert.is(o?.status, 'completed', `killed after ${appends}`);
        assert.equal(o?.steps.map((s) => s.status === 'accepted' && s.duplicate),
          [0, 1, 2, 3, 4, 5, 6].map((i) => i < appends - 1), `resumed after ${appends}`);
      }
      await ledger.close();
      await store.close();
      assert.equal(await storedEntries(file), expected,
        `the log killed after ${appends} appends`);
      const again = await openLog(file);
      assert.is(again.ledger.resumed.length, 0, 'ended: nothing left to resume');
      await again.ledger.close();
      await again.store.close();
    }
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
});

test.run();
