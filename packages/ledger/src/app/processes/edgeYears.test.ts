// The years at the ends of the dates a business date can name (1 January 1900 to 31 December
// 2199): 2198-99, the last whose 31 March a date names, closes like any other, and interest
// posted in 2199-00 or 1899-00 (the years the range cuts) deducts TDS under its year's label.
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { ledgerEventSchema } from '../log/ledgerEvent.ts';
import { inMemoryEventStore } from '../../memory/inMemoryEventStore.ts';
import { isAccepted } from '../commands/outcome.ts';
import { ledgerOver } from '../commands/severalLedgers.fixture.ts';
import { setUp } from '../commands/severalLedgers.scenarios.fixture.ts';
import type { EventStore } from '../../eventStore/port.ts';
import type { LedgerEvent } from '../log/ledgerEvent.ts';
import { allEvents, memberWithSavings, memoryStore, ok, testLedger } from '../testSupport.ts';

// The scenario's society, staff and members, every command dated `on`; TDS on when asked.
const societyOn = async (on: string, tds = false) => {
  const store: EventStore<LedgerEvent> = inMemoryEventStore({ schema: ledgerEventSchema });
  const ledger = await ledgerOver(store);
  for (const i of setUp.setup) {
    const data = { ...i.data, on, ...(tds && i.type === 'ConfigureSociety'
      ? { tds: { enabled: true, thresholdPerYear: '0.00', ratePercent: '10' } } : {}) };
    const o = await ledger.execute({ ...i, data });
    if (!isAccepted(o)) assert.unreachable(`${i.type}: ${o.rejection.type}`);
  }
  return { store, ledger };
};

const typesAfter = async (store: EventStore<LedgerEvent>, skip: number) => {
  const out: string[] = [];
  let n = 0;
  for await (const e of store.readAll()) if (n++ >= skip) out.push(e.type);
  return out;
};

const count = async (store: EventStore<LedgerEvent>) => (await typesAfter(store, 0)).length;

test('the close of 2198-99, the last year whose 31 March a date can name, completes, and the '
  + 'books answer after it (its accruals are reversed on 1 April 2199)', async () => {
  const { store, ledger } = await societyOn('2198-04-02');
  const before = await count(store);
  const closed = await ledger.closeFinancialYear({ commandId: 'close-2198', actor: 'board',
    on: '2199-04-05', societyId: 'USHA', financialYear: '2198-99' });
  assert.is(closed.status, 'completed');
  assert.equal(await typesAfter(store, before), ['ProcessClaimed', 'YearCloseBegun',
    'InterestPosted', 'InterestPosted', 'YearEndAccrualsRecorded', 'LoanLossProvisionSet',
    'FinancialYearClosed']);
  const income = await ledger.incomeStatement({ financialYear: '2198-99' });
  assert.is(income.financialYear, '2198-99');
  const after = await ledger.trialBalance();
  assert.is(after.totalDebit, after.totalCredit);
  const reopened = await ledgerOver(store);
  assert.equal(reopened.resumed, []);
  assert.equal((await reopened.trialBalance()).totalDebit, after.totalDebit);
});

test('interest posted in the years the range of dates cuts deducts TDS under their labels, '
  + '1899-00 and 2199-00, and their statements list it', async () => {
  for (const [opened, on, year] of [['1900-01-01', '1900-03-31', '1899-00'],
    ['2199-04-01', '2199-12-31', '2199-00']] as const) {
    const { store, ledger } = await societyOn(opened, true);
    const posted = await ledger.execute({ type: 'PostInterest', data: { commandId: `post-${on}`,
      actor: 'clerk', on, accountId: 'SB-M2', periodTo: on } });
    if (!isAccepted(posted)) return assert.unreachable(`${on}: ${posted.rejection.type}`);
    const years: string[] = [];
    for await (const e of store.readAll()) {
      if (e.type === 'TdsDeducted') years.push(e.data.financialYear);
    }
    assert.equal(years, [year], on);
    const statement = await ledger.tdsStatement({ memberId: 'M2', financialYear: year });
    assert.equal(statement.lines.map((l) => [l.on, l.accountId]), [[on, 'SB-M2']], on);
  }
});

test('a report of 2199-00 covers the part of it a date can name', async () => {
  const { ledger } = await societyOn('2199-04-01');
  const r = await ledger.receiptsAndPayments({ financialYear: '2199-00' });
  assert.equal([r.from, r.to], ['2199-04-01', '2199-12-31']);
  const d = await ledger.demandCollectionBalance({ financialYear: '2199-00' });
  assert.equal([d.from, d.to], ['2199-04-01', '2199-12-31']);
});

test('a dividend declared for a year that cannot end (2199-00 ends in 2200) or that no close '
  + 'has reached (1899-00) is refused, typed, nothing written: never a throw', async () => {
  for (const [opened, year, on, refusal] of [
    ['1900-01-01', '1899-00', '1900-04-10',
      { type: 'financial_year_not_closed', financialYear: '1899-00' }],
    ['2199-04-01', '2199-00', '2199-12-31', { type: 'cannot_compute', field: 'financialYear',
      reason: '2199-00 ends after 2199-12-31' }],
    ['2198-04-01', '2200-01', '2199-12-31', { type: 'cannot_compute', field: 'financialYear',
      reason: '2200-01 ends after 2199-12-31' }],
  ] as const) {
    const store = memoryStore();
    const ledger = await testLedger(store);
    await memberWithSavings(ledger, 'M1', '1000', opened);
    ok(await ledger.configureSociety({ commandId: 'cfg', actor: 'board', on: opened,
      societyId: 'USHA', statutoryReservePercent: '25', dividendRateCapPercent: '15' }));
    const before = (await allEvents(store)).length;
    const o = await ledger.declareDividend({ commandId: 'div', actor: 'board', on,
      societyId: 'USHA', financialYear: year, ratePercent: '10' });
    assert.equal(o.status === 'rejected' && o.rejection, refusal, year);
    assert.is((await allEvents(store)).length, before, year);
  }
});

test.run();
