// Test support: a society whose 2024-25 is closed (net profit fixed at Rs 1,00,000.00, a 25%
// reserve) and a 10% dividend declared on 10 April 2025, its members each holding 10 shares of
// Rs 10 all year (Rs 10.00 each) and a savings account of Rs 1,000.
import * as assert from 'uvu/assert';
import { signedMoneyString } from '@usha/domain';
import { memberWithSavings, memoryStore, ok, testLedger } from '../testSupport.ts';

/** The Ledger's net profit override of these tests: Rs 1,00,000.00 whatever the books say. */
export const netProfit = () => signedMoneyString(10_000_000n);

/** The year the dividend is for, and who acts on it. */
export const dividendYear = { actor: 'board', societyId: 'USHA', financialYear: '2024-25' };

/** The society with `members`, its year closed and the dividend declared. */
export const declaredDividend = async (members: ReadonlyArray<string>) => {
  const store = memoryStore();
  const ledger = await testLedger(store, { netProfit });
  for (const m of members) await memberWithSavings(ledger, m, '1000');
  ok(await ledger.configureSociety({ commandId: 'cfg', actor: 'board', on: '2024-04-01',
    societyId: 'USHA', statutoryReservePercent: '25', dividendRateCapPercent: '15' }));
  assert.is((await ledger.closeFinancialYear({ ...dividendYear, commandId: 'fy',
    on: '2025-04-05' })).status, 'completed');
  ok(await ledger.declareDividend({ ...dividendYear, commandId: 'div', on: '2025-04-10',
    ratePercent: '10' }));
  return { store, ledger };
};
