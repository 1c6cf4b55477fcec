import type { DepositState } from '../deposit/state.ts';
import { outstandingPrincipal, type LoanTotals } from '../loan/state.ts';
import type { BusinessDate } from '../dates/businessDate.ts';
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

/**
 * What TransferMember needs from other aggregates: the latest business date of her deposit
 * accounts', loans' and share account's own events (null when she has none), read from their
 * streams when it is handled. A transfer dated before it would move, on its date, balances
 * made after it: the books by branch on the days between would differ from the events dated by
 * then. It is refused as dated before her last event.
 */
export interface TransferMemberFacts {
  readonly accountsLastOn: BusinessDate | null;
}

/** The latest of the dates given, or null when none is. */
export const latestOn = (dates: Iterable<BusinessDate>): BusinessDate | null => {
  let latest: BusinessDate | null = null;
  for (const d of dates) if (latest === null || d > latest) latest = d;
  return latest;
};

/** The facts of the member's commands, by command type (the others need none). */
export interface MemberFacts {
  readonly ExitMember: ExitMemberFacts;
  readonly TransferMember: TransferMemberFacts;
}
