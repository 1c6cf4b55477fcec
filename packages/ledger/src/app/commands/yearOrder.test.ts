// The first close's rule held for the year-end commands sent by hand, as the close process
// holds it: no year after one whose books hold entries may begin, take its entries or close
// first (that year would never close, its income and expenses left in the books for good).
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { yearEndInputs } from '../processes/closeByHand.fixture.ts';
import { allEvents, memberWithSavings, memoryStore, ok, testLedger } from '../testSupport.ts';

const by = (commandId: string, on: string) => ({ commandId, actor: 'board', on });
type AnyLedger = Awaited<ReturnType<typeof testLedger>>;

const configured = async (ledger: AnyLedger, on: string) =>
  ok(await ledger.configureSociety({ ...by('cfg', on), societyId: 'USHA',
    statutoryReservePercent: '25', dividendRateCapPercent: '15' }));

// Savings from 1 April 2025 (books of 2025-26) and a deposit on 2 April 2026 (2026-27).
const twoYearsOfBooks = async () => {
  const store = memoryStore();
  const ledger = await testLedger(store);
  await memberWithSavings(ledger, 'M1', '20000', '2025-04-01');
  await configured(ledger, '2025-04-01');
  ok(await ledger.makeDeposit({ ...by('dep-apr', '2026-04-02'), accountId: 'SB-M1',
    amount: '5000', source: 'cash' }));
  return { store, ledger };
};

// Each year-end command of a year, sent by hand (`execute`): the close by hand's three
// (closeByHand.fixture.ts), and the beginning of the close, which the close process sends.
const yearEnd = (financialYear: string, endsOn: string, closeOn: string) => {
  const { accruals, provision, close } = yearEndInputs({ commandId: `close-${financialYear}`,
    on: closeOn, financialYear, endsOn });
  const begin = { type: 'BeginYearClose', data: { ...by(`begin-${financialYear}`, closeOn),
    societyId: 'USHA', financialYear } };
  return [accruals, provision, begin, close];
};

// The years the log holds closed, in the order closed.
const closedYears = async (store: Parameters<typeof allEvents>[0]) =>
  (await allEvents(store)).flatMap((e) =>
    e.type === 'FinancialYearClosed' ? [e.data.financialYear] : []);

// Each command sent in turn, every one accepted.
const allAccepted = async (ledger: AnyLedger, inputs: ReadonlyArray<{ type: string }>) => {
  for (const c of inputs) {
    const o = await ledger.execute(c);
    assert.equal(o.status === 'rejected' ? o.rejection : o.status, 'accepted', c.type);
  }
};

test('each year-end command sent by hand for a first close of a year after one that holds '
  + 'entries is refused, naming that year, storing nothing', async () => {
  const { store, ledger } = await twoYearsOfBooks();
  const before = (await allEvents(store)).length;
  for (const c of yearEnd('2026-27', '2027-03-31', '2027-04-05')) {
    const o = await ledger.execute(c);
    assert.equal(o.status === 'rejected' ? o.rejection : o.status,
      { type: 'year_not_next', financialYear: '2026-27', expected: '2025-26' }, c.type);
  }
  assert.is((await allEvents(store)).length, before, 'nothing stored');
});

