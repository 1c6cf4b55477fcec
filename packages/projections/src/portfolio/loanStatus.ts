import type { LoanBalance, ScheduleStore } from '../balances/state.ts';
import { principalOutstanding } from '../balances/state.ts';

/** A loan's position on a date, in paise. */
export interface LoanPosition {
  readonly principalOutstanding: bigint;
  /** Scheduled principal due on or before the date and not repaid. */
  readonly principalDue: bigint;
  /** Scheduled interest due on or before the date, neither paid nor waived. */
  readonly interestDue: bigint;
  readonly penaltiesDue: bigint;
  readonly feesDue: bigint;
  /** Principal and interest of instalments due before the date and unpaid: overdue. */
  readonly arrears: bigint;
  /** Days since the oldest instalment not fully paid fell due; 0 when none is late. */
  readonly daysPastDue: number;
}

const max0 = (x: bigint) => (x > 0n ? x : 0n);
const min = (a: bigint, b: bigint) => (a < b ? a : b);

// Instalments whose due day is before (strict) or on (not strict) `day`.
const countDue = (st: ScheduleStore, l: LoanBalance, day: number, strict: boolean): number => {
  let k = 0;
  while (k < l.scheduleLength) {
    const due = st.dueDays[l.scheduleAt + k] ?? 0;
    if (due > day || (strict && due === day)) break;
    k += 1;
  }
  return k;
};

const dues = (st: ScheduleStore, l: LoanBalance, k: number) => {
  if (k === 0) return { principal: 0n, interest: 0n };
  const principal = (st.cumPrincipal[l.scheduleAt + k - 1] ?? 0n) - l.principalRepaid;
  const interest = (st.cumInterest[l.scheduleAt + k - 1] ?? 0n) - l.interestPaid
    - l.interestWaived;
  return { principal: max0(min(principal, principalOutstanding(l))), interest: max0(interest) };
};

// The first instalment not fully paid: a prepayment counts toward later instalments, as the
// loan aggregate's duesOn counts it.
const oldestUnpaid = (st: ScheduleStore, l: LoanBalance): number => {
  const interestCovered = l.interestPaid + l.interestWaived;
  for (let j = 0; j < l.scheduleLength; j += 1) {
    if ((st.cumPrincipal[l.scheduleAt + j] ?? 0n) > l.principalRepaid
      || (st.cumInterest[l.scheduleAt + j] ?? 0n) > interestCovered) return j;
  }
  return -1;
};

/**
 * Where a loan stands on `day` (an epoch day), from its totals and the schedule fixed at
 * disbursement; a loan that is not active has nothing due and is never past due.
 */
export const loanPosition = (st: ScheduleStore, l: LoanBalance, day: number): LoanPosition => {
  const outstanding = principalOutstanding(l);
  if (l.status !== 'active' || l.scheduleLength === 0) {
    return {
      principalOutstanding: outstanding, principalDue: 0n, interestDue: 0n,
      penaltiesDue: 0n, feesDue: 0n, arrears: 0n, daysPastDue: 0,
    };
  }
  const due = dues(st, l, countDue(st, l, day, false));
  const late = dues(st, l, countDue(st, l, day, true));
  const j = oldestUnpaid(st, l);
  const dueDay = j < 0 ? day : st.dueDays[l.scheduleAt + j] ?? day;
  return {
    principalOutstanding: outstanding, principalDue: due.principal, interestDue: due.interest,
    penaltiesDue: max0(l.penaltiesCharged - l.penaltiesPaid),
    feesDue: max0(l.feesCharged - l.feesPaid),
    arrears: late.principal + late.interest,
    daysPastDue: dueDay < day ? day - dueDay : 0,
  };
};
