import type { ChartOfAccounts, CombineOptions } from '@usha/projections';

/** How the replayed reports read: the chart of their books, which events reversals name. */
export interface ReportReadOptions {
  /** The chart of accounts of the books; `defaultChartOfAccounts` when omitted. */
  readonly chart?: ChartOfAccounts;
  /**
   * Which money events a reversal names, when the reader knows them beforehand (a log file
   * scanned first): the replay's reversal index keeps those only. Every one when omitted.
   */
  readonly reversible?: (eventId: string) => boolean;
}

/** The `combine` options of a report's replay. */
export const reversibleOf = (o: ReportReadOptions): CombineOptions =>
  (o.reversible === undefined ? {} : { reversible: o.reversible });
