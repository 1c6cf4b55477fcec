import { addMonths, type BusinessDate } from '../dates/businessDate.ts';
import type { DepositState } from '../deposit/state.ts';
import { duesOn, totalDue } from '../loan/dues.ts';
import type { LoanState } from '../loan/state.ts';

/**
 * What an instruction pays on a date, in paise: `due` with the amount, or `not_due` when the
 * date is none of its target's due dates (or nothing is left to pay on it), or `refused` with
 * the reason its target cannot take a payment (closed, not a recurring deposit...).
 */
export type AmountDue =
  | { readonly kind: 'due'; readonly amount: bigint }
  | { readonly kind: 'not_due' }
  | { readonly kind: 'refused'; readonly reason: string };

const notDue: AmountDue = { kind: 'not_due' };

/**
 * A recurring deposit's instalment, due each month on the day it was opened (instalment n on
 * the opening date plus n - 1 months, as MarkInstalmentMissed counts them), while instalments
 * of its term are unpaid. Paid as the next instalment, whatever its number.
 * @example rdInstalmentDue(rd, '2025-05-10') // { kind: 'due', amount: 50000n } (Rs 500)
 */
export const rdInstalmentDue = (rd: DepositState, on: BusinessDate): AmountDue => {
  if (rd.status === 'none') return { kind: 'refused', reason: 'not_found' };
  if (rd.kind !== 'recurring') return { kind: 'refused', reason: 'wrong_account' };
  if (rd.status !== 'open') return { kind: 'refused', reason: 'account_closed' };
  const term = rd.termMonths ?? 0;
  if (rd.instalmentsPaid >= term || rd.instalment === null) return notDue;
  for (let n = 0; n < term; n++) {
    const dueOn = addMonths(rd.openedOn, n);
    if (dueOn === on) return { kind: 'due', amount: rd.instalment };
    if (dueOn > on) break;
  }
  return notDue;
};

/**
 * A loan's instalment, due on each date of its schedule: what the loan has due then (the
 * instalment and any arrears, penalties and fees first, as a repayment is allocated), so that
 * the payment clears what is due rather than leaving arrears behind it.
 * @example loanInstalmentDue(loan, '2025-05-01') // { kind: 'due', amount: 271224n }
 */
export const loanInstalmentDue = (loan: LoanState, on: BusinessDate): AmountDue => {
  if (loan.status === 'none') return { kind: 'refused', reason: 'not_found' };
  if (loan.status !== 'active') return { kind: 'refused', reason: 'loan_closed' };
  if (!loan.schedule.some((i) => i.dueOn === on)) return notDue;
  const amount = totalDue(duesOn(loan.schedule, loan.totals, on));
  return amount > 0n ? { kind: 'due', amount } : notDue;
};
