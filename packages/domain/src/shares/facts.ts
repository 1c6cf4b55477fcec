import type { LoanFact } from '../member/facts.ts';
import type { MembershipFacts } from '../member/membership.ts';
import type { AccountId } from '../shared/ids.ts';
import type { DividendDeposit } from './dividendDeposits.ts';

/** What RedeemShares needs from other aggregates: every loan of the member (see LoanFact). */
export interface RedeemSharesFacts {
  readonly loans: ReadonlyArray<LoanFact>;
}

/**
 * The savings account a dividend was credited to, as its own stream holds it: whether it is
 * still open, and the dividend deposits made into it and not reversed, each with the year it
 * brought. Which of her credits to it still await deposit: creditsAwaiting.
 */
export interface DividendSavingsFact {
  readonly accountId: AccountId;
  readonly open: boolean;
  readonly deposits: ReadonlyArray<DividendDeposit>;
}

/** A redirect to cash: the savings account the year's credit names (none: no such credit). */
export interface RedirectDividendFacts {
  readonly savings?: DividendSavingsFact;
}

/**
 * A correction on the share stream that reverses a dividend credit is decided on the savings
 * account the credit names (`facts.savings`); a reversal of any other event needs no facts.
 * ReverseEvent is shared by every account's decider, so these facts are optional on it: a
 * dividend credit's reversal without them is refused (`cannot_compute`).
 */
export interface ShareReversalFacts {
  readonly savings: DividendSavingsFact;
}

/**
 * The facts of the share account's commands, by command type (the others need none). A
 * purchase is decided on the buyer's membership; dividends and redemptions are not, so a
 * member who left is still paid what she is owed.
 */
export interface ShareFacts {
  readonly PurchaseShares: MembershipFacts;
  readonly RedeemShares: RedeemSharesFacts;
  readonly RedirectDividendToCash: RedirectDividendFacts;
}
