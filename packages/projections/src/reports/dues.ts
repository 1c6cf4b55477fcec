import { addMonths, businessDate, fromEpochDay, toEpochDay } from '@usha/domain';
import type { BalancesState, LoanBalance, ScheduleStore } from '../balances/state.ts';
import type { CollectionSheetFacts, RecurringPlan } from './collectionSheetFacts.ts';

/** One instalment that fell due in the period, and what of it is unpaid at its end (paise). */
export interface DueLine {
  readonly branchId: string;
  readonly memberId: string;
  readonly accountId: string;
  readonly kind: 'loan' | 'recurring';
  readonly instalmentNumber: number;
  readonly dueOn: string;
  /** The instalment as scheduled: principal and interest, or the RD instalment (principal). */
  readonly principal: bigint;
  readonly interest: bigint;
  readonly unpaid: bigint;
  /** Days from its due date to the period's end while unpaid; 0 once paid or not yet late. */
  readonly daysOverdue: number;
}

/** The due list of a period (or, with `overdueOnly`, the overdue list). */
export interface Dues {
  readonly branchId: string | null;
  readonly from: string;
  readonly to: string;
  readonly overdueOnly: boolean;
  /** By due date, member, account, instalment. */
  readonly lines: ReadonlyArray<DueLine>;
  readonly totalDue: bigint;
  readonly totalUnpaid: bigint;
}

/** A due list's period (both days included), branch (all when omitted) and filter. */
export interface DuesOptions {
  readonly branchId?: string;
  readonly from: string;
  readonly to: string;
  /** Only instalments unpaid at the end of `to` and due before it. */
  readonly overdueOnly?: boolean;
}

const max0 = (x: bigint) => (x > 0n ? x : 0n);
const max = (a: bigint, b: bigint) => (a > b ? a : b);

type Period = { readonly first: number; readonly last: number };
type Row = Omit<DueLine, 'branchId' | 'daysOverdue'>;

// Payments go to instalments in order (as `loanPosition` counts them): instalment j is unpaid
// by what of its running sum the payments have not reached.
const loanRows = (st: ScheduleStore, l: LoanBalance, p: Period): Row[] => {
  const rows: Row[] = [];
  const interestCovered = l.interestPaid + l.interestWaived;
  for (let j = 0; j < l.scheduleLength; j += 1) {
    const k = l.scheduleAt + j;
    const day = st.dueDays[k] ?? 0;
    if (day < p.first || day > p.last) continue;
    const p0 = j === 0 ? 0n : st.cumPrincipal[k - 1] ?? 0n;
    const i0 = j === 0 ? 0n : st.cumInterest[k - 1] ?? 0n;
    const p1 = st.cumPrincipal[k] ?? 0n;
    const i1 = st.cumInterest[k] ?? 0n;
    rows.push({
      memberId: l.memberId, accountId: l.loanId, kind: 'loan', instalmentNumber: j + 1,
      dueOn: fromEpochDay(day), principal: p1 - p0, interest: i1 - i0,
      unpaid: max0(p1 - max(p0, l.principalRepaid)) + max0(i1 - max(i0, interestCovered)),
    });
  }
  return rows;
};

const recurringRows = (accountId: string, plan: RecurringPlan, p: Period): Row[] => {
  const rows: Row[] = [];
  const opened = businessDate(plan.openedOn, 'openedOn');
  for (let n = 1; n <= plan.termMonths; n += 1) {
    const dueOn = addMonths(opened, n - 1);
    const day = toEpochDay(dueOn);
    if (day > p.last) break;
    if (day < p.first) continue;
    rows.push({
      memberId: plan.memberId, accountId, kind: 'recurring', instalmentNumber: n, dueOn,
      principal: plan.instalment, interest: 0n, unpaid: n > plan.paid ? plan.instalment : 0n,
    });
  }
  return rows;
};

const order = (a: DueLine, b: DueLine): number => {
  const ka = [a.dueOn, a.memberId, a.accountId];
  const kb = [b.dueOn, b.memberId, b.accountId];
  for (let i = 0; i < ka.length; i += 1) {
    const x = ka[i] ?? '';
    const y = kb[i] ?? '';
    if (x !== y) return x < y ? -1 : 1;
  }
  return a.instalmentNumber - b.instalmentNumber;
};

/**
 * The instalments of active loans (from each loan's latest schedule) and open recurring
 * deposits that fall due from `from` to `to`, with what of each is unpaid at the end of `to`,
 * from balances and facts replayed to that day; a member counts at her branch then. With
 * `overdueOnly`, the overdue list: those due before `to` and not fully paid by its end.
 * @example dues(balances, facts, { branchId: 'SONAGACHI', from: '2024-06-01', to: '2024-06-30' })
 */
export const dues = (b: BalancesState, f: CollectionSheetFacts, o: DuesOptions): Dues => {
  const p = { first: toEpochDay(businessDate(o.from, 'from')),
    last: toEpochDay(businessDate(o.to, 'to')) };
  const branchOf = (memberId: string) => b.members.get(memberId)?.branchId ?? '(none)';
  const wanted = (memberId: string) =>
    o.branchId === undefined || branchOf(memberId) === o.branchId;
  const rows: Row[] = [];
  for (const l of b.loans.values()) {
    if (l.status === 'active' && wanted(l.memberId)) rows.push(...loanRows(b.schedules, l, p));
  }
  for (const [accountId, plan] of f.recurring) {
    if (b.deposits.get(accountId)?.status === 'open' && wanted(plan.memberId)) {
      rows.push(...recurringRows(accountId, plan, p));
    }
  }
  const lines = rows.map((r): DueLine => {
    const day = toEpochDay(businessDate(r.dueOn, 'dueOn'));
    return { ...r, branchId: branchOf(r.memberId),
      daysOverdue: r.unpaid > 0n && day < p.last ? p.last - day : 0 };
  }).filter((l) => o.overdueOnly !== true || l.daysOverdue > 0).sort(order);
  return {
    branchId: o.branchId ?? null, from: o.from, to: o.to, overdueOnly: o.overdueOnly === true,
    lines, totalDue: lines.reduce((s, l) => s + l.principal + l.interest, 0n),
    totalUnpaid: lines.reduce((s, l) => s + l.unpaid, 0n),
  };
};
