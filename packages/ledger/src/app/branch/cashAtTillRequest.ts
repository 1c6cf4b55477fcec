import * as t from 'io-ts';
import { closedWithOptional, type TillPurpose } from '@usha/domain';

/** The account commands a till pays or takes cash for, and what the till records them as. */
export const tillPurposeOf = {
  MakeDeposit: 'deposit', Withdraw: 'withdrawal', RecordRepayment: 'repayment',
  DisburseLoan: 'disbursement', PayDividendInCash: 'dividend', AdmitMember: 'fee',
} as const satisfies Readonly<Record<string, TillPurpose>>;

/** An account command a till can carry. */
export type TillCommandType = keyof typeof tillPurposeOf;

const s = t.string;

/**
 * A member's cash at a till: the account command (its type and fields; a deposit's source is
 * cash) and the till it goes through. `amount` is the cash, except for AdmitMember, whose cash
 * is her share product's admission fee (`shareProductId`, `shares` subscribed), worked out by
 * the process and never sent. All fields are strings: the request is the process's record,
 * read back at open if the Ledger stopped between the steps.
 */
export const CashAtTillRequestCodec = closedWithOptional({
  commandId: s, actor: s, on: s, branchId: s, tillId: s,
  type: t.keyof(tillPurposeOf, 'TillCommandType'),
}, { amount: s, accountId: s, loanId: s, memberId: s, financialYear: s, shareProductId: s,
  shares: s }, 'CashAtTillRequest');
/** What `cashAtTill` takes. */
export type CashAtTillRequest = t.TypeOf<typeof CashAtTillRequestCodec>;
