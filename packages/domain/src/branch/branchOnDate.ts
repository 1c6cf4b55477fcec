import type { BusinessDate } from '../dates/businessDate.ts';
import type { MemberEvent } from '../member/events.ts';
import type { BranchId } from '../shared/ids.ts';

/**
 * The member's branch on a date, from her stream's events in order: the branch she was
 * admitted at, then each transfer dated on or before the date (a transfer takes effect on its
 * own date, as the books by branch move her business). Before her admission, the branch she
 * was admitted at; never admitted: undefined.
 * @example branchOnDate(events, '2025-06-05') // 'KALIGHAT' after a transfer dated 06-05
 */
export const branchOnDate = (
  events: ReadonlyArray<MemberEvent>, on: BusinessDate,
): BranchId | undefined => {
  let branch: BranchId | undefined;
  for (const e of events) {
    if (e.type === 'MemberAdmitted') branch = e.data.branchId;
    else if (e.type === 'MemberTransferred' && branch !== undefined && e.data.on <= on) {
      branch = e.data.to;
    }
  }
  return branch;
};
