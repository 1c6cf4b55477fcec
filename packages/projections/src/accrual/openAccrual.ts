import type { Projection } from '../projection.ts';
import { applyAccrual } from './apply.ts';
import { accrualProjection } from './projection.ts';
import { release, type AccrualState } from './state.ts';

/**
 * Deposit accrual as `depositAccruals` reads it: the same figures, with accounts matured or
 * closed let go, their balance changes' rows used again by later changes. They are never read
 * again: `depositAccruals` reports open accounts only, and nothing in the fold opens an
 * account once matured or closed (an event for an account it does not hold changes nothing).
 * For a report, so that a long replay does not carry every ended account; a checkpoint of it
 * lacks them, hence its own name.
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
    // The account's own ending, or a change to it after (a late reversal): let go at once.
    if (a !== undefined && a.status !== 'open') {
      release(s.moves, a);
      s.accounts.delete(a.accountId);
    }
    return s;
  },
});
