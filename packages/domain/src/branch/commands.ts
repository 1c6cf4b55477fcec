import * as t from 'io-ts';
import { BranchIdInput, CommandId } from '../shared/ids.ts';
import { MoneyInput, PositiveMoneyInput } from '../shared/codecs.ts';
import { commandCodec } from '../shared/shape.ts';
import { AccountStream } from './accountStream.ts';
import { TillPurpose } from './events.ts';
import { TillId } from './tillId.ts';

const branch = { branchId: BranchIdInput };

/** The vault takes over the cash the branch holds when it starts keeping tills. */
export const TakeOverVaultCash = commandCodec('TakeOverVaultCash', {
  ...branch, amount: PositiveMoneyInput,
});
export type TakeOverVaultCash = t.TypeOf<typeof TakeOverVaultCash>;

/** Move cash between the vault (`null`) and a till: vault to till at opening, back at close. */
export const TransferBranchCash = commandCodec('TransferBranchCash', {
  ...branch, fromTill: t.union([TillId, t.null]), toTill: t.union([TillId, t.null]),
  amount: PositiveMoneyInput,
});
export type TransferBranchCash = t.TypeOf<typeof TransferBranchCash>;

/** Send cash from this branch's vault to another branch, through the inter-branch account. */
export const SendCashToBranch = commandCodec('SendCashToBranch', {
  ...branch, toBranchId: BranchIdInput, amount: PositiveMoneyInput,
});
export type SendCashToBranch = t.TypeOf<typeof SendCashToBranch>;

/** Receive into the vault the cash another branch sent (`transferId`: its command id). */
export const ReceiveCashFromBranch = commandCodec('ReceiveCashFromBranch', {
  ...branch, fromBranchId: BranchIdInput, transferId: CommandId, amount: PositiveMoneyInput,
});
export type ReceiveCashFromBranch = t.TypeOf<typeof ReceiveCashFromBranch>;

/** The till's side of a member's cash (sent by the Ledger as the first step of cashAtTill). */
export const MoveTillCash = commandCodec('MoveTillCash', {
  ...branch, tillId: TillId, purpose: TillPurpose, amount: PositiveMoneyInput,
  accountStream: AccountStream, stepId: CommandId,
});
export type MoveTillCash = t.TypeOf<typeof MoveTillCash>;

/** Undo the till movement of an account step that was refused. */
export const ReleaseTillCash = commandCodec('ReleaseTillCash', {
  ...branch, stepId: CommandId,
});
export type ReleaseTillCash = t.TypeOf<typeof ReleaseTillCash>;

/** Record the cash counted in a till; the difference from the book is posted. */
export const CountTillCash = commandCodec('CountTillCash', {
  ...branch, tillId: TillId, counted: MoneyInput,
});
export type CountTillCash = t.TypeOf<typeof CountTillCash>;

/** Close the branch's day: every till that moved cash since its last count must be counted. */
export const CloseBranchDay = commandCodec('CloseBranchDay', branch);
export type CloseBranchDay = t.TypeOf<typeof CloseBranchDay>;

/** A branch's cash commands, by type. */
export const branchCommands = {
  TakeOverVaultCash, TransferBranchCash, SendCashToBranch, ReceiveCashFromBranch, MoveTillCash,
  ReleaseTillCash, CountTillCash, CloseBranchDay,
} as const;
export type BranchCommand =
  | TakeOverVaultCash | TransferBranchCash | SendCashToBranch | ReceiveCashFromBranch
  | MoveTillCash | ReleaseTillCash | CountTillCash | CloseBranchDay;

/** Whether a command is one of a branch's cash commands (they name their branch). */
export const isBranchCommand = (c: { readonly type: string }): c is BranchCommand =>
  Object.hasOwn(branchCommands, c.type);
