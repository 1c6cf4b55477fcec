import {
  balancesProjection, booksProjection, combine, passbookProjection, streamSpansProjection,
  type ChartOfAccounts, type Combined, type Projection,
} from '@usha/projections';
import type { BalancesState, BooksState, PassbookState, StreamSpans } from '@usha/projections';

/** The projections the Ledger's queries read: balances (and the portfolio), books, passbooks. */
export type ReportProjections = {
  readonly balances: Projection<BalancesState>;
  readonly books: Projection<BooksState>;
  readonly passbook: Projection<PassbookState>;
  /** Which loan and member streams a past date's portfolio must read again. */
  readonly spans: Projection<StreamSpans>;
};

/** The state the queries read: one cursor, a state per projection. */
export type ReportState = Combined<ReportProjections>;

/** How the report projections are built. */
export interface ReportOptions {
  /** The chart of accounts of the books; `defaultChartOfAccounts` when omitted. */
  readonly chart?: ChartOfAccounts;
  /** Whose passbooks are kept, line by line; every member's when omitted. */
  readonly passbookMembers?: ReadonlyArray<string>;
}

/**
 * The report projections run together (`combine` from @usha/projections): what `balances`,
 * `passbook`, `trialBalance`, `balanceSheet`, `incomeStatement`, `portfolio` and `par` read.
 */
export const reportProjection = (o: ReportOptions = {}): Projection<ReportState> => {
  const set: ReportProjections = {
    balances: balancesProjection(),
    books: booksProjection(o.chart === undefined ? {} : { chart: o.chart }),
    passbook: passbookProjection(
      o.passbookMembers === undefined ? {} : { members: o.passbookMembers }),
    spans: streamSpansProjection(),
  };
  return combine(set);
};
