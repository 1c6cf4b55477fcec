// A process killed (SIGKILL) between its steps is completed when the next Ledger opens on the
// same file, and nothing is applied twice.
import { spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { signedMoneyString } from '@usha/domain';
import { openFileEventStore } from '../../file/fileEventStore.ts';
import { ledgerEventSchema } from '../log/ledgerEvent.ts';
import { allEvents, balanceOf, memberWithSavings, ok, testLedger } from '../testSupport.ts';
import { closeByHand } from './closeByHand.fixture.ts';

const fixture = new URL('./killBetweenSteps.fixture.ts', import.meta.url).pathname;

const killedAfter = (file: string, which: 'credit' | 'close', appends: number) =>
  new Promise<NodeJS.Signals | null>((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', fixture, file, which,
      String(appends)], { stdio: ['ignore', 'inherit', 'inherit'] });
    child.on('error', reject);
    child.on('exit', (_, signal) => resolve(signal));
  });

const withLog = async (f: (file: string) => Promise<void>) => {
  const dir = await mkdtemp(join(tmpdir(), 'usha-resume-'));
  try { await f(join(dir, 'usha.ndjson')); } finally {
    await rm(dir, { recursive: true, force: true });
  }
};

// Three members with Rs 1,000 saved, 10 shares each; the society configured.
const society = async (file: string, more: (l: Awaited<ReturnType<typeof testLedger>>) =>
  Promise<void> = async () => undefined, netProfit?: () => string) => {
  const store = await openFileEventStore({ file, schema: ledgerEventSchema });
  const ledger = await testLedger(store, netProfit === undefined ? {} : {
    netProfit: () => signedMoneyString(BigInt(netProfit())) });
  for (const m of ['M1', 'M2', 'M3']) await memberWithSavings(ledger, m, '1000');
  ok(await ledger.configureSociety({ commandId: 'cfg', actor: 'board', on: '2024-04-01',
    societyId: 'USHA', statutoryReservePercent: '25', dividendRateCapPercent: '15' }));
  await more(ledger);
  await ledger.close();
  await store.close();
};

const reopen = async (file: string) => {
  const store = await openFileEventStore({ file, schema: ledgerEventSchema });
  return { store, ledger: await testLedger(store) };
};

test('a dividend credit killed after 3 of its 6 steps is completed at the next open', () =>
  withLog(async (file) => {
    const year = { actor: 'board', societyId: 'USHA', financialYear: '2024-25' };
    await society(file, async (l) => {
      await closeByHand(l, { ...year, commandId: 'fy', on: '2025-04-05' });
      ok(await l.declareDividend({ ...year, commandId: 'div', on: '2025-04-10',
        ratePercent: '10' }));
    }, () => '10000000');
    // Its first append claims the process, the second records the parts (one batch), then
    // three of the six credit steps.
    assert.is(await killedAfter(file, 'credit', 5), 'SIGKILL');
    const seen = await openFileEventStore({ file, schema: ledgerEventSchema, mode: 'read-only' });
    const done = (await allEvents(seen)).filter((e) => e.metadata.processId === 'credit');
    await seen.close();
    const { store, ledger } = await reopen(file);
    assert.equal(ledger.resumed.map((o) => [o.processId, o.status]), [['credit', 'completed']]);
    assert.equal(ledger.resumed[0]?.steps.map((s) => s.status === 'accepted' && s.duplicate),
      [true, true, true, false, false, false, false], 'the rest, then the run\'s end');
    const events = await allEvents(store);
    assert.equal(done.map((e) => e.type),
      ['DividendAllocated', 'DividendCredited', 'Deposited', 'DividendDeposited',
        'DividendCredited'],
      'on disk when it was killed');
    assert.equal(done[0]?.metadata.process, { name: 'creditDividends', request: {
      commandId: 'credit', actor: 'board', on: '2025-04-11', societyId: 'USHA',
      financialYear: '2024-25' } });
    assert.equal(events.filter((e) => e.type === 'DividendCredited').map((e) => e.data.amount),
      ['10.00', '10.00', '10.00']);
    assert.is(events.filter((e) => e.type === 'Deposited' && e.data.source === 'dividend')
      .length, 3);
    for (const m of ['M1', 'M2', 'M3']) {
      assert.is(await balanceOf(ledger, store, `SB-${m}`), 101000n);
    }
    await ledger.close();
    await store.close();
    const again = await reopen(file);
    assert.is(again.ledger.resumed.length, 0, 'ended: nothing to resume');
    assert.is((await allEvents(again.store)).length, events.length);
    await again.store.close();
  }));

test('a year close killed after its first interest posting is completed at the next open', () =>
  withLog(async (file) => {
    await society(file);
    // Its claim, its beginning, then its first posting.
    assert.is(await killedAfter(file, 'close', 3), 'SIGKILL');
    const { store, ledger } = await reopen(file);
    const o = ledger.resumed[0];
    assert.is(o?.status, 'completed');
    assert.equal(o?.steps.map((s) => s.status === 'accepted' && s.duplicate),
      [true, true, false, false, false, false, false],
      'the rest of the postings, the accruals, the provision, the close');
    const events = await allEvents(store);
    assert.equal(events.filter((e) => e.type === 'InterestPosted').map((e) => e.data.amount),
      ['40.60', '40.60', '40.60']);
    // The net profit closed on is the income statement's: a year's interest on three
    // accounts (1,000 at 4% compounded quarterly: 40.60 each), a loss.
    const closed = events.filter((e) => e.type === 'FinancialYearClosed');
    assert.equal(closed.map((e) => e.type === 'FinancialYearClosed' && e.data.netProfit),
      ['-121.80']);
    await ledger.close();
    await store.close();
  }));

test.run();
