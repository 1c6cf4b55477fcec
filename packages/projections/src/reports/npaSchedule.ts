import {
  assetClasses, assetClassOf, provisionOf, type AssetClass, type ProvisioningNorms,
} from '@usha/domain';
import type { BalancesState } from '../balances/state.ts';
import { asOfDay } from '../core/asOfDay.ts';
import { loanPosition } from '../portfolio/loanStatus.ts';

/** One loan of the schedule: how late it is, its class, and the provision on it (paise). */
export interface NpaLine {
  readonly loanId: string;
  readonly memberId: string;
  readonly branchId: string | null;
  readonly daysPastDue: number;
  readonly assetClass: AssetClass;
  readonly principalOutstanding: bigint;
  readonly provisionPercent: string;
  /** The loan's own provision, rounded up to the paisa. */
  readonly provision: bigint;
}

/** A class's totals, as the close records them in LoanLossProvisionSet. */
export interface NpaClassTotal {
  readonly loans: number;
  readonly outstanding: bigint;
  readonly percent: string;
  /** The percent of the class's outstanding, rounded up once (not the sum of the lines). */
  readonly provision: bigint;
}

/** The NPA classification and provision schedule as of a date. */
export interface NpaSchedule {
  /** The business date classified ('' for an empty log asked for no date). */
  readonly asOf: string;
  readonly loans: ReadonlyArray<NpaLine>;
  readonly byClass: Readonly<Record<AssetClass, NpaClassTotal>>;
  readonly totalOutstanding: bigint;
  readonly totalProvision: bigint;
  /** Loans more than `standardUpToDays` past due: non-performing. */
  readonly npaOutstanding: bigint;
}

/**
 * Every active loan, classified by days past due on `asOf` under the society's norms, with its
 * provision; the class totals are computed as the year's close computes them (the percent of
 * each class's outstanding principal, rounded up), so on 31 March they are the figures of
 * LoanLossProvisionSet. The balances must be replayed to `asOf` (the latest date when omitted).
 * @example npaSchedule(balances, norms, { asOf: '2025-03-31' }).byClass.loss.provision
 */
export const npaSchedule = (
  balances: BalancesState, norms: ProvisioningNorms, o: { readonly asOf?: string } = {},
): NpaSchedule => {
  const day = asOfDay(balances.through, o.asOf);
  const loans: NpaLine[] = [];
  for (const l of balances.loans.values()) {
    // The loans the close classifies: active and disbursed (its accrued-interest report's).
    if (l.status !== 'active' || l.disbursedOn === null) continue;
    const p = loanPosition(balances.schedules, l, day);
    const assetClass = assetClassOf(p.daysPastDue, norms);
    const percent = norms.percent[assetClass];
    loans.push({
      loanId: l.loanId, memberId: l.memberId,
      branchId: balances.members.get(l.memberId)?.branchId ?? null,
      daysPastDue: p.daysPastDue, assetClass, principalOutstanding: p.principalOutstanding,
      provisionPercent: percent, provision: provisionOf(p.principalOutstanding, percent),
    });
  }
  const total = (c: AssetClass): NpaClassTotal => {
    const of = loans.filter((l) => l.assetClass === c);
    const outstanding = of.reduce((a, l) => a + l.principalOutstanding, 0n);
    const percent = norms.percent[c];
    const provision = provisionOf(outstanding, percent);
    return { loans: of.length, outstanding, percent, provision };
  };
  const byClass = { standard: total('standard'), subStandard: total('subStandard'),
    doubtful: total('doubtful'), loss: total('loss') };
  const sum = (f: (t: NpaClassTotal) => bigint, cs: ReadonlyArray<AssetClass>) =>
    cs.reduce((a, c) => a + f(byClass[c]), 0n);
  return {
    asOf: o.asOf ?? balances.through ?? '', loans, byClass,
    totalOutstanding: sum((t) => t.outstanding, assetClasses),
    totalProvision: sum((t) => t.provision, assetClasses),
    npaOutstanding: sum((t) => t.outstanding, ['subStandard', 'doubtful', 'loss']),
  };
};
