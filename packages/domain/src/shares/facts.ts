import type { LoanFact } from '../member/facts.ts';

/** What RedeemShares needs from other aggregates: every loan of the member (see LoanFact). */
export interface RedeemSharesFacts {
  readonly loans: ReadonlyArray<LoanFact>;
}

/** The facts of the share account's commands, by command type (the others need none). */
export interface ShareFacts {
  readonly RedeemShares: RedeemSharesFacts;
}
