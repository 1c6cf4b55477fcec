import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { products } from '@usha/domain/testing';
import { allEvents, memberWithSavings, memoryStore, ok, testLedger } from '../testSupport.ts';

const by = (commandId: string, on: string) => ({ commandId, actor: 'clerk', on });
const year = { actor: 'board', societyId: 'USHA', financialYear: '2025-26' };

// Rs 20,000 in SB-M1 (4% a year, posted quarterly) from 1 April 2025, interest credited to
// 31 December; then Rs 5,000 paid in on 2 April 2026, before the year is closed.
const yearWithAprilDeposit = async () => {
  const store = memoryStore();
  const ledger = await testLedger(store);
  await memberWithSavings(ledger, 'M1', '20000', '2025-04-01');
  ok(await ledger.configureSociety({ ...by('cfg', '2025-04-01'), societyId: 'USHA',
    statutoryReservePercent: '25', dividendRateCapPercent: '15' }));
  ok(await ledger.postInterest({ ...by('int-q3', '2025-12-31'), accountId: 'SB-M1',
    periodTo: '2025-12-31' }));
  ok(await ledger.makeDeposit({ ...by('dep-apr', '2026-04-02'), accountId: 'SB-M1',
    amount: '5000', source: 'cash' }));
  return { store, ledger };
};

test('the close posts January to March interest dated 31 March, in the year it is for',
  async () => {
    const { store, ledger } = await yearWithAprilDeposit();
    const closed = await ledger.closeFinancialYear({ ...year, commandId: 'fy',
      on: '2026-04-10' });
    assert.is(closed.status, 'completed');
    assert.equal(closed.status === 'completed' && closed.skipped, []);
    const posted = (await allEvents(store)).filter((e) => e.type === 'InterestPosted')
      .map((e) => e.type === 'InterestPosted' && e.data);
    // 20,000 compounded quarterly to 31 December is 20,608.81 (199.45 + 203.65 + 205.71); on
    // it, 90 days at 4% = 203.2650... -> 203.27, computed from the moves up to 31 March only.
    assert.equal(posted.map((d) => d && [d.on, d.periodFrom, d.periodTo, d.amount]), [
      ['2025-12-31', '2025-04-01', '2025-12-31', '608.81'],
      ['2026-03-31', '2026-01-01', '2026-03-31', '203.27'],
    ]);
    // Its balance after is the balance when recorded (with April's 5,000) plus the interest.
    assert.is(posted[1] && posted[1].balanceAfter, '25812.08');
    const is = await ledger.incomeStatement({ financialYear: '2025-26' });
    assert.is(is.totalExpenses, 81208n, 'the whole year of interest: 608.81 + 203.27');
    const next = await ledger.incomeStatement({ financialYear: '2026-27' });
    assert.is(next.totalExpenses, 0n);
    // The passbook as of 31 March ends on the balance of that day, without April's deposit.
    const page = (await ledger.passbook('M1', 'SB-M1', { asOf: '2026-03-31' })).pages[0];
    assert.is(page?.balance, 2081208n);
    assert.equal(page?.lines.map((l) => [l.on, l.balance]), [
      ['2025-04-01', 2000000n], ['2025-12-31', 2060881n], ['2026-03-31', 2081208n],
    ]);
    const all = (await ledger.passbook('M1', 'SB-M1')).pages[0];
    assert.equal(all?.lines.at(-1) && [all.lines.at(-1)?.on, all.lines.at(-1)?.balance],
      ['2026-04-02', 2581208n]);
  });

test('a close by a Ledger whose catalogue lacks the product of an open deposit account is '
  + 'refused before it begins (the accruals would understate the payable for good); run again '
  + 'with the whole catalogue, it completes', async () => {
  const { store } = await yearWithAprilDeposit();
  const { SB: _left, ...others } = products;
  const short = await testLedger(store, { products: others });
  const before = (await allEvents(store)).length;
  const stopped = await short.closeFinancialYear({ ...year, commandId: 'fy', on: '2026-04-10' });
  assert.equal(stopped.status === 'rejected' && stopped.rejection, { type: 'cannot_compute',
    field: 'products', reason: 'the catalogue lacks the products of open deposit accounts '
      + '(SB): their interest cannot be accrued' });
  const types = async () => (await allEvents(store)).map((e) => e.type);
  // Refused before the close began (no YearCloseBegun): nothing stored, the year still open.
  assert.is((await allEvents(store)).length, before);
  assert.equal(stopped.status === 'rejected' && stopped.steps, []);
  const whole = await testLedger(store);
  const closed = await whole.closeFinancialYear({ ...year, commandId: 'fy', on: '2026-04-10' });
  assert.is(closed.status, 'completed');
  assert.equal((await types()).filter((t) => t === 'YearEndAccrualsRecorded').length, 1);
});

test('the first close of a year after one that holds entries is refused, naming that year, '
  + 'storing nothing; closed in order, both close', async () => {
  const { store, ledger } = await yearWithAprilDeposit();
  // The year 2025-26 holds entries, and 2026-27 (April's deposit): 2026-27 cannot close first.
  const before = (await allEvents(store)).length;
  const skipped = await ledger.closeFinancialYear({ ...year, financialYear: '2026-27',
    commandId: 'fy-27', on: '2027-04-05' });
  assert.equal(skipped.status === 'rejected' && skipped.rejection,
    { type: 'year_not_next', financialYear: '2026-27', expected: '2025-26' });
  assert.is((await allEvents(store)).length, before, 'nothing stored');
  // The year of the first entry closes first, then the next.
  assert.is((await ledger.closeFinancialYear({ ...year, commandId: 'fy',
    on: '2026-04-10' })).status, 'completed');
  assert.is((await ledger.closeFinancialYear({ ...year, financialYear: '2026-27',
    commandId: 'fy-27', on: '2027-04-05' })).status, 'completed');
});

test.run();
