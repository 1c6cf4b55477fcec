import type { RowView } from '../core/rowShape.ts';
import {
  depositView, emptyRows, loanView, memberView, tableAsMap, type BalancesRows,
} from './rows.ts';
import type { depositShape, loanShape, memberShape } from './shapes.ts';

/** A member's share holding and where her accounts are (a snapshot: see BalancesState). */
export type MemberBalance = RowView<typeof memberShape>;

/** One deposit account. */
export type DepositBalance = RowView<typeof depositShape>;

/** Savings, recurring or fixed. */
export type DepositKind = DepositBalance['kind'];

/**
 * The schedules fixed at disbursement, every loan's in the same columns (outside the JS heap):
 * due days (epoch days) and running sums of principal and interest. A loan names its rows.
 */
export interface ScheduleStore {
  dueDays: Int32Array;
  cumPrincipal: BigInt64Array;
  cumInterest: BigInt64Array;
  size: number;
}

/** One loan's running totals, in paise, as the loan aggregate keeps them. */
export type LoanBalance = RowView<typeof loanShape>;

/** Where a loan is in its life. */
export type LoanStatus = LoanBalance['status'];

/**
 * Member balances: every member, deposit account and loan seen. Mutable: `apply` updates it in
 * place. Kept in columns (`rows`, see rows.ts): memory grows with members, accounts and loans
 * (a loan's schedule: 20 bytes an instalment), never with events, and mostly outside the JS
 * heap. `members`, `deposits` and `loans` read them as maps of plain objects.
 */
export interface BalancesState {
  readonly members: ReadonlyMap<string, MemberBalance>;
  readonly deposits: ReadonlyMap<string, DepositBalance>;
  readonly loans: ReadonlyMap<string, LoanBalance>;
  readonly schedules: ScheduleStore;
  /** Where the balances are kept; written by `apply` only. */
  readonly rows: BalancesRows;
  /** The latest business date applied, or null. */
  through: string | null;
}

/** Balances before any event. */
export const emptyBalances = (): BalancesState => {
  const rows = emptyRows();
  return {
    members: tableAsMap(rows.members, (r) => memberView(rows, r)),
    deposits: tableAsMap(rows.deposits, (r) => depositView(rows, r)),
    loans: tableAsMap(rows.loans, (r) => loanView(rows, r)),
    rows, through: null,
    schedules: { dueDays: new Int32Array(1024), cumPrincipal: new BigInt64Array(1024),
      cumInterest: new BigInt64Array(1024), size: 0 },
  };
};

/** Appends a schedule's rows (due day, principal, interest); returns the first row. */
export const appendSchedule = (
  st: ScheduleStore, rows: ReadonlyArray<readonly [number, bigint, bigint]>,
): number => {
  const at = st.size;
  const need = at + rows.length;
  if (need > st.dueDays.length) {
    // A quarter more, not double: less slack and a smaller copy alive beside the old columns
    // at the moment of growth, still amortised to a constant per row.
    const n = Math.max(need, st.dueDays.length + (st.dueDays.length >> 2));
    const d = new Int32Array(n);
    const p = new BigInt64Array(n);
    const i = new BigInt64Array(n);
    d.set(st.dueDays);
    p.set(st.cumPrincipal);
    i.set(st.cumInterest);
    st.dueDays = d;
    st.cumPrincipal = p;
    st.cumInterest = i;
  }
  let cp = 0n;
  let ci = 0n;
  rows.forEach(([day, principal, interest], k) => {
    cp += principal;
    ci += interest;
    st.dueDays[at + k] = day;
    st.cumPrincipal[at + k] = cp;
    st.cumInterest[at + k] = ci;
  });
  st.size = need;
  return at;
};

/** Outstanding principal: disbursed, less repaid, less written off. */
export const principalOutstanding = (l: LoanBalance): bigint =>
  l.disbursed - l.principalRepaid - l.writtenOff;

/** Penalties charged and neither paid nor written off. */
export const penaltiesReceivable = (l: LoanBalance): bigint =>
  l.penaltiesCharged - l.penaltiesPaid - l.penaltiesWrittenOff;

/** Fees charged and neither paid nor written off. */
export const feesReceivable = (l: LoanBalance): bigint =>
  l.feesCharged - l.feesPaid - l.feesWrittenOff;
