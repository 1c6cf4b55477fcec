import { loanLayout, memberLayout } from '../balances/rows.ts';
import { loanShape } from '../balances/shapes.ts';
import type { BalancesState } from '../balances/state.ts';
import { keepRows } from '../core/keepRows.ts';
import type { Table } from '../core/table.ts';

const L = loanLayout.at;
const LI = loanLayout.widths.ints;
const M_LOANS = memberLayout.at.loans;
const ended = new Set((['rejected', 'written_off', 'closed'] as const)
  .map((s) => loanShape.fields.status.values.indexOf(s)));

/** Whether loan row r has ended (rejected, written off or closed). */
const endedAt = (t: Table, r: number): boolean => ended.has(t.ints[r * LI + L.status] ?? 0);

/** Loan rows not ended: applied, approved or active. */
export const liveLoanRows = (s: BalancesState): number => {
  const t = s.rows.loans;
  let n = 0;
  for (let r = 0; r < t.size; r += 1) if (!endedAt(t, r)) n += 1;
  return n;
};

/**
 * Lets go of the rows of loans ended (rejected, written off, closed), in place, and mends
 * each member's list of loans to the rows kept. Loan accrual reads active loans only, and an
 * ended loan is never active again (a recovery or a late reversal on it is left unapplied by
 * `liveLoanBalancesProjection`: it would only change a total the report never reads).
 */
export const compactLoans = (s: BalancesState): void => {
  const t = s.rows.loans;
  const before = t.ints;
  const moved = keepRows(t, (r) => !endedAt(t, r));
  const m = s.rows.members;
  const mw = m.widths.ints;
  for (let r = 0; r < m.size; r += 1) {
    let first = -1;
    let last = -1;
    for (let l = m.ints[r * mw + M_LOANS] ?? -1; l >= 0;
      l = before[l * LI + loanLayout.linkAt] ?? -1) {
      const to = moved[l] ?? -1;
      if (to < 0) continue;
      if (first < 0) first = to;
      last = to;
    }
    m.ints[r * mw + M_LOANS] = first;
    m.ints[r * mw + M_LOANS + 1] = last;
  }
};
