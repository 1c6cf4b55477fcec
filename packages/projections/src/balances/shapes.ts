// The balances' tables, each described once: a field's kind says which column keeps it, how a
// row reads (MemberBalance, DepositBalance, LoanBalance are derived from these) and how a
// checkpoint writes it. Fields are read and checkpointed in the order given here; changing a
// field changes what the projection computes, so it comes with a new projection version.
import {
  amount, count, date, flag, id, link, list, optionalId, place,
} from '../core/rowShape.ts';

/** A member: her share holding, dividends, and her accounts and loans in opening order. */
export const memberShape = {
  key: 'memberId',
  fields: {
    branchId: optionalId,
    status: flag(['not_admitted', 'active', 'exited']),
    shareAccountId: optionalId,
    shares: count,
    shareCapital: amount,
    dividendsCredited: amount,
    deposits: list('deposits'),
    loans: list('loans'),
  },
  checkpoint: 'byName',
} as const;

/** A deposit account: savings, recurring or fixed. */
export const depositShape = {
  key: 'accountId',
  fields: {
    memberId: id,
    kind: flag(['savings', 'recurring', 'fixed']),
    productId: id,
    status: flag(['open', 'matured', 'closed']),
    /** The next account of the same member. */
    next: link,
    balance: amount,
    interestPosted: amount,
    instalmentsMissed: count,
  },
  checkpoint: 'byName',
} as const;

/** A loan: its running totals, in paise, as the loan aggregate keeps them. */
export const loanShape = {
  key: 'loanId',
  fields: {
    memberId: id,
    productId: id,
    status: flag(['applied', 'approved', 'rejected', 'active', 'written_off', 'closed']),
    /** The next loan of the same member. */
    next: link,
    disbursedOn: date,
    disbursed: amount,
    principalRepaid: amount,
    writtenOff: amount,
    interestPaid: amount,
    interestWaived: amount,
    penaltiesCharged: amount,
    penaltiesPaid: amount,
    penaltiesWrittenOff: amount,
    feesCharged: amount,
    feesPaid: amount,
    feesWrittenOff: amount,
    recovered: amount,
    /** The loan's first row in the schedule store, and its number of rows (0: none yet). */
    scheduleAt: place,
    scheduleLength: place,
  },
  checkpoint: 'packed',
} as const;
