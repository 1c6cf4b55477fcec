import { addMonths, businessDate, toEpochDay } from '@usha/domain';
import type { BalancesState } from '../balances/state.ts';
import { loanPosition } from '../portfolio/loanStatus.ts';
import {
  officerOn, type CollectionSheetFacts, type RecurringPlan,
} from './collectionSheetFacts.ts';

/** One account to collect from: a loan's dues or a recurring deposit's instalments, in paise. */
export interface CollectionLine {
  readonly memberId: string;
  readonly accountId: string;
  readonly kind: 'loan' | 'recurring';
  /** Her field officer on the date (null: none assigned). */
  readonly fieldOfficer: string | null;
  readonly principal: bigint;
  readonly interest: bigint;
  readonly penalty: bigint;
  readonly fees: bigint;
  /** Recurring deposit instalments due and unpaid (their number is `instalments`). */
  readonly deposit: bigint;
  readonly instalments: number;
  /** Of principal, interest and deposit: what fell due before the date (in arrears). */
  readonly overdue: bigint;
  readonly daysPastDue: number;
  readonly total: bigint;
}

/** What a branch (or one field officer of it) is to collect on a date. */
export interface CollectionSheet {
  readonly branchId: string;
  readonly fieldOfficer: string | null;
  readonly on: string;
  /** By member, then account. */
  readonly lines: ReadonlyArray<CollectionLine>;
  readonly total: bigint;
}

/** Whom a sheet is for: a branch on a date, and one field officer of it if given. */
export interface CollectionSheetOptions {
  readonly branchId: string;
  readonly fieldOfficer?: string;
  readonly on: string;
}

/** Instalments of a recurring deposit due on or before `day` (strictly before if `strict`). */
export const recurringDueCount = (p: RecurringPlan, day: number, strict: boolean): number => {
  const opened = businessDate(p.openedOn, 'openedOn');
  let n = 0;
  while (n < p.termMonths) {
    const due = toEpochDay(addMonths(opened, n));
    if (due > day || (strict && due === day)) break;
    n += 1;
  }
  return n;
};

const max0 = (n: number) => (n > 0 ? n : 0);

const recurringLine = (p: RecurringPlan, accountId: string, day: number) => {
  const due = max0(recurringDueCount(p, day, false) - p.paid);
  const late = max0(recurringDueCount(p, day, true) - p.paid);
  const oldest = toEpochDay(addMonths(businessDate(p.openedOn, 'openedOn'), p.paid));
  return {
    memberId: p.memberId, accountId, kind: 'recurring' as const,
    principal: 0n, interest: 0n, penalty: 0n, fees: 0n,
    deposit: BigInt(due) * p.instalment, instalments: due,
    overdue: BigInt(late) * p.instalment, daysPastDue: late > 0 ? day - oldest : 0,
    total: BigInt(due) * p.instalment,
  };
};

const byMemberThenAccount = (a: CollectionLine, b: CollectionLine): number =>
  a.memberId !== b.memberId ? (a.memberId < b.memberId ? -1 : 1)
    : a.accountId < b.accountId ? -1 : a.accountId > b.accountId ? 1 : 0;

/**
 * The collection sheet of a branch on `on`, from balances and facts replayed to the end of
 * that day: every active loan of a member of the branch with principal, interest, penalties or
 * fees due (as `loanPosition` reads its latest schedule), and every open recurring deposit
 * with instalments due, each once; with `fieldOfficer`, only the members assigned to him on
 * `on`. What was paid by the end of the day is off the sheet: printed before the day's
 * business it lists all there is to collect, printed after it, what is left.
 * @example collectionSheet(balances, facts, { branchId: 'SONAGACHI', on: '2024-06-01' })
 */
export const collectionSheet = (
  b: BalancesState, f: CollectionSheetFacts, o: CollectionSheetOptions,
): CollectionSheet => {
  const day = toEpochDay(businessDate(o.on, 'on'));
  const lines: CollectionLine[] = [];
  const officerOf = (memberId: string) => officerOn(f, memberId, o.on);
  const wanted = (memberId: string): boolean => b.members.get(memberId)?.branchId === o.branchId
    && (o.fieldOfficer === undefined || officerOf(memberId) === o.fieldOfficer);
  for (const l of b.loans.values()) {
    if (l.status !== 'active' || !wanted(l.memberId)) continue;
    const p = loanPosition(b.schedules, l, day);
    const total = p.principalDue + p.interestDue + p.penaltiesDue + p.feesDue;
    if (total === 0n) continue;
    lines.push({
      memberId: l.memberId, accountId: l.loanId, kind: 'loan',
      fieldOfficer: officerOf(l.memberId), principal: p.principalDue, interest: p.interestDue,
      penalty: p.penaltiesDue, fees: p.feesDue, deposit: 0n, instalments: 0,
      overdue: p.arrears, daysPastDue: p.daysPastDue, total,
    });
  }
  for (const [accountId, plan] of f.recurring) {
    if (b.deposits.get(accountId)?.status !== 'open' || !wanted(plan.memberId)) continue;
    const line = recurringLine(plan, accountId, day);
    if (line.total > 0n) lines.push({ ...line, fieldOfficer: officerOf(plan.memberId) });
  }
  lines.sort(byMemberThenAccount);
  return {
    branchId: o.branchId, fieldOfficer: o.fieldOfficer ?? null, on: o.on, lines,
    total: lines.reduce((s, l) => s + l.total, 0n),
  };
};
