import { test } from 'uvu';
import * as assert from 'uvu/assert';
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

test.run();
