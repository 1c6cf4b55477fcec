import type { AccountHistory } from './accountHistory.ts';

/**
 * What a command crediting interest needs besides the account's state: the account's own
 * history (its money moves by date and the interest credited), which the state does not keep.
 */
export interface DepositInterestFacts {
  readonly history: AccountHistory;
}

/** The facts of the deposit account's commands, by command type (the others need none). */
export interface DepositFacts {
  readonly PostInterest: DepositInterestFacts;
  readonly MatureDeposit: DepositInterestFacts;
  readonly CloseDepositEarly: DepositInterestFacts;
}
