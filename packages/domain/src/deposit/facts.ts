import type { MembershipFacts } from '../member/membership.ts';
import type { StandingCredit } from '../shares/dividendDeposits.ts';
import type { AccountHistory } from './accountHistory.ts';
import type { TdsFacts } from '../tds/tdsDue.ts';
import type { RateStep } from '../products/rateChange.ts';
import type { DepositChargeFacts } from '../charges/datedBalances.ts';

/**
 * What a command crediting interest needs besides the account's state: the account's own
 * history (its money moves by date and the interest credited), which the state does not keep.
 */
export interface DepositInterestFacts {
  readonly history: AccountHistory;
  /** Tax deducted at source on the interest; absent where the society deducts none. */
  readonly tds?: TdsFacts;
  /** A savings product's rate changes (ProductRateChanged, society stream); absent: none. */
  readonly rateSteps?: ReadonlyArray<RateStep>;
}

/**
 * A deposit is decided on her standing; a deposit of a dividend (source `dividend`) also on her
 * share account's credits to this account, neither reversed nor redirected to cash: it brings
 * one of them the account has not taken yet, whole (so each part is deposited once, and
 * "Dividends awaiting deposit" never goes below zero). Absent for any other source.
 */
export interface MakeDepositFacts extends MembershipFacts {
  readonly dividendCredits?: ReadonlyArray<StandingCredit>;
}

/**
 * The facts of the deposit account's commands, by command type (the others need none). An
 * opening and a deposit are decided on the member's standing; a withdrawal or a closing is
 * not: her money is always paid back to her.
 */
export interface DepositFacts {
  readonly OpenSavingsAccount: MembershipFacts;
  readonly OpenRecurringDeposit: MembershipFacts;
  readonly OpenFixedDeposit: MembershipFacts;
  readonly MakeDeposit: MakeDepositFacts;
  readonly PostInterest: DepositInterestFacts;
  readonly MatureDeposit: DepositInterestFacts;
  readonly CloseDepositEarly: DepositInterestFacts;
  readonly ApplyDepositCharges: DepositChargeFacts;
}
