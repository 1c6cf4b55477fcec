import { inMemoryMemberDirectory } from '../directory/openMemberDirectory.ts';
import { memberWithSavings, memoryStore, ok, testLedger } from '../testSupport.ts';

/**
 * A member with shares, savings (a deposit, a withdrawal, a nominee) and a loan repaid once,
 * her name and her nominee's in the directory; a second member beside her.
 */
export const passbookHistory = async () => {
  const store = memoryStore();
  const ledger = await testLedger(store, { directory: inMemoryMemberDirectory() });
  await memberWithSavings(ledger, 'M1', '1234567.85');
  await memberWithSavings(ledger, 'M2', '100');
  await ledger.registerMember('M1', { name: 'Asha <Das>' });
  const by = (id: string, on: string, actor = 'clerk') => ({ commandId: id, actor, on });
  ok(await ledger.withdraw({ ...by('w1', '2024-04-20'), accountId: 'SB-M1', amount: '321.50' }));
  ok(await ledger.nominate({ ...by('nom-1', '2024-04-21'), account: 'deposit',
    accountId: 'SB-M1', memberId: 'M1', nominee: { name: 'Rina', relationship: 'daughter' } }));
  ok(await ledger.applyForLoan({ ...by('apply', '2024-05-01', 'maker'), loanId: 'L1',
    memberId: 'M1', productId: 'LP', principal: '30000', repayments: 12,
    firstRepaymentOn: null }));
  ok(await ledger.approveLoan({ ...by('approve', '2024-05-01', 'checker'), loanId: 'L1',
    principal: '30000' }));
  ok(await ledger.disburseLoan({ ...by('disburse', '2024-05-01'), loanId: 'L1' }));
  ok(await ledger.recordRepayment({ ...by('r1', '2024-06-01', 'cashier'), loanId: 'L1',
    amount: '3000' }));
  return { store, ledger };
};
