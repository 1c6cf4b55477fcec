import * as t from 'io-ts';
import { AccountId, BranchId, LoanId, MemberId, ProductId, UserId } from '../shared/ids.ts';
import { DateString, PositiveCount } from '../shared/codecs.ts';
import { eventCodec } from '../shared/shape.ts';
import { AdmissionFeeCharged } from '../charges/admissionFeeCharged.ts';
import { EventReversed } from '../shared/correction.ts';

/** A member was admitted at a branch, subscribing to at least the minimum shares. */
export const MemberAdmitted = eventCodec('MemberAdmitted', {
  memberId: MemberId,
  branchId: BranchId,
  on: DateString,
  shareProductId: ProductId,
  sharesSubscribed: PositiveCount,
});
export type MemberAdmitted = t.TypeOf<typeof MemberAdmitted>;

/** A member left the society, with no loan, shares or deposit account left. */
export const MemberExited = eventCodec('MemberExited', {
  memberId: MemberId,
  branchId: BranchId,
  on: DateString,
});
export type MemberExited = t.TypeOf<typeof MemberExited>;

/**
 * A member moved from branch `from` to branch `to` on `on`: accounts and loans opened from then
 * record `to`, and reports by branch count her business there from that day.
 */
export const MemberTransferred = eventCodec('MemberTransferred', {
  memberId: MemberId,
  from: BranchId,
  to: BranchId,
  on: DateString,
});
export type MemberTransferred = t.TypeOf<typeof MemberTransferred>;

/**
 * An account or loan of the member is being opened: noted on her stream just before its own
 * first event, so that a decision on her stream (her exit, her lending limits) knows of it,
 * whichever Ledger opened it. A note whose opening was then refused names a stream with no
 * events. It moves no money and changes nothing of her membership.
 */
export const AccountOpeningNoted = eventCodec('AccountOpeningNoted', {
  memberId: MemberId,
  kind: t.keyof({ savings: null, recurring: null, fixed: null, loan: null }),
  id: t.union([AccountId, LoanId]),
  on: DateString,
});
export type AccountOpeningNoted = t.TypeOf<typeof AccountOpeningNoted>;

/**
 * From `on`, the field officer `staffId` (a staff id, no name) collects from the member: her
 * collection sheet is his until another assignment. It moves no money.
 */
export const FieldOfficerAssigned = eventCodec('FieldOfficerAssigned', {
  memberId: MemberId,
  staffId: UserId,
  on: DateString,
});
export type FieldOfficerAssigned = t.TypeOf<typeof FieldOfficerAssigned>;

/** The member's events, by type. */
export const memberEvents = {
  MemberAdmitted, MemberExited, MemberTransferred, AccountOpeningNoted, FieldOfficerAssigned,
  AdmissionFeeCharged, EventReversed,
} as const;
/** A member's event; EventReversed on her stream reverses her admission fee. */
export type MemberEvent = MemberAdmitted | MemberExited | MemberTransferred
  | AccountOpeningNoted | FieldOfficerAssigned | AdmissionFeeCharged | EventReversed;
