// A society with a staff register: the board, a clerk, a cashier and a branch manager at
// Sonagachi, a branch manager at Kalighat, an auditor; a member M1 with savings, and a loan
// L1 applied for by the clerk, approved by the manager and disbursed by the cashier.
import type { StaffRole } from '@usha/domain';
import type { Ledger } from '../ledger/createLedger.ts';
import { memoryStore, ok, testLedger } from '../testSupport.ts';

const on = '2025-04-01';

/** Appoints the staff named above, the first board member by herself (the set-up rule). */
export const appointStaff = async <S>(ledger: Ledger<S>): Promise<void> => {
  const staff: ReadonlyArray<readonly [string, StaffRole, string | null]> = [
    ['board-1', 'board', null], ['board-2', 'board', null], ['clerk-1', 'clerk', 'SONAGACHI'],
    ['cash-1', 'cashier', 'SONAGACHI'], ['bm-1', 'branchManager', 'SONAGACHI'],
    ['bm-2', 'branchManager', 'KALIGHAT'], ['aud-1', 'auditor', null],
  ];
  for (const [staffId, role, branchId] of staff) {
    ok(await ledger.appointStaff({ commandId: `appoint-${staffId}`, actor: 'board-1', on,
      staffId, role, branchId }));
  }
};

/** Member M1 at Sonagachi with 1,000.00 in savings, each step by the role that may take it. */
export const memberAndLoan = async <S>(ledger: Ledger<S>): Promise<void> => {
  const by = (commandId: string, actor: string) => ({ commandId, actor, on });
  ok(await ledger.admitMember({ ...by('admit', 'clerk-1'), memberId: 'M1',
    branchId: 'SONAGACHI', shareProductId: 'SH', shares: 10 }));
  ok(await ledger.purchaseShares({ ...by('shares', 'cash-1'), accountId: 'SH-M1',
    memberId: 'M1', productId: 'SH', shares: 10 }));
  ok(await ledger.openSavingsAccount({ ...by('open', 'clerk-1'), accountId: 'SB-M1',
    memberId: 'M1', productId: 'SB' }));
  ok(await ledger.makeDeposit({ ...by('deposit', 'cash-1'), accountId: 'SB-M1',
    amount: '1000', source: 'cash' }));
  ok(await ledger.applyForLoan({ ...by('apply', 'clerk-1'), loanId: 'L1', memberId: 'M1',
    productId: 'LN', principal: '5000', repayments: 12, firstRepaymentOn: null }));
  ok(await ledger.approveLoan({ ...by('approve', 'bm-1'), loanId: 'L1', principal: '5000' }));
  ok(await ledger.disburseLoan({ ...by('disburse', 'cash-1'), loanId: 'L1' }));
};

/** A memory store and a Ledger over it, the staff appointed and M1's loan disbursed. */
export const staffedSociety = async () => {
  const store = memoryStore();
  const ledger = await testLedger(store);
  await appointStaff(ledger);
  await memberAndLoan(ledger);
  return { store, ledger };
};
