import * as E from 'fp-ts/lib/Either.js';
import type { BusinessDate } from '../dates/businessDate.ts';
import type { BranchId, MemberId } from '../shared/ids.ts';
import type { Rejection } from '../shared/rejection.ts';
import type { MemberState } from './state.ts';

/**
 * What a command that opens an account, takes money in or lends needs from the member's own
 * stream: her state there (not admitted, active at a branch, or exited). The application reads
 * it when the command is handled; the caller never sends it.
 */
export interface MembershipFacts {
  readonly member: MemberState;
}

/**
 * Right with her branch when `memberId` was admitted (on or before `on`, when given) and has
 * not exited: only members do business with the society. A state of another member is a defect of whoever read it.
 * @example admittedMember('M-0001', { member: { status: 'none' } })
 *   // Left({ type: 'member_not_admitted', memberId: 'M-0001' })
 */
export const admittedMember = (
  memberId: MemberId, f: MembershipFacts, on?: BusinessDate,
): E.Either<Rejection, { readonly branchId: BranchId }> => {
  const m = f.member;
  if (m.status === 'none') return E.left({ type: 'member_not_admitted', memberId });
  // Not yet a member on the command's date: business dated before her admission is refused.
  if (on !== undefined && m.status !== 'exited' && m.memberId === memberId
    && on < m.admittedOn) {
    return E.left({ type: 'member_not_admitted', memberId, admittedOn: m.admittedOn });
  }
  if (m.memberId !== memberId) {
    return E.left({ type: 'wrong_aggregate', aggregate: 'member', expected: memberId,
      got: m.memberId });
  }
  if (m.status === 'exited') return E.left({ type: 'member_exited', memberId });
  return E.right({ branchId: m.branchId });
};
