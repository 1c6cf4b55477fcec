import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { loanDisbursed } from '../commands/loanDisbursed.fixture.ts';
import { memberWithSavings, memoryStore, ok, testLedger } from '../testSupport.ts';

const by = (commandId: string, on: string) => ({ commandId, actor: 'mgr', on });

// M1 saves Rs 5,000 at SONAGACHI, then moves to KALIGHAT on 1 May and saves Rs 1,000 there.
const society = async () => {
  const ledger = await testLedger(memoryStore());
  await memberWithSavings(ledger, 'M1', '5000');
  ok(await ledger.transferMember({ ...by('move', '2024-05-01'), memberId: 'M1',
    to: 'KALIGHAT' }));
  ok(await ledger.makeDeposit({ ...by('more', '2024-05-02'), accountId: 'SB-M1',
    amount: '1000', source: 'cash' }));
  return ledger;
};

const nonZero = (rows: ReadonlyArray<{ code: string; debit: bigint; credit: bigint }>) =>
  rows.filter((r) => r.debit !== 0n || r.credit !== 0n).map((r) => [r.code, r.debit - r.credit]);

test('the Ledger\'s books of one branch, before and after a member is transferred', async () => {
  const ledger = await society();
  const april = await ledger.trialBalance({ asOf: '2024-04-30', branchId: 'SONAGACHI' });
  assert.equal(nonZero(april.rows), [['1100', 510_000n], ['2100', -500_000n],
    ['3100', -10_000n]]);
  const old = await ledger.trialBalance({ branchId: 'SONAGACHI' });
  assert.equal(nonZero(old.rows), [['1100', 510_000n], ['1900', -510_000n]]);
  const now = await ledger.balanceSheet({ branchId: 'KALIGHAT' });
  assert.is(now.branchId, 'KALIGHAT');
  assert.equal([now.totalAssets, now.totalLiabilitiesAndEquity], [610_000n, 610_000n]);
  const all = await ledger.trialBalance();
  assert.equal(nonZero(all.rows), [['1100', 610_000n], ['2100', -600_000n], ['3100', -10_000n]]);
  const is = await ledger.incomeStatement({ financialYear: '2024-25', branchId: 'KALIGHAT' });
  assert.equal([is.branchId, is.netProfit], ['KALIGHAT', 0n]);
  await ledger.close();
});

test('a deposit entered late, dated before her transfer: the Ledger\'s branch books on any date '
  + 'are a replay\'s of the events dated by then; a transfer dated before her last deposit is '
  + 'refused', async () => {
  const ledger = await testLedger(memoryStore());
  await memberWithSavings(ledger, 'M1', '5000');
  ok(await ledger.transferMember({ ...by('move', '2024-05-03'), memberId: 'M1',
    to: 'KALIGHAT' }));
  // Taken at SONAGACHI on 1 May, entered after her transfer of 3 May.
  ok(await ledger.makeDeposit({ ...by('late', '2024-05-01'), accountId: 'SB-M1',
    amount: '1000', source: 'cash' }));
  for (const asOf of ['2024-05-01', '2024-05-02']) {
    const there = await ledger.trialBalance({ asOf, branchId: 'SONAGACHI' });
    assert.equal(nonZero(there.rows), [['1100', 610_000n], ['2100', -600_000n],
      ['3100', -10_000n]]);
    assert.equal(nonZero((await ledger.trialBalance({ asOf, branchId: 'KALIGHAT' })).rows), []);
  }
  const moved = await ledger.trialBalance({ asOf: '2024-05-03', branchId: 'KALIGHAT' });
  assert.equal(nonZero(moved.rows), [['1900', 610_000n], ['2100', -600_000n],
    ['3100', -10_000n]]);
  // Her savings' last event is now 7 May: she cannot be moved back as of 6 May.
  ok(await ledger.makeDeposit({ ...by('may7', '2024-05-07'), accountId: 'SB-M1',
    amount: '10', source: 'cash' }));
  const back = await ledger.transferMember({ ...by('back', '2024-05-06'), memberId: 'M1',
    to: 'SONAGACHI' });
  assert.equal(back.status === 'rejected' && back.rejection,
    { type: 'date_before_last_event', on: '2024-05-06', lastOn: '2024-05-07' });
  ok(await ledger.transferMember({ ...by('back-7', '2024-05-07'), memberId: 'M1',
    to: 'SONAGACHI' }));
});

test('a transfer is refused before the last event of her loan, and of her share account, as of '
  + 'her savings', async () => {
  const ledger = await testLedger(memoryStore());
  await memberWithSavings(ledger, 'M1', '5000');
  await loanDisbursed(ledger, { on: '2024-05-10', productId: 'LN', principal: '5000',
    repayments: 6 });
  const move = (id: string, on: string) => ledger.transferMember({ ...by(id, on),
    memberId: 'M1', to: 'KALIGHAT' });
  const refused = await move('t-1', '2024-05-09');
  assert.equal(refused.status === 'rejected' && refused.rejection,
    { type: 'date_before_last_event', on: '2024-05-09', lastOn: '2024-05-10' });
  ok(await ledger.purchaseShares({ ...by('more-shares', '2024-05-20'), accountId: 'SH-M1',
    memberId: 'M1', productId: 'SH', shares: 1 }));
  const beforeShares = await move('t-2', '2024-05-19');
  assert.equal(beforeShares.status === 'rejected' && beforeShares.rejection,
    { type: 'date_before_last_event', on: '2024-05-19', lastOn: '2024-05-20' });
  ok(await move('t-3', '2024-05-20'));
});

test.run();
