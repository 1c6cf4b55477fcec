import * as t from 'io-ts';
import { BranchId, EventId, MemberId } from '../shared/ids.ts';
import { DateString, MoneyString } from '../shared/codecs.ts';
import { eventCodec } from '../shared/shape.ts';
import { TillId } from '../branch/tillId.ts';

/**
 * The admission fee of her share product (AdmissionFeeRule), paid in cash at `branchId` on the
 * day she was admitted: written just after MemberAdmitted, in the same append. Society income,
 * not share capital: it is not returned when she leaves. `tillId` is the till that took the
 * cash (null: the branch's cash in hand, as before tills). Version 2 carries `eventId` (a money
 * event, reversible by it) and `tillId`; a version 1 event is read with both filled in
 * (upcasting/admissionFeeChargedV1.ts).
 */
export const AdmissionFeeCharged = eventCodec('AdmissionFeeCharged', {
  eventId: EventId, memberId: MemberId, branchId: BranchId, on: DateString, amount: MoneyString,
  tillId: t.union([TillId, t.null]),
});
export type AdmissionFeeCharged = t.TypeOf<typeof AdmissionFeeCharged>;
