import type { Position } from '../../eventStore/position.ts';

/** When a query reads: after which write, and as known at which point of the log. */
export interface ReadOptions {
  /**
   * Wait until the projections include the event at this position (a command's `position`).
   * Without it a query waits for the last write of this Ledger: it always reads its own writes.
   */
  readonly after?: Position;
  /**
   * As the log stood at this position: events recorded after it are left out (a replay of the
   * log from the start, for an auditor's "what did we know then").
   */
  readonly asKnownAt?: Position;
}

/** A query as of the end of a business date ('YYYY-MM-DD'); today's figures when omitted. */
export interface AsOfOptions extends ReadOptions {
  readonly asOf?: string;
}

/** A passbook query: as of a date, with the member's name from the directory if asked. */
export interface PassbookOptions extends AsOfOptions {
  /** One account's page only; every page of hers when omitted. */
  readonly accountId?: string;
  /** Read the holder's name from the directory (never from the log). */
  readonly withName?: boolean;
}

/** The PAR of one branch, or of the society when `branchId` is omitted. */
export interface ParOptions extends AsOfOptions {
  readonly branchId?: string;
}

/** The income statement of a financial year ('2025-26'). */
export interface IncomeStatementOptions extends ReadOptions {
  readonly financialYear: string;
}

/** A trial balance or balance sheet as of a date: one branch's, or the society's if omitted. */
export interface BranchBooksOptions extends AsOfOptions {
  readonly branchId?: string;
}

/** The income statement of a financial year: one branch's, or the society's if omitted. */
export interface BranchIncomeStatementOptions extends IncomeStatementOptions {
  readonly branchId?: string;
}
