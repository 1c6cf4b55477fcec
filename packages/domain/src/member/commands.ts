import * as t from 'io-ts';
import {
  BranchIdInput, MemberId, MemberIdInput, ProductId, UserIdInput,
} from '../shared/ids.ts';
import { PositiveCountInput } from '../shared/codecs.ts';
import { closed, commandCodec, commandFields } from '../shared/shape.ts';
import { closedWithOptional } from '../shared/closedWithOptional.ts';
import { TillId } from '../branch/tillId.ts';
import { ReverseEvent } from '../shared/correction.ts';

/**
 * Admit a member at a branch; `shares` is what she subscribes to on admission. The member id
 * is new here, so it must have the shape of one (numberedIdShape; memberIdFor mints them);
 * commands naming an existing member take any id a log holds. `tillId` (optional) names the
 * till that took her admission fee in cash: the Ledger's cashAtTill sends it, after that till's
 * movement; left out, the fee is the branch's cash in hand, as before tills.
 */
export const AdmitMember = closed({
  type: t.literal('AdmitMember'),
  data: closedWithOptional({
    ...commandFields,
    memberId: MemberIdInput,
    branchId: BranchIdInput,
    shareProductId: ProductId,
    shares: PositiveCountInput,
  }, { tillId: TillId }, 'AdmitMemberData'),
}, 'AdmitMember');
export type AdmitMember = t.TypeOf<typeof AdmitMember>;

/**
 * Record a member's exit. It is decided with ExitMemberFacts (her loans, shares and deposit
 * accounts), read from their streams by the application, never sent by the caller.
 */
export const ExitMember = commandCodec('ExitMember', { memberId: MemberId });
export type ExitMember = t.TypeOf<typeof ExitMember>;

/** Move an active member to branch `to` (another than hers). */
export const TransferMember = commandCodec('TransferMember', {
  memberId: MemberId, to: BranchIdInput,
});
export type TransferMember = t.TypeOf<typeof TransferMember>;

/** From `on`, field officer `staffId` collects from an active member (her collection sheet). */
export const AssignFieldOfficer = commandCodec('AssignFieldOfficer', {
  memberId: MemberId, staffId: UserIdInput,
});
export type AssignFieldOfficer = t.TypeOf<typeof AssignFieldOfficer>;

/** The member's commands, by type. */
export const memberCommands = {
  AdmitMember, ExitMember, TransferMember, AssignFieldOfficer, ReverseEvent,
} as const;
/** A member's command; ReverseEvent here reverses her admission fee (maker-checker). */
export type MemberCommand = AdmitMember | ExitMember | TransferMember | AssignFieldOfficer
  | ReverseEvent;
