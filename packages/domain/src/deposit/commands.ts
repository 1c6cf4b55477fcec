import * as t from 'io-ts';
import { AccountId, AccountIdInput, MemberId, ProductId } from '../shared/ids.ts';
import {
  DateString, PositiveCountInput, PositiveMoneyInput,
} from '../shared/codecs.ts';
import { closed, commandCodec, commandFields, withCheck } from '../shared/shape.ts';
import { closedWithOptional } from '../shared/closedWithOptional.ts';
import { TermUnitCodec } from '../products/termUnit.ts';
import { ReverseEvent } from '../shared/correction.ts';
import { DepositSource } from './events.ts';
import { CallGuarantee, PlaceLien, ReleaseLien } from './liens.ts';
import { NominateNominee } from '../nominee/nominee.ts';
import { ReactivateAccount } from './dormancyReactivation.ts';
import { ApplyDepositCharges } from '../charges/commands.ts';

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

// A fixed deposit's term: `termMonths` as callers have always said it, or `term` counted in
// `termUnit` (days, weeks, months or years). One way only; half of the second is refused.
const fixedTermCheck = (d: { termMonths?: number; term?: number; termUnit?: string }) => {
  if (d.termMonths !== undefined) {
    return d.term === undefined && d.termUnit === undefined ? undefined
      : { field: 'term', message: 'give termMonths, or term and termUnit, not both' };
  }
  if (d.term === undefined) return { field: 'term', message: 'is required (or termMonths)' };
  return d.termUnit === undefined ? { field: 'termUnit', message: 'is required with term' }
    : undefined;
};

const openFixedData = closedWithOptional({ ...commandFields, ...opening,
  principal: PositiveMoneyInput }, {
  termMonths: PositiveCountInput, term: PositiveCountInput, termUnit: TermUnitCodec,
}, 'OpenFixedDepositData');

/** Open a fixed deposit of `principal` for `termMonths` months, or `term` `termUnit`s. */
export const OpenFixedDeposit = closed({
  type: t.literal('OpenFixedDeposit'),
  // The fields stay listed (`props`), as the amount limits and docs read them from the codec.
  data: Object.assign(withCheck(openFixedData, fixedTermCheck),
    { props: openFixedData.props, optionalProps: openFixedData.optionalProps }),
}, 'OpenFixedDeposit');
export type OpenFixedDeposit = t.TypeOf<typeof OpenFixedDeposit>;

/**
 * Pay money in (savings, or one instalment of a recurring deposit). A deposit of a dividend
 * (`source: 'dividend'`) brings one of her credits to the account awaiting deposit, of its
 * amount: the one credited on the deposit's own day, else the oldest (DividendDeposited).
 */
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

/** Mature a recurring or fixed deposit; interest from fixedDepositMaturity or, for a
 * recurring deposit, recurringDepositOnPaid (the instalments as paid). */
export const MatureDeposit = commandCodec('MatureDeposit', { accountId: AccountId });
export type MatureDeposit = t.TypeOf<typeof MatureDeposit>;

/** Close a recurring or fixed deposit early; interest from fixedDepositPrematureClosure or
 * recurringDepositPrematureClosure (the instalments as paid), at the rate less the penalty. */
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
  CallGuarantee, ReactivateAccount, ApplyDepositCharges,
} as const;
export type DepositCommand =
  | OpenSavingsAccount | OpenRecurringDeposit | OpenFixedDeposit | MakeDeposit | Withdraw
  | PostInterest | MarkInstalmentMissed | MatureDeposit | CloseDepositEarly
  | CloseDepositAccount | ReverseEvent | PlaceLien | ReleaseLien | NominateNominee
  | CallGuarantee | ReactivateAccount | ApplyDepositCharges;
