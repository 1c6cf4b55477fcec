// A branch's day, from opening the till to day-end: the vault takes over the branch's cash, the
// cashier draws a float for her till, members pay in and draw out through it, she counts the
// till (Rs 50 short), returns the cash to the vault, and the day is closed. Run:
//   node --import tsx examples/branchDay.ts
// Apps import all of this from '@usha/ledger'; the example uses paths inside the repository.
import {
  createLedger, inMemoryEventStore, ledgerEventSchema, type CommandOutcome, type ProcessOutcome,
} from '@usha/ledger';
import { rupees } from '@usha/projections';

const products = {
  SH: { kind: 'share', id: 'SH', faceValue: '10.00', minimumShares: 5, maximumShares: 500,
    lockInMonths: 12, minimumSharesWhileBorrowing: 10 },
  SB: { kind: 'savings', id: 'SB', rateAnnualPercent: '4', dayCount: 'actual/365',
    compounding: 'quarterly', posting: 'quarterly', minimumBalance: '100.00',
    rounding: 'half-even' },
};

const show = (o: CommandOutcome | ProcessOutcome): string => o.status === 'rejected'
  ? `rejected: ${o.rejection.type}` : o.status;

/** Runs the branch's day; returns the lines it prints. */
export const branchDay = async (): Promise<string[]> => {
  const out: string[] = [];
  const store = inMemoryEventStore({ schema: ledgerEventSchema });
  const ledger = await createLedger({ store, products });
  const by = (commandId: string, on = '2025-06-02', actor = 'CASHIER-1') =>
    ({ commandId, actor, on });
  const branch = { branchId: 'SONAGACHI' };
  const till = { ...branch, tillId: 'T1' };
  // The day before: two members with savings, and the vault takes over the branch's cash.
  for (const m of ['1001', '1002']) {
    await ledger.admitMember({ ...by(`admit-${m}`, '2025-06-01', 'CLERK-1'), ...branch,
      memberId: `M-${m}`, shareProductId: 'SH', shares: 5 });
    await ledger.openSavingsAccount({ ...by(`open-${m}`, '2025-06-01', 'CLERK-1'),
      accountId: `SB-${m}`, memberId: `M-${m}`, productId: 'SB' });
  }
  // Recorded without a till, as every log before tills holds it: the branch's cash, unassigned.
  await ledger.makeDeposit({ ...by('old-1001', '2025-06-01'), accountId: 'SB-1001',
    amount: '80000', source: 'cash' });
  await ledger.takeOverVaultCash({ ...by('vault', '2025-06-01', 'MANAGER-1'), ...branch,
    amount: '200000' });
  // Opening: Rs 50,000 from the vault to till T1.
  out.push(show(await ledger.transferBranchCash({ ...by('float'), ...branch, fromTill: null,
    toTill: 'T1', amount: '50000' })));
  // Members at the counter: each goes through the till, then her account.
  out.push(show(await ledger.cashAtTill({ ...by('dep-1001'), ...till, type: 'MakeDeposit',
    accountId: 'SB-1001', amount: '3000' })));
  out.push(show(await ledger.cashAtTill({ ...by('dep-1002'), ...till, type: 'MakeDeposit',
    accountId: 'SB-1002', amount: '2500' })));
  out.push(show(await ledger.cashAtTill({ ...by('wd-1001'), ...till, type: 'Withdraw',
    accountId: 'SB-1001', amount: '1200' })));
  // More than the till holds is refused at the till: nothing is stored anywhere.
  out.push(show(await ledger.cashAtTill({ ...by('wd-1002'), ...till, type: 'Withdraw',
    accountId: 'SB-1001', amount: '60000' })));
  const position = await ledger.tillPositions(branch);
  out.push(`T1 by the book: Rs ${position.tills[0]?.cash}`);
  // Day-end: the count (Rs 54,250 in the drawer), the cash back to the vault, the close.
  out.push(show(await ledger.countTillCash({ ...by('count'), ...till, counted: '54250' })));
  out.push(show(await ledger.transferBranchCash({ ...by('return'), ...branch, fromTill: 'T1',
    toTill: null, amount: '54250' })));
  out.push(show(await ledger.closeBranchDay({ ...by('close'), ...branch })));
  out.push(show(await ledger.cashAtTill({ ...by('late'), ...till, type: 'MakeDeposit',
    accountId: 'SB-1001', amount: '100' })));
  const tb = await ledger.trialBalance();
  const shortage = tb.rows.find((r) => r.code === '5400')?.debit ?? 0n;
  out.push(`cash shortage in the books: Rs ${rupees(shortage)}`);
  out.push(await ledger.dayCashReport({ ...branch, on: '2025-06-02' }));
  await ledger.close();
  return out;
};

if (import.meta.url === `file://${process.argv[1]}`) {
  for (const line of await branchDay()) console.log(line);
}
