import { asOfDay } from '../core/asOfDay.ts';
import type { BalancesState, LoanBalance, ScheduleStore } from '../balances/state.ts';
import { loanPosition } from './loanStatus.ts';

/** Ageing buckets of days past due. */
export type AgeingBucket = 'current' | '1-30' | '31-60' | '61-90' | 'over 90';

/** Loans and outstanding principal of one bucket. */
export interface BucketFigures {
  readonly loans: number;
  readonly principalOutstanding: bigint;
  readonly arrears: bigint;
}

/** The portfolio of a branch (or of the society): buckets, arrears, PAR30 and PAR90. */
export interface PortfolioFigures {
  readonly activeLoans: number;
  readonly principalOutstanding: bigint;
  readonly arrears: bigint;
  readonly buckets: Readonly<Record<AgeingBucket, BucketFigures>>;
  /** Outstanding principal of loans more than 30 days past due. */
  readonly atRisk30: bigint;
  readonly atRisk90: bigint;
  /** PAR30 in basis points of outstanding principal (10000 = 100%), rounded down. */
  readonly par30BasisPoints: number;
  readonly par90BasisPoints: number;
}

/** A loan's days past due on the report date. */
export interface LoanDelinquency {
  readonly loanId: string;
  readonly memberId: string;
  readonly branchId: string | null;
  readonly daysPastDue: number;
  readonly bucket: AgeingBucket;
  readonly principalOutstanding: bigint;
  readonly arrears: bigint;
}

/** The PAR report: per loan, per branch, overall. */
export interface ParReport {
  readonly asOf: string | null;
  readonly loans: ReadonlyArray<LoanDelinquency>;
  readonly byBranch: ReadonlyMap<string, PortfolioFigures>;
  readonly overall: PortfolioFigures;
}

/** The bucket of a number of days past due. */
export const bucketOf = (dpd: number): AgeingBucket =>
  dpd <= 0 ? 'current' : dpd <= 30 ? '1-30' : dpd <= 60 ? '31-60' : dpd <= 90 ? '61-90'
    : 'over 90';

const buckets: ReadonlyArray<AgeingBucket> = ['current', '1-30', '31-60', '61-90', 'over 90'];

const figures = (ls: ReadonlyArray<LoanDelinquency>): PortfolioFigures => {
  const total = ls.reduce((a, l) => a + l.principalOutstanding, 0n);
  const atRisk = (days: number) => ls.filter((l) => l.daysPastDue > days)
    .reduce((a, l) => a + l.principalOutstanding, 0n);
  const bp = (x: bigint) => (total === 0n ? 0 : Number((x * 10000n) / total));
  const by = Object.fromEntries(buckets.map((b) => {
    const in_ = ls.filter((l) => l.bucket === b);
    return [b, {
      loans: in_.length,
      principalOutstanding: in_.reduce((a, l) => a + l.principalOutstanding, 0n),
      arrears: in_.reduce((a, l) => a + l.arrears, 0n),
    }];
  }));
  return {
    activeLoans: ls.length, principalOutstanding: total,
    arrears: ls.reduce((a, l) => a + l.arrears, 0n),
    // Built from `buckets`, every key of AgeingBucket.
    buckets: by as Record<AgeingBucket, BucketFigures>,
    atRisk30: atRisk(30), atRisk90: atRisk(90),
    par30BasisPoints: bp(atRisk(30)), par90BasisPoints: bp(atRisk(90)),
  };
};

/** One loan's line of the PAR report on `day` (an epoch day); none if it is not reported. */
export const loanDelinquency = (
  schedules: ScheduleStore, l: LoanBalance, day: number, branchId: string | null,
): LoanDelinquency | undefined => {
  if (l.status !== 'active') return undefined;
  const p = loanPosition(schedules, l, day);
  if (p.principalOutstanding <= 0n && p.arrears === 0n) return undefined;
  return {
    loanId: l.loanId, memberId: l.memberId, daysPastDue: p.daysPastDue, branchId,
    bucket: bucketOf(p.daysPastDue), principalOutstanding: p.principalOutstanding,
    arrears: p.arrears,
  };
};

/** The PAR report of these loans' lines, in this order: by branch and overall. */
export const parReportOf = (
  loans: ReadonlyArray<LoanDelinquency>, asOf: string | null,
): ParReport => {
  const branches = [...new Set(loans.map((l) => l.branchId ?? '(none)'))].sort();
  return {
    asOf, loans,
    byBranch: new Map(branches.map((b) =>
      [b, figures(loans.filter((l) => (l.branchId ?? '(none)') === b))])),
    overall: figures(loans),
  };
};

/**
 * Days past due of every active loan, ageing buckets, arrears, PAR30 and PAR90, by branch and
 * overall, on a date on or after the latest event applied (a report over the balances state:
 * the portfolio needs exactly the loans' totals and schedules the balances keep).
 */
export const parReport = (s: BalancesState, o: { readonly asOf?: string } = {}): ParReport => {
  const day = asOfDay(s.through, o.asOf);
  const loans: LoanDelinquency[] = [];
  for (const l of s.loans.values()) {
    const line = loanDelinquency(s.schedules, l, day,
      s.members.get(l.memberId)?.branchId ?? null);
    if (line !== undefined) loans.push(line);
  }
  return parReportOf(loans, o.asOf ?? s.through);
};
