import type * as t from 'io-ts';
import { AccountId, LoanId } from '../shared/ids.ts';
import { commandCodec } from '../shared/shape.ts';

/**
 * Record the charges a loan's product rules give on `on` that are not recorded yet: each rule
 * charges a period once, however often this runs. Nothing is typed in but the date.
 */
export const ApplyCharges = commandCodec('ApplyCharges', { loanId: LoanId });
export type ApplyCharges = t.TypeOf<typeof ApplyCharges>;

/**
 * Record the charges a savings account's or recurring deposit's product rule gives on `on`
 * that are not recorded yet, each taken from the balance; once per rule and period.
 */
export const ApplyDepositCharges = commandCodec('ApplyDepositCharges', { accountId: AccountId });
export type ApplyDepositCharges = t.TypeOf<typeof ApplyDepositCharges>;
