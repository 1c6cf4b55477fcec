import type { DepositState } from '../deposit/state.ts';
import { outstandingPrincipal, type LoanTotals } from '../loan/state.ts';
import type { ShareState } from '../shares/state.ts';

/** One of a member's loans, as its stream holds it: the totals its outstanding principal is of. */
export interface LoanFact {
  readonly totals: LoanTotals;
}

/** The principal still owed on a member's loans, in paise (the sum over her loans). */
export const loansOutstandingMinor = (loans: ReadonlyArray<LoanFact>): bigint =>
  loans.reduce((sum, l) => sum + outstandingPrincipal(l.totals), 0n);

/**
 * What ExitMember needs from other aggregates, read from their streams when it is handled:
 * every loan of the member, her share account, every deposit account of hers.
 */
export interface ExitMemberFacts {
  readonly loans: ReadonlyArray<LoanFact>;
  readonly shares: ShareState;
  readonly deposits: ReadonlyArray<DepositState>;
}

/** The facts of the member's commands, by command type (the others need none). */
export interface MemberFacts {
  readonly ExitMember: ExitMemberFacts;
}
