import type * as t from 'io-ts';
import { BranchId, MemberId } from '../shared/ids.ts';
import { DateString, MoneyString } from '../shared/codecs.ts';
import { eventCodec } from '../shared/shape.ts';

/**
 * The admission fee of her share product (AdmissionFeeRule), paid in cash at `branchId` on the
 * day she was admitted: written just after MemberAdmitted, in the same append. Society income,
 * not share capital: it is not returned when she leaves.
 */
export const AdmissionFeeCharged = eventCodec('AdmissionFeeCharged', {
  memberId: MemberId, branchId: BranchId, on: DateString, amount: MoneyString,
});
export type AdmissionFeeCharged = t.TypeOf<typeof AdmissionFeeCharged>;
