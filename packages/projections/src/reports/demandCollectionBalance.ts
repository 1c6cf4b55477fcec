import { businessDate, toEpochDay } from '@usha/domain';
import type { BalancesState, LoanBalance } from '../balances/state.ts';
import { dcbOpening, owedBy, type DcbOpening } from './dcbOpening.ts';

/** One part (principal or interest) of demand, collection and balance, in paise. */
export interface DcbPart {
  /** Due before the period and unpaid at its start. */
  readonly arrears: bigint;
  /** Due in the period, less what was paid ahead of it before the period began. */
  readonly current: bigint;
  readonly collectedArrears: bigint;
  readonly collectedCurrent: bigint;
  /** Collected in the period beyond what was due by its end: paid ahead. */
  readonly advance: bigint;
  /** Overdue at the end: arrears + current - collected against them. */
  readonly balance: bigint;
}

/** The DCB of a branch (or of the society): its loans and the two parts. */
export interface DcbFigures {
  readonly loans: number;
  readonly principal: DcbPart;
  readonly interest: DcbPart;
}

/** The demand-collection-balance register of loans for a period, by branch and in all. */
export interface DemandCollectionBalance {
  readonly from: string;
  readonly to: string;
  readonly byBranch: ReadonlyMap<string, DcbFigures>;
  readonly total: DcbFigures;
}

const zero: DcbPart = {
  arrears: 0n, current: 0n, collectedArrears: 0n, collectedCurrent: 0n, advance: 0n, balance: 0n,
};
const max0 = (x: bigint) => (x > 0n ? x : 0n);
const min = (a: bigint, b: bigint) => (a < b ? a : b);
const max = (a: bigint, b: bigint) => (a > b ? a : b);

/**
 * One part from what was due and paid by the day before the period (`due0`, `paid0`) and by
 * its last day (`due1`, `paid1`), and what was waived in the period (`waived`: interest only).
 * A waiver is taken off the demand, arrears first, then the period's; collections go to
 * arrears first, then to the period's demand, the rest is advance; so `balance` is exactly
 * what is overdue at the end.
 */
export const dcbPart = (
  due0: bigint, paid0: bigint, due1: bigint, paid1: bigint, waived = 0n,
): DcbPart => {
  const owed0 = max0(due0 - paid0);
  const waivedArrears = min(waived, owed0);
  const arrears = owed0 - waivedArrears;
  const current = max0(max0(due1 - max(due0, paid0)) - (waived - waivedArrears));
  const collected = paid1 - paid0;
  if (collected < 0n) {
    // Payments made before the period reversed in it: the advance they held goes first, then
    // the demand they had met is owed again (a negative collection of the period's demand),
    // so the balance is still what is due and unpaid at the end.
    const balance = max0(due1 - paid1 - waived);
    const collectedCurrent = arrears + current - balance;
    return {
      arrears, current, collectedArrears: 0n, collectedCurrent,
      advance: collected - collectedCurrent, balance,
    };
  }
  const collectedArrears = min(collected, arrears);
  const collectedCurrent = min(collected - collectedArrears, current);
  return {
    arrears, current, collectedArrears, collectedCurrent,
    advance: collected - collectedArrears - collectedCurrent,
    balance: arrears + current - collectedArrears - collectedCurrent,
  };
};

const plus = (a: DcbPart, b: DcbPart): DcbPart => ({
  arrears: a.arrears + b.arrears, current: a.current + b.current,
  collectedArrears: a.collectedArrears + b.collectedArrears,
  collectedCurrent: a.collectedCurrent + b.collectedCurrent,
  advance: a.advance + b.advance, balance: a.balance + b.balance,
});

const sumOf = (fs: ReadonlyArray<DcbFigures>): DcbFigures => fs.reduce((a, f) => ({
  loans: a.loans + f.loans, principal: plus(a.principal, f.principal),
  interest: plus(a.interest, f.interest),
}), { loans: 0, principal: zero, interest: zero });

/** A loan's DCB from its figures the day before the period (`opening`) and its end balance. */
const loanDcb = (opening: DcbOpening, end: BalancesState, l: LoanBalance, last: number,
): DcbFigures => {
  const l0 = opening.figures(l.loanId);
  const due0 = l0 === undefined ? { principal: 0n, interest: 0n }
    : { principal: l0.duePrincipal, interest: l0.dueInterest };
  const due1 = owedBy(end.schedules, l, last);
  // Interest waived is taken off the demand (before the period from its figures, in it by
  // dcbPart): it is neither collected nor overdue.
  const waived0 = l0?.interestWaived ?? 0n;
  return {
    loans: 1,
    principal: dcbPart(due0.principal, l0?.principalRepaid ?? 0n, due1.principal,
      l.principalRepaid),
    interest: dcbPart(due0.interest - waived0, l0?.interestPaid ?? 0n,
      due1.interest - waived0, l.interestPaid, l.interestWaived - waived0),
  };
};

/**
 * The DCB of loans over a period (`from` to `to`, both included), from the balances replayed
 * to the day before `from` (`start`, or only what the DCB reads of it: `dcbOpening`) and to
 * `to` (`end`): per branch and total. Loans written off by the end are left out (what is
 * recovered on them is income, not a collection).
 * @example demandCollectionBalance(march, may, { from: '2024-04-01', to: '2024-04-30' })
 */
export const demandCollectionBalance = (
  start: BalancesState | DcbOpening, end: BalancesState,
  o: { readonly from: string; readonly to: string },
): DemandCollectionBalance => {
  const last = toEpochDay(businessDate(o.to, 'to'));
  const opening = 'loans' in start ? dcbOpening(start, o.from) : start;
  if (opening.from !== o.from) {
    throw new RangeError(`DCB opening of ${opening.from} given for a period from ${o.from}`);
  }
  const rows = new Map<string, DcbFigures[]>();
  for (const l of end.loans.values()) {
    if (l.disbursedOn === null || (l.status !== 'active' && l.status !== 'closed')) continue;
    const f = loanDcb(opening, end, l, last);
    const p = f.principal;
    const i = f.interest;
    if (p.arrears + p.current + p.advance + i.arrears + i.current + i.advance === 0n) continue;
    const branch = end.members.get(l.memberId)?.branchId ?? '(none)';
    const fs = rows.get(branch);
    if (fs === undefined) rows.set(branch, [f]);
    else fs.push(f);
  }
  const byBranch = new Map([...rows].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([b, fs]) => [b, sumOf(fs)]));
  return { from: o.from, to: o.to, byBranch, total: sumOf([...byBranch.values()]) };
};
