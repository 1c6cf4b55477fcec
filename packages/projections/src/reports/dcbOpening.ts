import { businessDate, toEpochDay } from '@usha/domain';
import type { BalancesState, LoanBalance, ScheduleStore } from '../balances/state.ts';

/**
 * What a period's DCB reads of the balances the day before the period, per loan: owed by that
 * day (principal, interest), principal repaid, interest paid and interest waived, in paise.
 * Five figures a loan in place of the whole state, so a report can let that state go before it
 * replays to the period's end. A loan absent owed, paid and waived nothing.
 */
export interface DcbOpening {
  /** The period's first day: the figures are as of the day before it. */
  readonly from: string;
  readonly figures: (loanId: string) => DcbOpeningLoan | undefined;
}

/** One loan's figures at the start of a period (see DcbOpening). */
export interface DcbOpeningLoan {
  readonly duePrincipal: bigint;
  readonly dueInterest: bigint;
  readonly principalRepaid: bigint;
  readonly interestPaid: bigint;
  readonly interestWaived: bigint;
}

const min = (a: bigint, b: bigint) => (a < b ? a : b);

// Scheduled principal and interest of the instalments due on or before `day`.
const scheduledBy = (st: ScheduleStore, l: LoanBalance, day: number) => {
  let k = 0;
  while (k < l.scheduleLength && (st.dueDays[l.scheduleAt + k] ?? 0) <= day) k += 1;
  return k === 0 ? { principal: 0n, interest: 0n } : {
    principal: st.cumPrincipal[l.scheduleAt + k - 1] ?? 0n,
    interest: st.cumInterest[l.scheduleAt + k - 1] ?? 0n,
  };
};

/**
 * What a loan owed by `day`: its schedule's, except that a closed loan owed no more than it
 * paid (a top-up pays a loan off with the interest of the periods run, not of the schedule's
 * later instalments), so that nothing is overdue on a loan that is settled.
 */
export const owedBy = (st: ScheduleStore, l: LoanBalance, day: number) => {
  const due = scheduledBy(st, l, day);
  if (l.status !== 'closed') return due;
  return { principal: min(due.principal, l.principalRepaid),
    interest: min(due.interest, l.interestPaid + l.interestWaived) };
};

const FIELDS = 5;

/**
 * The DCB's opening figures of a period starting `from`, from the balances replayed to the
 * day before it: kept in one column of 64-bit integers (a loan whose five figures are all
 * zero, as one not yet disbursed, is left out: the same as absent).
 * @example dcbOpening(balancesTo('2024-03-31'), '2024-04-01').figures('L-1')
 */
export const dcbOpening = (start: BalancesState, from: string): DcbOpening => {
  const before = toEpochDay(businessDate(from, 'from')) - 1;
  const rows = new Map<string, number>();
  let cols = new BigInt64Array(FIELDS * 1024);
  for (const l of start.loans.values()) {
    const due = owedBy(start.schedules, l, before);
    const xs = [due.principal, due.interest, l.principalRepaid, l.interestPaid,
      l.interestWaived];
    if (xs.every((x) => x === 0n)) continue;
    const at = rows.size * FIELDS;
    if (at + FIELDS > cols.length) {
      const grown = new BigInt64Array(cols.length * 2);
      grown.set(cols);
      cols = grown;
    }
    xs.forEach((x, k) => {
      // Paise beyond 64 bits would wrap in the column: refused rather than misreported.
      if (BigInt.asIntN(64, x) !== x) throw new RangeError(`loan ${l.loanId}: ${x} paise`);
      cols[at + k] = x;
    });
    rows.set(l.loanId, at);
  }
  const kept = cols.slice(0, rows.size * FIELDS);
  return {
    from,
    figures: (loanId) => {
      const at = rows.get(loanId);
      if (at === undefined) return undefined;
      const x = (k: number) => kept[at + k] ?? 0n;
      return { duePrincipal: x(0), dueInterest: x(1), principalRepaid: x(2),
        interestPaid: x(3), interestWaived: x(4) };
    },
  };
};
