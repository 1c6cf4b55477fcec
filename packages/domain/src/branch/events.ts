import * as t from 'io-ts';
import { BranchId, CommandId } from '../shared/ids.ts';
import { DateString, MoneyString, SignedMoneyString, oneOf } from '../shared/codecs.ts';
import { closed, eventCodec } from '../shared/shape.ts';
import { AccountStream } from './accountStream.ts';
import { TillId } from './tillId.ts';

/** What a member's cash at a till was for: the account command it went with. */
export const TillPurpose = oneOf('TillPurpose',
  ['deposit', 'withdrawal', 'repayment', 'disbursement', 'dividend',
    // Her admission fee, taken with AdmitMember (its account stream is her member stream).
    'fee'] as const);
export type TillPurpose = t.TypeOf<typeof TillPurpose>;

// A place cash is kept at a branch: a till, or the vault (null).
const place = t.union([TillId, t.null]);

/**
 * The vault took over cash the branch already held: what counted as its cash before it kept
 * tills ('unassigned'). No journal entry: the cash is in "Cash in hand" already.
 */
export const VaultCashTakenOver = eventCodec('VaultCashTakenOver', {
  branchId: BranchId, on: DateString, amount: MoneyString,
});
export type VaultCashTakenOver = t.TypeOf<typeof VaultCashTakenOver>;

/** Cash moved between the vault (`null`) and a till, or between two tills, at one branch. */
export const BranchCashTransferred = eventCodec('BranchCashTransferred', {
  branchId: BranchId, on: DateString, fromTill: place, toTill: place, amount: MoneyString,
});
export type BranchCashTransferred = t.TypeOf<typeof BranchCashTransferred>;

/** Cash left this branch's vault for another branch: it sits in the inter-branch account. */
export const CashSentToBranch = eventCodec('CashSentToBranch', {
  branchId: BranchId, on: DateString, toBranchId: BranchId, transferId: CommandId,
  amount: MoneyString,
});
export type CashSentToBranch = t.TypeOf<typeof CashSentToBranch>;

/** Cash sent by another branch arrived in this branch's vault, out of the inter-branch account. */
export const CashReceivedFromBranch = eventCodec('CashReceivedFromBranch', {
  branchId: BranchId, on: DateString, fromBranchId: BranchId, transferId: CommandId,
  amount: MoneyString,
});
export type CashReceivedFromBranch = t.TypeOf<typeof CashReceivedFromBranch>;

/**
 * A member's cash went into or out of a till: the till's side of the account step `stepId` on
 * `accountStream`, stored before that step so that the till is decided on its own stream.
 */
export const TillCashMoved = eventCodec('TillCashMoved', {
  branchId: BranchId, tillId: TillId, on: DateString, purpose: TillPurpose,
  amount: MoneyString, accountStream: AccountStream, stepId: CommandId,
});
export type TillCashMoved = t.TypeOf<typeof TillCashMoved>;

/** The account step of a till movement was refused: the movement is undone. */
export const TillCashReleased = eventCodec('TillCashReleased', {
  branchId: BranchId, tillId: TillId, on: DateString, purpose: TillPurpose,
  amount: MoneyString, stepId: CommandId,
});
export type TillCashReleased = t.TypeOf<typeof TillCashReleased>;

/**
 * The cashier counted a till: `counted` is its cash from now on, and `difference` (counted
 * minus book) is posted as an excess (above zero) or a shortage (below).
 */
export const TillCashCounted = eventCodec('TillCashCounted', {
  branchId: BranchId, tillId: TillId, on: DateString, book: MoneyString, counted: MoneyString,
  difference: SignedMoneyString,
});
export type TillCashCounted = t.TypeOf<typeof TillCashCounted>;

/** The branch closed its day: the cash it held at the close, by place. */
export const BranchDayClosed = eventCodec('BranchDayClosed', {
  branchId: BranchId, on: DateString, vault: MoneyString,
  tills: t.array(closed({ tillId: TillId, cash: MoneyString }, 'TillCash')),
});
export type BranchDayClosed = t.TypeOf<typeof BranchDayClosed>;

/** A branch's cash events, by type. */
export const branchEvents = {
  VaultCashTakenOver, BranchCashTransferred, CashSentToBranch, CashReceivedFromBranch,
  TillCashMoved, TillCashReleased, TillCashCounted, BranchDayClosed,
} as const;
export type BranchEvent =
  | VaultCashTakenOver | BranchCashTransferred | CashSentToBranch | CashReceivedFromBranch
  | TillCashMoved | TillCashReleased | TillCashCounted | BranchDayClosed;
