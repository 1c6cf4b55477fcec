import * as t from 'io-ts';
import { AccountId, AccountIdInput, MemberId, ProductId } from '../shared/ids.ts';
import {
  FinancialYearLabel, intBetween, PositiveCountInput, PositiveMoneyInput,
} from '../shared/codecs.ts';
import { MAX_COMMAND_COUNT } from '../money/limits.ts';
import { commandCodec } from '../shared/shape.ts';
import { ReverseEvent } from '../shared/correction.ts';
import { NominateNominee } from '../nominee/nominee.ts';

/**
 * Share commands carry the member id too: the stream is `shares-<memberId>`.
 * Buy shares at face value; the first purchase opens the member's share account. */
export const PurchaseShares = commandCodec('PurchaseShares', {
  // The first purchase brings the account id into the log: it has the shape of an id.
  accountId: AccountIdInput,
  memberId: MemberId,
  productId: ProductId,
  shares: PositiveCountInput,
});
export type PurchaseShares = t.TypeOf<typeof PurchaseShares>;

// Zero is taken for an exit only, from an account a correction has emptied: it closes the
// account, which has nothing to redeem (the decider refuses zero otherwise: nothing_to_redeem).
const RedeemedCountInput = intBetween('RedeemedCountInput', 0, MAX_COMMAND_COUNT);

/**
 * Redeem shares at face value. `forExit` redeems all of them and closes the account (with zero
 * shares, an account a correction emptied is closed). It is decided with RedeemSharesFacts
 * (the member's loans), read by the application.
 */
export const RedeemShares = commandCodec('RedeemShares', {
  accountId: AccountId,
  memberId: MemberId,
  shares: RedeemedCountInput,
  forExit: t.boolean,
});
export type RedeemShares = t.TypeOf<typeof RedeemShares>;

/** Record a member's dividend for a year (her declared part), paid into her savings. */
export const CreditDividend = commandCodec('CreditDividend', {
  accountId: AccountId,
  memberId: MemberId,
  financialYear: FinancialYearLabel,
  amount: PositiveMoneyInput,
  savingsAccountId: AccountId,
});
export type CreditDividend = t.TypeOf<typeof CreditDividend>;

// Whose dividend, which year, how much: what both cash dividend commands name.
const cashDividend = {
  accountId: AccountId,
  memberId: MemberId,
  financialYear: FinancialYearLabel,
  amount: PositiveMoneyInput,
};

/** Record a member's declared part as payable in cash: she has no open savings account. */
export const RecordDividendPayableInCash =
  commandCodec('RecordDividendPayableInCash', cashDividend);
export type RecordDividendPayableInCash = t.TypeOf<typeof RecordDividendPayableInCash>;

/**
 * Make a member's dividend credited to her savings account payable in cash instead: the
 * account was closed before the part was deposited. Decided with DividendSavingsFacts.
 */
export const RedirectDividendToCash = commandCodec('RedirectDividendToCash', cashDividend);
export type RedirectDividendToCash = t.TypeOf<typeof RedirectDividendToCash>;

/** Pay a member, from the till, her dividend payable in cash (the actor is the cashier). */
export const PayDividendInCash = commandCodec('PayDividendInCash', cashDividend);
export type PayDividendInCash = t.TypeOf<typeof PayDividendInCash>;

/** The share account's commands, by type. */
export const shareCommands = {
  PurchaseShares, RedeemShares, CreditDividend, RecordDividendPayableInCash,
  RedirectDividendToCash, PayDividendInCash, ReverseEvent, NominateNominee,
} as const;
export type ShareCommand =
  | PurchaseShares | RedeemShares | CreditDividend | RecordDividendPayableInCash
  | RedirectDividendToCash | PayDividendInCash | ReverseEvent | NominateNominee;
