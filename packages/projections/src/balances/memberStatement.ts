import { asOfDay } from '../core/asOfDay.ts';
import { loanPosition, type LoanPosition } from '../portfolio/loanStatus.ts';
import type { BalancesState, DepositBalance, LoanBalance } from './state.ts';

/** A member's balances on a date: shares, deposits, and each loan's position. */
export interface MemberStatement {
  readonly memberId: string;
  readonly branchId: string | null;
  readonly shares: number;
  readonly shareCapital: bigint;
  readonly deposits: ReadonlyArray<DepositBalance>;
  readonly loans: ReadonlyArray<LoanBalance & { readonly position: LoanPosition }>;
}

/**
 * A member's balances as of a date (on or after the latest event applied), or undefined for a
 * member never seen.
 */
export const memberBalances = (
  s: BalancesState, memberId: string, o: { readonly asOf?: string } = {},
): MemberStatement | undefined => {
  const m = s.members.get(memberId);
  if (m === undefined) return undefined;
  const day = asOfDay(s.through, o.asOf);
  return {
    memberId, branchId: m.branchId, shares: m.shares, shareCapital: m.shareCapital,
    deposits: m.deposits.flatMap((id) => s.deposits.get(id) ?? []),
    loans: m.loans.flatMap((id) => {
      const l = s.loans.get(id);
      return l === undefined ? [] : [{ ...l, position: loanPosition(s.schedules, l, day) }];
    }),
  };
};
