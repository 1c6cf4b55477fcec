import type { DomainEvent } from '@usha/domain';
import { balancesProjection } from '../balances/projection.ts';
import type { BalancesState } from '../balances/state.ts';
import type { Projection } from '../projection.ts';

// The events the balances apply to members and deposit accounts only (the cases balances'
// apply handles before it hands the rest to the loans): none touches a loan, its schedule or
// the loan table's order. An event left off this list is applied in full: slower, not wrong.
const notLoans: ReadonlySet<DomainEvent['type']> = new Set<DomainEvent['type']>([
  'MemberAdmitted', 'MemberExited', 'MemberTransferred', 'SharesPurchased', 'SharesRedeemed',
  'ShareAccountClosed', 'DividendCredited', 'DividendRedirectedToCash', 'Deposited',
  'DividendDeposited', 'Withdrawn', 'InterestPosted', 'TdsDeducted', 'TdsReversed',
  'DepositChargeApplied', 'SavingsAccountOpened',
  'RecurringDepositOpened', 'FixedDepositOpened', 'RecurringInstalmentMissed',
  'DepositMatured', 'DepositClosedEarly', 'DepositAccountClosed',
]);

/**
 * The balances as loan accrual reads them: loans, their schedules and the latest date, the
 * same as `balancesProjection`'s; members and deposit accounts are not kept up (a member row
 * exists for each borrower, with no branch or shares). For a report that reads only the loans,
 * so a replay does not carry every deposit account's balance it never prints.
 * @example combine({ balances: loanBalancesProjection(), accrual: accrualProjection() })
 */
export const loanBalancesProjection = (): Projection<BalancesState> => {
  const full = balancesProjection();
  return {
    ...full,
    // Its own name: a checkpoint of it is not the whole balances.
    name: 'loan-balances',
    apply: (s, e) => {
      if (!notLoans.has(e.type)) return full.apply(s, e);
      const on = e.metadata.effectiveOn;
      if (s.through === null || on > s.through) s.through = on;
      return s;
    },
  };
};
