import type * as t from 'io-ts';
import { AccountId, AccountIdInput, MemberId, ProductId } from '../shared/ids.ts';
import {
  DateString, PositiveCountInput, PositiveMoneyInput,
} from '../shared/codecs.ts';
import { commandCodec } from '../shared/shape.ts';
import { ReverseEvent } from '../shared/correction.ts';
import { DepositSource } from './events.ts';
import { CallGuarantee, PlaceLien, ReleaseLien } from './liens.ts';
import { NominateNominee } from '../nominee/nominee.ts';

// A new account id must have the strict id shape (AccountIdInput); the member and product
// name things that exist already (or the opening is refused), so they keep the shape every
// log written so far holds: a member id of an old log still opens accounts.
const opening = { accountId: AccountIdInput, memberId: MemberId, productId: ProductId };

/** Open a savings account. */
export const OpenSavingsAccount = commandCodec('OpenSavingsAccount', opening);
export type OpenSavingsAccount = t.TypeOf<typeof OpenSavingsAccount>;

/** Open a recurring deposit: `instalment` each month for `termMonths` months. */
export const OpenRecurringDeposit = commandCodec('OpenRecurringDeposit', {
  ...opening, instalment: PositiveMoneyInput, termMonths: PositiveCountInput,
});
export type OpenRecurringDeposit = t.TypeOf<typeof OpenRecurringDeposit>;

/** Open a fixed deposit of `principal` for `termMonths` months. */
export const OpenFixedDeposit = commandCodec('OpenFixedDeposit', {
  ...opening, principal: PositiveMoneyInput, termMonths: PositiveCountInput,
});
export type OpenFixedDeposit = t.TypeOf<typeof OpenFixedDeposit>;

/** Pay money in (savings, or one instalment of a recurring deposit). */
export const MakeDeposit = commandCodec('MakeDeposit', {
  accountId: AccountId, amount: PositiveMoneyInput, source: DepositSource,
});
export type MakeDeposit = t.TypeOf<typeof MakeDeposit>;

/** Pay money out of a savings account. */
export const Withdraw = commandCodec('Withdraw', {
  accountId: AccountId, amount: PositiveMoneyInput,
});
export type Withdraw = t.TypeOf<typeof Withdraw>;

/**
 * Credit interest for the period from the day after the last posting (or the opening) to
 * `periodTo`. The decider computes the amount with the finance functions (savingsInterest)
 * from DepositInterestFacts, the account's history.
 */
export const PostInterest = commandCodec('PostInterest', {
  accountId: AccountId, periodTo: DateString,
});
export type PostInterest = t.TypeOf<typeof PostInterest>;

/** Record that a recurring deposit instalment was not paid by its due date. */
export const MarkInstalmentMissed = commandCodec('MarkInstalmentMissed', {
  accountId: AccountId, instalmentNumber: PositiveCountInput,
});
export type MarkInstalmentMissed = t.TypeOf<typeof MarkInstalmentMissed>;

/** Mature a recurring or fixed deposit; interest from fixed/recurringDepositMaturity. */
export const MatureDeposit = commandCodec('MatureDeposit', { accountId: AccountId });
export type MatureDeposit = t.TypeOf<typeof MatureDeposit>;

/** Close a recurring or fixed deposit early; interest from fixedDepositPrematureClosure. */
export const CloseDepositEarly = commandCodec('CloseDepositEarly', { accountId: AccountId });
export type CloseDepositEarly = t.TypeOf<typeof CloseDepositEarly>;

/** Close an account and pay out its balance (a savings account, or a matured deposit). */
export const CloseDepositAccount = commandCodec('CloseDepositAccount', { accountId: AccountId });
export type CloseDepositAccount = t.TypeOf<typeof CloseDepositAccount>;

/** The deposit account's commands, by type. */
export const depositCommands = {
  OpenSavingsAccount, OpenRecurringDeposit, OpenFixedDeposit, MakeDeposit, Withdraw,
  PostInterest, MarkInstalmentMissed, MatureDeposit, CloseDepositEarly, CloseDepositAccount,
  ReverseEvent, PlaceLien, ReleaseLien, NominateNominee,
  CallGuarantee,
} as const;
export type DepositCommand =
  | OpenSavingsAccount | OpenRecurringDeposit | OpenFixedDeposit | MakeDeposit | Withdraw
  | PostInterest | MarkInstalmentMissed | MatureDeposit | CloseDepositEarly
  | CloseDepositAccount | ReverseEvent | PlaceLien | ReleaseLien | NominateNominee
  | CallGuarantee;