test('the society\'s own refusals come first, as before the rule: a year not ended, an entry '
  + 'not dated its year\'s end, a year the calendar does not hold (by hand and by the close '
  + 'process, never thrown)', async () => {
  const { store, ledger } = await twoYearsOfBooks();
  const before = (await allEvents(store)).length;
  const refusal = async (input: unknown) => {
    const o = await ledger.execute(input);
    return o.status === 'rejected' ? o.rejection.type : o.status;
  };
  const [accruals, , begin, close] = yearEnd('2026-27', '2026-06-01', '2026-06-01');
  assert.is(await refusal(accruals), 'accruals_not_at_year_end');
  assert.is(await refusal(begin), 'financial_year_not_ended');
  assert.is(await refusal(close), 'financial_year_not_ended');
  const process = await ledger.closeFinancialYear({ commandId: 'fy-27', actor: 'board',
    on: '2026-06-01', societyId: 'USHA', financialYear: '2026-27' });
  assert.equal(process.status === 'rejected' && process.rejection.type,
    'financial_year_not_ended');
  for (const label of ['9999-00', '2199-00', '2200-01', '1899-00']) {
    for (const c of yearEnd(label, '2026-03-31', '2026-04-10')) {
      assert.is(await refusal(c), 'cannot_compute', `${label} ${c.type}`);
    }
    const o = await ledger.closeFinancialYear({ commandId: `fy-${label}`, actor: 'board',
      on: '2026-06-01', societyId: 'USHA', financialYear: label });
    assert.equal(o.status === 'rejected' && o.rejection.type, 'cannot_compute', label);
  }
  assert.is((await allEvents(store)).length, before, 'nothing stored');
});

test('sent by hand in order, the year of the books\' first entry closes, then the next',
  async () => {
    const { store, ledger } = await twoYearsOfBooks();
    for (const [financialYear, endsOn, closeOn] of [['2025-26', '2026-03-31', '2026-04-10'],
      ['2026-27', '2027-03-31', '2027-04-05']] as const) {
      await allAccepted(ledger, yearEnd(financialYear, endsOn, closeOn));
    }
    assert.equal(await closedYears(store), ['2025-26', '2026-27']);
  });

test('a society whose books hold no entry before the year may close it first', async () => {
  const store = memoryStore();
  const ledger = await testLedger(store);
  await configured(ledger, '2026-04-01');
  await memberWithSavings(ledger, 'M1', '100', '2026-05-01');
  await allAccepted(ledger, yearEnd('2026-27', '2027-03-31', '2027-04-05'));
});

test('a first close whose year-end entries are started goes on when an entry dated before its '
  + 'year is stored since: refused, no year could close', async () => {
  const store = memoryStore();
  const ledger = await testLedger(store);
  await configured(ledger, '2025-04-01');
  await memberWithSavings(ledger, 'M1', '100', '2026-05-01');
  const [accruals, ...rest] = yearEnd('2026-27', '2027-03-31', '2027-04-05');
  const first = await ledger.execute(accruals);
  assert.equal(first.status === 'rejected' ? first.rejection : first.status, 'accepted');
  // An account opened in 2025-26 (her admission dated then), after 2026-27's accruals.
  await memberWithSavings(ledger, 'M2', '100', '2025-06-01');
  // Another year may not start: 2026-27's entries wait for its close.
  const other = await ledger.execute(yearEnd('2025-26', '2026-03-31', '2026-04-10')[0]);
  assert.equal(other.status === 'rejected' && other.rejection,
    { type: 'year_not_next', financialYear: '2025-26', expected: '2026-27' });
  await allAccepted(ledger, rest);
});

test('a close begun by a version that let a skipped year begin by hand is held to the rule at '
  + 'its next step, and the skipped year begins in its place: a log already written is not left '
  + 'with no year that could close', async () => {
  // The close of 2026-27 begun where the books held nothing before it ...
  const elsewhere = memoryStore();
  const first = await testLedger(elsewhere);
  await configured(first, '2025-04-01');
  const [accruals, , begin] = yearEnd('2026-27', '2027-03-31', '2027-04-05');
  ok(await first.execute(begin));
  const begun = (await allEvents(elsewhere)).find((e) => e.type === 'YearCloseBegun');
  if (begun === undefined) throw new Error('no YearCloseBegun');
  // ... stored as that version stored it in a log whose books hold 2025-26 entries.
  const { store, ledger } = await twoYearsOfBooks();
  const society = 'society-USHA';
  let last = -1n;
  for await (const e of store.readStream(society)) last = e.revision;
  await store.appendToStream(society, [{ eventId: begun.eventId, type: begun.type,
    data: begun.data, metadata: begun.metadata }], { expectedRevision: last });
  const next = await ledger.execute(accruals);
  assert.equal(next.status === 'rejected' && next.rejection,
    { type: 'year_not_next', financialYear: '2026-27', expected: '2025-26' });
  // 2025-26 closes (its close dated after the one begun), then 2026-27 (its close after that).
  await allAccepted(ledger, yearEnd('2025-26', '2026-03-31', '2027-04-06'));
  const [accrued, provided, , closing] = yearEnd('2026-27', '2027-03-31', '2027-04-07');
  await allAccepted(ledger, [accrued, provided, closing].map((c) => c ?? { type: 'none' }));
  assert.equal(await closedYears(store), ['2025-26', '2026-27']);
});

