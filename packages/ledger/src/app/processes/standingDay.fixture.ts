// A day of standing instructions for the tests: three members, each with an instruction due
// on 2024-05-10, the third one's savings short of her instalment.
//   M1: savings Rs 5,000; recurring deposit RD-M1, Rs 500 a month from 2024-04-10 (SI-1).
//   M2: savings Rs 3,000; loan L2, Rs 10,000 at 12% over 12 months from 2024-04-10 (SI-2).
//   M3: savings Rs 300; recurring deposit RD-M3, Rs 500 a month from 2024-04-10 (SI-3).
import type { EventStore } from '../../eventStore/port.ts';
import type { Ledger } from '../ledger/createLedger.ts';
import type { LedgerEvent } from '../log/ledgerEvent.ts';
import { memberWithSavings, ok } from '../testSupport.ts';

/** The due date all three instructions share. */
export const dueOn = '2024-05-10';

/** The run of the due date, as a cashier sends it. */
export const runOfDay = { commandId: 'si-run-1', actor: 'cashier', on: dueOn };

const on = (commandId: string, day: string, actor = 'clerk') => ({ commandId, actor, on: day });

/** Sets up the three members, their targets and their instructions. */
export const standingDay = async <S>(ledger: Ledger<S>): Promise<void> => {
  await memberWithSavings(ledger, 'M1', '5000');
  await memberWithSavings(ledger, 'M2', '3000');
  await memberWithSavings(ledger, 'M3', '300');
  for (const m of ['M1', 'M3']) {
    ok(await ledger.openRecurringDeposit({ ...on(`rd-${m}`, '2024-04-10'), accountId: `RD-${m}`,
      memberId: m, productId: 'RD', instalment: '500', termMonths: 12 }));
  }
  ok(await ledger.applyForLoan({ ...on('apply-L2', '2024-04-10', 'maker'), loanId: 'L2',
    memberId: 'M2', productId: 'LN', principal: '10000', repayments: 12,
    firstRepaymentOn: null }));
  ok(await ledger.approveLoan({ ...on('approve-L2', '2024-04-10', 'checker'), loanId: 'L2',
    principal: '10000' }));
  ok(await ledger.disburseLoan({ ...on('disburse-L2', '2024-04-10', 'cashier'), loanId: 'L2' }));
  const give = (id: string, from: string, to: string, what: 'rd-instalment' | 'loan-instalment') =>
    ledger.giveStandingInstruction({ ...on(`give-${id}`, '2024-04-15'), instructionId: id,
      fromAccountId: from, toAccountId: to, what, startOn: '2024-05-01', endOn: null });
  ok(await give('SI-1', 'SB-M1', 'RD-M1', 'rd-instalment'));
  ok(await give('SI-2', 'SB-M2', 'L2', 'loan-instalment'));
  ok(await give('SI-3', 'SB-M3', 'RD-M3', 'rd-instalment'));
};

/** What the log holds of the instructions' dates: `SI-1 2024-05-10 executed 500.00`, ... */
export const decided = async (store: EventStore<LedgerEvent>): Promise<string[]> => {
  const out: string[] = [];
  for await (const e of store.readAll()) {
    if (e.type === 'StandingInstructionExecuted') {
      out.push(`${e.data.instructionId} ${e.data.on} executed ${e.data.amount}`);
    }
    if (e.type === 'StandingInstructionRefused') {
      out.push(`${e.data.instructionId} ${e.data.on} refused ${e.data.amount} ${e.data.reason}`);
    }
  }
  return out;
};
