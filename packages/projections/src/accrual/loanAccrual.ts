import { roundHalfEven } from '@usha/domain';
import { asOfDay } from '../core/asOfDay.ts';
import type { BalancesState, LoanBalance, ScheduleStore } from '../balances/state.ts';
import { loanPosition } from '../portfolio/loanStatus.ts';

/** Interest accrued on a loan and not yet paid, on a date. */
export interface LoanAccrual {
  readonly loanId: string;
  readonly memberId: string;
  /** Scheduled interest of instalments due by the date, neither paid nor waived. */
  readonly interestDue: bigint;
  /** The instalment in progress: its scheduled interest prorated by days elapsed. */
  readonly interestAccruing: bigint;
  readonly accrued: bigint;
}

/**
 * Interest of the instalment in progress at the end of `day` (an epoch day), prorated by the
 * days elapsed since the previous due date (or the disbursement), that day included, rounded
 * half-even to the paisa, as Fineract's periodic accrual spreads an instalment's interest over
 * its days. "As of a date" is the end of that day everywhere (balances, deposit interest): by
 * the end of 31 March every day of an instalment due 1 April has run, so the year's
 * receivable holds all of it, and on 1 April the same amount is due, not accruing.
 */
export const accruingInterest = (
  st: ScheduleStore, l: LoanBalance, day: number, disbursedDay: number,
): bigint => {
  if (l.scheduleLength === 0 || l.status !== 'active') return 0n;
  const at = l.scheduleAt;
  let k = 0;
  while (k < l.scheduleLength && (st.dueDays[at + k] ?? 0) <= day) k += 1;
  if (k >= l.scheduleLength) return 0n;
  const start = k === 0 ? disbursedDay : st.dueDays[at + k - 1] ?? disbursedDay;
  const length = (st.dueDays[at + k] ?? start) - start;
  const interest = (st.cumInterest[at + k] ?? 0n)
    - (k === 0 ? 0n : st.cumInterest[at + k - 1] ?? 0n);
  if (length <= 0 || day < start) return 0n;
  return roundHalfEven(interest * BigInt(day + 1 - start), BigInt(length));
};

/** Interest accrued on every active loan, as of a date on or after the latest event applied. */
export const loanAccruals = (
  s: BalancesState, o: { readonly asOf?: string } = {},
): ReadonlyArray<LoanAccrual> => {
  const day = asOfDay(s.through, o.asOf);
  const out: LoanAccrual[] = [];
  for (const l of s.loans.values()) {
    if (l.status !== 'active' || l.disbursedOn === null) continue;
    const due = loanPosition(s.schedules, l, day).interestDue;
    const accruing = accruingInterest(s.schedules, l, day, asOfDay(null, l.disbursedOn));
    out.push({
      loanId: l.loanId, memberId: l.memberId, interestDue: due, interestAccruing: accruing,
      accrued: due + accruing,
    });
  }
  return out;
};
