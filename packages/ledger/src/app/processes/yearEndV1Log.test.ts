// A file-store log written before the society's settings held the norms and before a dividend
// run recorded its end (yearEndV1Log.fixture.json: the file's lines as that version wrote them).
// Three members, a loan never repaid, 2024-25 closed by the process on the fixed norms, a
// dividend declared and credited. It opens, and runs on under the settings it was closed with.
import { readFileSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { defaultProvisioningNorms, signedMoneyString } from '@usha/domain';
import { openFileEventStore } from '../../file/fileEventStore.ts';
import type { EventStore } from '../../eventStore/port.ts';
import { ledgerEventSchema, type LedgerEvent } from '../log/ledgerEvent.ts';
import { allEvents, ok, testLedger } from '../testSupport.ts';

const fixture: { lines: ReadonlyArray<{ type: string; metadata: { schemaVersion: number } }> } =
  JSON.parse(readFileSync(new URL('./yearEndV1Log.fixture.json', import.meta.url), 'utf8'));
const netProfit = () => signedMoneyString(10_000_000n);
const year = { actor: 'board', societyId: 'USHA' };

type Store = EventStore<LedgerEvent>;
const openOld = async (f: (l: Awaited<ReturnType<typeof testLedger>>, store: Store) =>
  Promise<void>) => {
  const dir = await mkdtemp(join(tmpdir(), 'usha-v1-year-'));
  const file = join(dir, 'usha.ndjson');
  try {
    await writeFile(file, fixture.lines.map((l) => `${JSON.stringify(l)}\n`).join(''));
    const store = await openFileEventStore({ file, schema: ledgerEventSchema });
    const ledger = await testLedger(store, { netProfit });
    try { await f(ledger, store); } finally {
      await ledger.close();
      await store.close();
    }
  } finally { await rm(dir, { recursive: true, force: true }); }
};

const provisionOf = async (store: Store, fy: string) =>
  (await allEvents(store)).flatMap((e) => e.type === 'LoanLossProvisionSet' &&
    e.data.financialYear === fy ? [e.data] : []);

test('the fixture is a version 1 configuration and a run without an end, as written then', () => {
  const configured = fixture.lines.find((l) => l.type === 'SocietyConfigured');
  assert.is(configured?.metadata.schemaVersion, 1);
  assert.is(fixture.lines.filter((l) => l.type === 'DividendCredited').length, 3);
  assert.is(fixture.lines.some((l) => l.type === 'DividendRunEnded'), false);
});

test('the old log opens with the default norms, and its ended run is not run again', () =>
  openOld(async (ledger, store) => {
    assert.is(ledger.resumed.length, 0, 'its processes ended by their last steps');
    const configured = (await allEvents(store)).find((e) => e.type === 'SocietyConfigured');
    assert.equal(configured?.type === 'SocietyConfigured' && configured.data.provisioningNorms,
      defaultProvisioningNorms);
    // Read at the current version (4): the norms' defaults, no society lending limit, no TDS.
    assert.equal(configured?.type === 'SocietyConfigured' && configured.data.lendingLimits,
      { maxOutstandingPrincipal: null, maxLoansAtOnce: null });
    assert.equal(configured?.type === 'SocietyConfigured' && configured.data.tds.enabled, false);
    assert.is(configured?.metadata.schemaVersion, 4);
    // Sent again under another id, the run credits no one twice, as before; now it ends.
    const again = await ledger.creditDividends({ ...year, financialYear: '2024-25',
      commandId: 'credit-again', on: '2025-04-12' });
    assert.equal(again.status === 'completed' && again.skipped.map((s) => s.rejection.type),
      ['dividend_already_credited', 'dividend_already_credited', 'dividend_already_credited']);
    const events = await allEvents(store);
    assert.is(events.filter((e) => e.type === 'DividendCredited').length, 3);
    const end = events.find((e) => e.type === 'DividendRunEnded');
    assert.equal(end?.type === 'DividendRunEnded' &&
      [end.data.credited, end.data.payableInCash, end.data.refused], [0, 0, 3]);
  }));

test('the next close applies the defaults the old one did: the loan is doubtful at 25%', () =>
  openOld(async (ledger, store) => {
    // L-0001 (Rs 12,000 from 1 May 2024, nothing repaid): 303 days late on 31 March 2025,
    // sub-standard at 10% (1,200.00, in the log); 668 days on 31 March 2026, doubtful at 25%.
    assert.equal((await provisionOf(store, '2024-25')).map((p) => p.total), ['1200.00']);
    const o = await ledger.closeFinancialYear({ ...year, financialYear: '2025-26',
      commandId: 'fy2', on: '2026-04-05' });
    assert.is(o.status, 'completed');
    const [p] = await provisionOf(store, '2025-26');
    assert.equal([p?.byClass.doubtful, p?.total, p?.previousTotal], [{ loans: 1,
      outstanding: '12000.00', percent: '25', provision: '3000.00' }, '3000.00', '1200.00']);
  }));

test('a settings change on the old log applies to the year whose 31 March it follows', () =>
  openOld(async (ledger, store) => {
    // From 1 June 2025 a loan is standard, so performing, up to 700 days past due: on 31 March
    // 2026 L-0001 (668 days) provides 0.4% (48.00) and its interest is receivable, not held
    // apart as a non-performing loan's.
    ok(await ledger.execute({ type: 'ChangeSocietySettings', data: { ...year,
      commandId: 'settings', on: '2025-06-01', statutoryReservePercent: '25',
      dividendRateCapPercent: '15', provisioningNorms: { ...defaultProvisioningNorms,
        standardUpToDays: 700, subStandardUpToDays: 730 } } }));
    const o = await ledger.closeFinancialYear({ ...year, financialYear: '2025-26',
      commandId: 'fy2', on: '2026-04-05' });
    assert.is(o.status, 'completed');
    const [p] = await provisionOf(store, '2025-26');
    assert.equal([p?.byClass.standard, p?.total], [{ loans: 1, outstanding: '12000.00',
      percent: '0.4', provision: '48.00' }, '48.00']);
    const accruals = (await allEvents(store)).flatMap((e) => e.type ===
      'YearEndAccrualsRecorded' ? [[e.data.financialYear, e.data.loanInterestNotRecognised,
        e.data.loanInterestReceivable !== '0.00']] : []);
    assert.equal(accruals, [['2024-25', '423.48', false], ['2025-26', '0.00', true]]);
  }));

test.run();
