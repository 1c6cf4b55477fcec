import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { ProductCatalogue } from '@usha/domain';
import { must, products } from '@usha/domain/testing';
import { allEvents, memberWithSavings, memoryStore, ok, testLedger } from '../testSupport.ts';

const by = (commandId: string, on: string) => ({ commandId, actor: 'clerk', on });
// SF: shares whose admission takes a fee of 50.00 (posted to the day's income).
const catalogue = must(ProductCatalogue, { ...products,
  SF: { ...products.SH, id: 'SF', admissionFee: { amount: '50.00' } } });
const deposit = (commandId: string, on: string) =>
  ({ ...by(commandId, on), accountId: 'SB-M1', amount: '500', source: 'cash' as const });

// SB-M1 opened with Rs 1,000 on 1 April 2025 and nothing after: its own stream would take a
// deposit of any later date. The society then closes 2025-26 on 10 April 2026.
const closedYear = async () => {
  const store = memoryStore();
  const ledger = await testLedger(store, { products: catalogue });
  await memberWithSavings(ledger, 'M1', '1000', '2025-04-01');
  ok(await ledger.configureSociety({ ...by('cfg', '2025-04-01'), societyId: 'USHA',
    statutoryReservePercent: '25', dividendRateCapPercent: '15' }));
  const closed = await ledger.closeFinancialYear({ commandId: 'fy', actor: 'board',
    on: '2026-04-10', societyId: 'USHA', financialYear: '2025-26' });
  assert.is(closed.status, 'completed');
  return { store, ledger };
};

test('after 2025-26 is closed, a deposit dated 15 March 2026 is refused and nothing written',
  async () => {
    const { store, ledger } = await closedYear();
    const before = (await allEvents(store)).length;
    const r = await ledger.makeDeposit(deposit('late', '2026-03-15'));
    assert.equal(r.status === 'rejected' && r.rejection,
      { type: 'period_closed', closedThrough: '2026-03-31', on: '2026-03-15' });
    assert.is((await allEvents(store)).length, before);
    // A Ledger opened on the same log finds the society in it and refuses the same.
    const reopened = await testLedger(store);
    const again = await reopened.makeDeposit(deposit('late-2', '2026-03-31'));
    assert.equal(again.status === 'rejected' && again.rejection,
      { type: 'period_closed', closedThrough: '2026-03-31', on: '2026-03-31' });
    assert.is((await allEvents(store)).length, before);
  });

test('after 2025-26 is closed, an admission (its fee), a transfer and an exit dated in it are '
  + 'refused, nothing written; the closed year\'s income stays as closed', async () => {
    const { store, ledger } = await closedYear();
    const before = (await allEvents(store)).length;
    const profit = async () => (await ledger.incomeStatement({ financialYear: '2025-26' }))
      .netProfit;
    const closedProfit = await profit();
    const closed = (on: string) =>
      ({ type: 'period_closed', closedThrough: '2026-03-31', on });
    const admitted = await ledger.admitMember({ ...by('adm-late', '2026-03-20'), memberId: 'M9',
      branchId: 'SONAGACHI', shareProductId: 'SF', shares: 10 });
    assert.equal(admitted.status === 'rejected' && admitted.rejection, closed('2026-03-20'));
    const moved = await ledger.transferMember({ ...by('tr-late', '2026-03-31'),
      memberId: 'M1', to: 'KALIGHAT' });
    assert.equal(moved.status === 'rejected' && moved.rejection, closed('2026-03-31'));
    const left = await ledger.exitMember({ ...by('exit-late', '2026-01-02'), memberId: 'M1' });
    assert.equal(left.status === 'rejected' && left.rejection, closed('2026-01-02'));
    assert.is((await allEvents(store)).length, before);
    assert.is(await profit(), closedProfit);
    // Dated in the open year, the admission is taken, its fee in the new year's books.
    ok(await ledger.admitMember({ ...by('adm', '2026-04-02'), memberId: 'M9',
      branchId: 'SONAGACHI', shareProductId: 'SF', shares: 10 }));
    assert.is(await profit(), closedProfit);
  });

test('after 2025-26 is closed, a deposit dated 2 April 2026 is accepted', async () => {
  const { store, ledger } = await closedYear();
  const before = (await allEvents(store)).length;
  const r = ok(await ledger.makeDeposit(deposit('april', '2026-04-02')));
  assert.is(r.status === 'accepted' && r.events.length, 1);
  assert.is((await allEvents(store)).length, before + 1);
});

test('the close\'s own 31 March interest postings pass: the year closes after them',
  async () => {
    const { store } = await closedYear();
    const posted = (await allEvents(store)).filter((e) => e.type === 'InterestPosted')
      .map((e) => e.type === 'InterestPosted' && [e.data.on, e.data.amount]);
    // Rs 1,000 at 4% a year, compounded quarterly, for the whole year: 1,000 x 1.01^4 - 1,000.
    assert.equal(posted, [['2026-03-31', '40.60']]);
  });

test('after 2025-26 is closed, a till\'s count dated in it is refused: its shortage would be '
  + 'an expense of the closed year', async () => {
  const store = memoryStore();
  const ledger = await testLedger(store, { products: catalogue });
  await memberWithSavings(ledger, 'M1', '1000', '2025-04-01');
  ok(await ledger.configureSociety({ ...by('cfg', '2025-04-01'), societyId: 'USHA',
    statutoryReservePercent: '25', dividendRateCapPercent: '15' }));
  const cash = (commandId: string, on: string) => ({ commandId, actor: 'manager', on,
    branchId: 'SONAGACHI' });
  ok(await ledger.execute({ type: 'TakeOverVaultCash', data: { ...cash('v', '2026-03-20'),
    amount: '1000' } }));
  ok(await ledger.execute({ type: 'TransferBranchCash', data: { ...cash('t', '2026-03-20'),
    fromTill: null, toTill: 'T1', amount: '500' } }));
  const closed = await ledger.closeFinancialYear({ commandId: 'fy', actor: 'board',
    on: '2026-04-10', societyId: 'USHA', financialYear: '2025-26' });
  assert.is(closed.status, 'completed');
  const before = (await allEvents(store)).length;
  const profit = (await ledger.incomeStatement({ financialYear: '2025-26' })).netProfit;
  const count = await ledger.execute({ type: 'CountTillCash', data: {
    ...cash('count', '2026-03-25'), tillId: 'T1', counted: '450' } });
  assert.equal(count.status === 'rejected' && count.rejection,
    { type: 'period_closed', closedThrough: '2026-03-31', on: '2026-03-25' });
  assert.is((await allEvents(store)).length, before);
  assert.is((await ledger.incomeStatement({ financialYear: '2025-26' })).netProfit, profit);
  // Counted in the open year, the shortage is that year's.
  ok(await ledger.execute({ type: 'CountTillCash', data: { ...cash('count-2', '2026-04-11'),
    tillId: 'T1', counted: '450' } }));
});

test.run();
