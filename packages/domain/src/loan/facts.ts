import type { MembershipFacts } from '../member/membership.ts';
import type { LendingFacts } from './limits.ts';
import type { TopUpFact } from './topUp.ts';

/**
 * What an application and an approval are decided on: the borrower's membership and the
 * facts of the lending limits (limits.ts). The Ledger always reads `lending`; a caller of the
 * decider may leave it out for a product with no limits and no guarantors named, and the
 * decider refuses (`cannot_compute`) when it would need it.
 */
export interface LendingDecisionFacts extends MembershipFacts {
  readonly lending?: LendingFacts;
}

/**
 * What a disbursement is decided on: the borrower's membership and, for a top-up, the loan it
 * pays off as that loan's stream holds it on the day (`topUpFactOf`); the decider refuses
 * (`cannot_compute`) a top-up without it.
 */
export interface DisbursementFacts extends MembershipFacts {
  readonly topUp?: TopUpFact;
}

/**
 * The facts of the loan's commands, by command type (the others need none). Every step up to
 * the money paid out is decided on the borrower's membership: a member who exits after
 * applying is not lent to. Repayments, recoveries and corrections are not: a debt is
 * always settled.
 */
export interface LoanFacts {
  readonly ApplyForLoan: LendingDecisionFacts;
  readonly ApproveLoan: LendingDecisionFacts;
  readonly DisburseLoan: DisbursementFacts;
}
