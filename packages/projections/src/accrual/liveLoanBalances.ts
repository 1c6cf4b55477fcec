import { loanLayout } from '../balances/rows.ts';
import type { BalancesState } from '../balances/state.ts';
import type { ResolvedEvent } from '../core/projectedEvent.ts';
import { findRow, type Table } from '../core/table.ts';
import type { Projection } from '../projection.ts';
import { compactLoans, liveLoanRows } from './liveLoans.ts';
import { compactSchedules, liveScheduleRows } from './liveSchedules.ts';
import { loanBalancesProjection } from './loanBalances.ts';

const LI = loanLayout.widths.ints;

// Whether e is for a loan whose row was let go: a loan's life begins with its application
// (or, in a log without one, its disbursal), so any other event of a loan with no row is of
// one that ended and was let go (a recovery, a closing after a write-off, a late reversal).
// A reversal not resolved is applied, to be refused as the full fold refuses it.
const letGo = (t: Table, e: ResolvedEvent): boolean => {
  if (e.type === 'LoanApplied' || e.type === 'LoanDisbursed') return false;
  if (e.type === 'EventReversed') {
    return e.data.aggregate === 'loan' && e.reversed !== undefined
      && findRow(t, e.data.aggregateId) < 0;
  }
  return 'loanId' in e.data && findRow(t, e.data.loanId) < 0;
};

/**
 * The loan balances as loan accrual reads them (`loanAccruals`, `loanPosition` of its loans):
 * as `loanBalancesProjection`'s, but the schedule rows of loans not active (closed, written
 * off) and of schedules replaced are let go: when an appended schedule would outgrow the
 * columns and half the rows or more are of no active loan, the live rows are copied into
 * fresh columns instead (compactSchedules). A loan not active reads as having no schedule.
 * Likewise the rows of loans ended: when a new loan would outgrow the loan table and half its
 * rows or more are of ended loans, those rows are let go (compactLoans).
 * `eager` compacts after every event, to exercise the copies on small histories.
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
      const t = s.rows.loans;
      // A recovery or a reversal on a loan follows the events that made its row: no row
      // means the loan ended and was let go. Applied, it would make a row that is never
      // active and never let go again; only the date moves.
      if (letGo(t, e)) {
        if (s.through === null || e.metadata.effectiveOn > s.through) {
          s.through = e.metadata.effectiveOn;
        }
        return s;
      }
      if ('loanId' in e.data && (t.size + 1) * LI > t.ints.length
        && findRow(t, e.data.loanId) < 0 && 2 * liveLoanRows(s) <= t.size) {
        compactLoans(s);
      }
      const incoming = 'schedule' in e.data ? e.data.schedule.installments.length : 0;
      const st = s.schedules;
      if (incoming > 0 && st.size + incoming > st.dueDays.length
        && 2 * liveScheduleRows(s) <= st.size) {
        compactSchedules(s, incoming);
      }
      loans.apply(s, e);
      if (o.eager === true) {
        compactLoans(s);
        compactSchedules(s, 0);
      }
      return s;
    },
  };
};
