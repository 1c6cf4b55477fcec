import { loanLayout } from '../balances/rows.ts';
import { loanShape } from '../balances/shapes.ts';
import type { BalancesState } from '../balances/state.ts';

const L = loanLayout.at;
const LI = loanLayout.widths.ints;
const ACTIVE = loanShape.fields.status.values.indexOf('active');

/** Schedule rows of active loans: the only ones loan accrual reads. */
export const liveScheduleRows = (s: BalancesState): number => {
  const t = s.rows.loans;
  let n = 0;
  for (let r = 0; r < t.size; r += 1) {
    if (t.ints[r * LI + L.status] === ACTIVE) n += t.ints[r * LI + L.scheduleLength] ?? 0;
  }
  return n;
};

/**
 * Copies the schedule rows of active loans into fresh columns with room for `room` more rows
 * and points each at its new rows; every other loan is left with no schedule. Loan accrual
 * reads the schedules of active loans only, and a loan becomes active again only when
 * disbursed, which gives it a schedule anew.
 */
export const compactSchedules = (s: BalancesState, room: number): void => {
  const st = s.schedules;
  const t = s.rows.loans;
  const live = liveScheduleRows(s);
  const n = Math.max(1024, live + room + ((live + room) >> 2));
  const dueDays = new Int32Array(n);
  const cumPrincipal = new BigInt64Array(n);
  const cumInterest = new BigInt64Array(n);
  let at = 0;
  for (let r = 0; r < t.size; r += 1) {
    const from = t.ints[r * LI + L.scheduleAt] ?? 0;
    const length = t.ints[r * LI + L.scheduleLength] ?? 0;
    if (t.ints[r * LI + L.status] !== ACTIVE) {
      t.ints[r * LI + L.scheduleAt] = 0;
      t.ints[r * LI + L.scheduleLength] = 0;
      continue;
    }
    dueDays.set(st.dueDays.subarray(from, from + length), at);
    cumPrincipal.set(st.cumPrincipal.subarray(from, from + length), at);
    cumInterest.set(st.cumInterest.subarray(from, from + length), at);
    t.ints[r * LI + L.scheduleAt] = at;
    at += length;
  }
  st.dueDays = dueDays;
  st.cumPrincipal = cumPrincipal;
  st.cumInterest = cumInterest;
  st.size = at;
};
