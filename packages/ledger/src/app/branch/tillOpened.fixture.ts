// A branch's morning as the branch tests begin it: members with savings, Rs 2,00,000.00 taken
// over into SONAGACHI's vault on 1 April 2024, and 50,000.00 of it to till T1 on the 2nd.
import { memberWithSavings, memoryStore, ok, testLedger } from '../testSupport.ts';

/** A memory store and its Ledger, each member given her savings balance, and T1 opened. */
export const tillOpened = async (members: ReadonlyArray<readonly [string, string]>) => {
  const store = memoryStore();
  const ledger = await testLedger(store);
  for (const [m, balance] of members) await memberWithSavings(ledger, m, balance);
  const at = { branchId: 'SONAGACHI' };
  ok(await ledger.takeOverVaultCash({ commandId: 'v0', actor: 'manager', on: '2024-04-01',
    ...at, amount: '200000' }));
  ok(await ledger.transferBranchCash({ commandId: 'open', actor: 'cashier', on: '2024-04-02',
    ...at, fromTill: null, toTill: 'T1', amount: '50000' }));
  return { store, ledger };
};
