import type { Projection } from '../projection.ts';
import { applyAccrual } from './apply.ts';
import { accrualProjection } from './projection.ts';
import { release, type AccrualState } from './state.ts';

/**
 * Deposit accrual as `depositAccruals` reads it: the same figures, with the balance changes of
 * accounts matured or closed let go, their rows used again by later changes. Those changes are
 * never read again: `depositAccruals` reports open accounts only, and nothing in the fold
 * opens an account once matured or closed. For a report, so that a long replay does not carry
 * every ended account's history; a checkpoint of it lacks those changes, hence its own name.
 * @example combine({ balances: liveLoanBalancesProjection(), accrual: openAccrualProjection() })
 */
export const openAccrualProjection = (): Projection<AccrualState> => ({
  ...accrualProjection(),
  name: 'accrual-open',
  apply: (s, e) => {
    applyAccrual(s, e);
    const id = e.type === 'EventReversed' ? e.data.aggregateId
      : 'accountId' in e.data ? e.data.accountId : undefined;
    const a = typeof id === 'string' ? s.accounts.get(id) : undefined;
    // A change to an ended account (a late reversal) is let go as soon as it is applied.
    if (a !== undefined && a.status !== 'open') release(s.moves, a);
    return s;
  },
});
