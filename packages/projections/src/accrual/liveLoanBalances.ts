import type { BalancesState } from '../balances/state.ts';
import type { Projection } from '../projection.ts';
import { compactSchedules, liveScheduleRows } from './liveSchedules.ts';
import { loanBalancesProjection } from './loanBalances.ts';

/**
 * The loan balances as loan accrual reads them (`loanAccruals`, `loanPosition` of its loans):
 * as `loanBalancesProjection`'s, but the schedule rows of loans not active (closed, written
 * off) and of schedules replaced are let go: when an appended schedule would outgrow the
 * columns and half the rows or more are of no active loan, the live rows are copied into
 * fresh columns instead (compactSchedules). A loan not active reads as having no schedule.
 * `eager` compacts after every event, to exercise the copy on small histories.
 * @example combine({ balances: liveLoanBalancesProjection(), accrual: openAccrualProjection() })
 */
export const liveLoanBalancesProjection = (
  o: { readonly eager?: boolean } = {},
): Projection<BalancesState> => {
  const loans = loanBalancesProjection();
  return {
    ...loans,
    // Its own name: a checkpoint of it lacks the schedules of ended loans.
    name: 'live-loan-balances',
    apply: (s, e) => {
      const incoming = 'schedule' in e.data ? e.data.schedule.installments.length : 0;
      const st = s.schedules;
      if (incoming > 0 && st.size + incoming > st.dueDays.length
        && 2 * liveScheduleRows(s) <= st.size) {
        compactSchedules(s, incoming);
      }
      loans.apply(s, e);
      if (o.eager === true) compactSchedules(s, 0);
      return s;
    },
  };
};
