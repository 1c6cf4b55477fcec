// A society's first two years, 2025-26 and 2026-27, command by command, for the hand-computed
// figures of twoYearHistory.test.ts. Products: the domain's test products (SH Rs 10 shares; SB
// 4% savings, quarterly; RD 7%, quarterly; LN 12% a year, monthly equal instalments).
import type { Ledger } from '../ledger/createLedger.ts';
import { memoryStore, ok, testLedger } from '../testSupport.ts';

const by = (commandId: string, on: string, actor = 'clerk-1') => ({ commandId, actor, on });

/** Admits member `m` on `on` and sells her `shares` shares the same day. */
const admit = async <S>(l: Ledger<S>, m: string, on: string, shares: number) => {
  ok(await l.admitMember({ ...by(`${m}-admit`, on), memberId: m, branchId: 'SONAGACHI',
    shareProductId: 'SH', shares }));
  ok(await l.purchaseShares({ ...by(`${m}-shares`, on), accountId: `SH-${m}`, memberId: m,
    productId: 'SH', shares }));
};

/** Applies for, approves (a second person) and disburses an LN loan on `on`. */
const lend = async <S>(
  l: Ledger<S>, loan: { id: string; memberId: string; principal: string; repayments: number },
  on: string,
) => {
  ok(await l.applyForLoan({ ...by(`${loan.id}-apply`, on), loanId: loan.id,
    memberId: loan.memberId, productId: 'LN', principal: loan.principal,
    repayments: loan.repayments, firstRepaymentOn: null }));
  ok(await l.approveLoan({ ...by(`${loan.id}-approve`, on, 'manager-1'), loanId: loan.id,
    principal: loan.principal }));
  ok(await l.disburseLoan({ ...by(`${loan.id}-disburse`, on, 'cashier-1'), loanId: loan.id }));
};

/** Records a repayment of `amount` on loan `loanId`. */
const repay = async <S>(l: Ledger<S>, loanId: string, on: string, amount: string) => {
  ok(await l.recordRepayment({ ...by(`${loanId}-repay-${on}`, on, 'cashier-1'), loanId,
    amount }));
};

/** Pays the recurring deposit's monthly instalment on the 1st of each month listed. */
const instalments = async <S>(l: Ledger<S>, months: ReadonlyArray<string>) => {
  for (const month of months) {
    ok(await l.makeDeposit({ ...by(`RD-${month}`, `${month}-01`, 'cashier-1'),
      accountId: 'RD-M-0001', amount: '1000', source: 'cash' }));
  }
};

const monthsOf = (from: string, count: number): string[] => Array.from({ length: count },
  (_, i) => {
    const [y, m] = from.split('-').map(Number);
    const k = (m ?? 1) - 1 + i;
    return `${(y ?? 0) + Math.floor(k / 12)}-${String((k % 12) + 1).padStart(2, '0')}`;
  });

/** L-0001's equal instalment (50,000 over 12 months at 1% a month). */
export const emiL1 = '4442.44';
/** L-0002's and L-0003's (12,000 over 6 months at 1% a month). */
export const emiL2 = '2070.58';

/**
 * The first year, to 31 March 2026, and the April 2026 moves recorded before its close:
 * M-0001 saves, keeps a recurring deposit and repays L-0001 on time; M-0002 pays L-0002's
 * first instalment only; M-0003 joins on 1 October 2025 and holds shares only.
 */
export const firstYear = async () => {
  const store = memoryStore();
  const ledger = await testLedger(store);
  ok(await ledger.configureSociety({ ...by('cfg', '2025-04-01', 'board-1'), societyId: 'USHA',
    statutoryReservePercent: '25', dividendRateCapPercent: '15' }));
  await admit(ledger, 'M-0001', '2025-04-01', 10);
  await admit(ledger, 'M-0002', '2025-04-01', 10);
  ok(await ledger.openSavingsAccount({ ...by('SB-open', '2025-04-01'), accountId: 'SB-M-0001',
    memberId: 'M-0001', productId: 'SB' }));
  ok(await ledger.makeDeposit({ ...by('SB-in', '2025-04-01', 'cashier-1'),
    accountId: 'SB-M-0001', amount: '10000', source: 'cash' }));
  await lend(ledger, { id: 'L-0001', memberId: 'M-0001', principal: '50000', repayments: 12 },
    '2025-05-01');
  await lend(ledger, { id: 'L-0002', memberId: 'M-0002', principal: '12000', repayments: 6 },
    '2025-06-01');
  // L-0001 falls due on the 1st, June 2025 to May 2026; each instalment paid that day.
  for (const month of monthsOf('2025-06', 10)) {
    await repay(ledger, 'L-0001', `${month}-01`, emiL1);
  }
  await repay(ledger, 'L-0002', '2025-07-01', emiL2);
  await admit(ledger, 'M-0003', '2025-10-01', 20);
  ok(await ledger.openRecurringDeposit({ ...by('RD-open', '2025-10-01'), accountId: 'RD-M-0001',
    memberId: 'M-0001', productId: 'RD', instalment: '1000', termMonths: 24 }));
  await instalments(ledger, monthsOf('2025-10', 6));
  ok(await ledger.withdraw({ ...by('SB-out', '2025-11-15', 'cashier-1'),
    accountId: 'SB-M-0001', amount: '2000' }));
  // Dated in the new year, recorded before the close: they must not change its figures.
  await instalments(ledger, ['2026-04']);
  await repay(ledger, 'L-0001', '2026-04-01', emiL1);
  return { store, ledger };
};

/** The close of a year by the board, on `on`. */
export const closeYear = <S>(l: Ledger<S>, financialYear: string, on: string) =>
  l.closeFinancialYear({ ...by(`close-${financialYear}`, on, 'board-1'), societyId: 'USHA',
    financialYear });

/**
 * The second year after 2025-26 is closed: the dividend for 2025-26 (10%) declared and
 * shared out, M-0003's paid in cash; L-0001 repaid; L-0002 recovers (all arrears paid on 15
 * May 2026); L-0003 lent to M-0003 on 10 January 2027, two instalments paid by 31 March.
 */
export const secondYear = async <S>(ledger: Ledger<S>) => {
  ok(await ledger.declareDividend({ ...by('dividend', '2026-04-15', 'board-1'),
    societyId: 'USHA', financialYear: '2025-26', ratePercent: '10' }));
  const run = await ledger.creditDividends({ ...by('credit', '2026-04-20', 'clerk-1'),
    societyId: 'USHA', financialYear: '2025-26' });
  ok(await ledger.payDividendInCash({ ...by('pay-M-0003', '2026-04-25', 'cashier-1'),
    accountId: 'SH-M-0003', memberId: 'M-0003', financialYear: '2025-26', amount: '9.97' }));
  await repay(ledger, 'L-0001', '2026-05-01', '4442.43');
  await repay(ledger, 'L-0002', '2026-05-15', '10352.90');
  await instalments(ledger, monthsOf('2026-05', 11));
  await lend(ledger, { id: 'L-0003', memberId: 'M-0003', principal: '12000', repayments: 6 },
    '2027-01-10');
  await repay(ledger, 'L-0003', '2027-02-10', emiL2);
  await repay(ledger, 'L-0003', '2027-03-10', emiL2);
  return run;
};
