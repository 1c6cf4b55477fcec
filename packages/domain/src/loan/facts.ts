import type { MembershipFacts } from '../member/membership.ts';

/**
 * The facts of the loan's commands, by command type (the others need none). Every step up to
 * the money paid out is decided on the borrower's membership: a member who exits after
 * applying is not lent to. Repayments, recoveries and corrections are not: a debt is
 * always settled.
 */
export interface LoanFacts {
  readonly ApplyForLoan: MembershipFacts;
  readonly ApproveLoan: MembershipFacts;
  readonly DisburseLoan: MembershipFacts;
}