test('an entry dated before the year stored through another Ledger in the round trip of a first '
  + 'close\'s beginning: the close process is refused before it posts anything to the year, the '
  + 'entry\'s year closes first, then this one, begun again under its own id', async () => {
  const store = memoryStore();
  const setUp = await testLedger(store);
  await configured(setUp, '2025-04-01');
  await memberWithSavings(setUp, 'M1', '100', '2026-05-01');
  // B stores her admission dated in 2025-26 as A's YearCloseBegun (2026-27) is on its way:
  // after A read the books' first entry for it, before it is stored.
  const b = await testLedger(store);
  let raced = false;
  const racing = new Proxy(store, { get: (t, k) => k !== 'appendToStream'
    ? Reflect.get(t, k)
    : async (...args: Parameters<typeof store.appendToStream>) => {
      if (!raced && args[1].some((e) => e.type === 'YearCloseBegun')) {
        raced = true;
        await memberWithSavings(b, 'M2', '100', '2025-06-01');
      }
      return store.appendToStream(...args);
    } });
  const a = await testLedger(racing);
  const request = { actor: 'board', societyId: 'USHA' };
  const first = await a.closeFinancialYear({ ...request, commandId: 'fy-27', on: '2027-04-05',
    financialYear: '2026-27' });
  assert.ok(raced, 'the entry was stored in the round trip');
  assert.equal(first.status === 'rejected' && first.rejection,
    { type: 'year_not_next', financialYear: '2026-27', expected: '2025-26' });
  // Stored: the beginning, nothing posted to the year.
  const types = (await allEvents(store)).map((e) => e.type);
  assert.is(types.filter((t) => t === 'YearCloseBegun').length, 1);
  assert.equal(types.filter((t) => ['InterestPosted', 'YearEndAccrualsRecorded',
    'LoanLossProvisionSet', 'FinancialYearClosed'].includes(t)), []);
  // 2025-26 closes the same day; then the close refused is sent again under its own id: its
  // beginning is no longer in force (2025-26 began and closed since), so it begins again
  // before it takes any figure, and completes.
  const earlier = { ...request, commandId: 'fy-26', on: '2027-04-05', financialYear: '2025-26' };
  assert.is((await a.closeFinancialYear(earlier)).status, 'completed');
  const again = await a.closeFinancialYear({ ...request, commandId: 'fy-27', on: '2027-04-05',
    financialYear: '2026-27' });
  assert.is(again.status, 'completed');
  const society = (await allEvents(store)).filter((e) => e.stream === 'society-USHA')
    .map((e) => `${e.type} ${String(Reflect.get(e.data, 'financialYear') ?? '')}`.trim());
  assert.equal(society.slice(1), ['YearCloseBegun 2026-27', 'YearCloseBegun 2025-26',
    'YearEndAccrualsRecorded 2025-26', 'LoanLossProvisionSet 2025-26',
    'FinancialYearClosed 2025-26', 'YearCloseBegun 2026-27', 'YearEndAccrualsRecorded 2026-27',
    'LoanLossProvisionSet 2026-27', 'FinancialYearClosed 2026-27']);
  // A close done, sent again under its id, recognises its steps: completed, nothing stored.
  const before = (await allEvents(store)).length;
  assert.is((await a.closeFinancialYear(earlier)).status, 'completed');
  assert.is((await allEvents(store)).length, before);
});

test.run();
