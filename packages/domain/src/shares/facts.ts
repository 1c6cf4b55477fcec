import type { LoanFact } from '../member/facts.ts';
import type { MembershipFacts } from '../member/membership.ts';

/** What RedeemShares needs from other aggregates: every loan of the member (see LoanFact). */
export interface RedeemSharesFacts {
  readonly loans: ReadonlyArray<LoanFact>;
}

/**
 * The facts of the share account's commands, by command type (the others need none). A
 * purchase is decided on the buyer's membership; dividends and redemptions are not, so a
 * member who left is still paid what she is owed.
 */
export interface ShareFacts {
  readonly PurchaseShares: MembershipFacts;
  readonly RedeemShares: RedeemSharesFacts;
}
