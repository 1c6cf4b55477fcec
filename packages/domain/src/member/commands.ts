import type * as t from 'io-ts';
import { BranchId, MemberId, ProductId } from '../shared/ids.ts';
import { Count, MoneyInput, PositiveCountInput } from '../shared/codecs.ts';
import { commandCodec } from '../shared/shape.ts';

/** Admit a member at a branch; `shares` is what she subscribes to on admission. */
export const AdmitMember = commandCodec('AdmitMember', {
  memberId: MemberId,
  branchId: BranchId,
  shareProductId: ProductId,
  shares: PositiveCountInput,
});
export type AdmitMember = t.TypeOf<typeof AdmitMember>;

/**
 * Record a member's exit. The three facts come from other aggregates, read by the application
 * layer: her loans' outstanding principal, the shares she holds, her open deposit accounts.
 */
export const ExitMember = commandCodec('ExitMember', {
  memberId: MemberId,
  outstandingLoanPrincipal: MoneyInput,
  sharesHeld: Count,
  openDepositAccounts: Count,
});
export type ExitMember = t.TypeOf<typeof ExitMember>;

/** The member's commands, by type. */
export const memberCommands = { AdmitMember, ExitMember } as const;
export type MemberCommand = AdmitMember | ExitMember;
