import type { CommandOutcome, LedgerRejection } from '../commands/outcome.ts';

/** What a process did: each step's outcome, in order, and whether it completed. */
export type ProcessOutcome =
  | {
    readonly status: 'completed'; readonly processId: string;
    readonly steps: ReadonlyArray<CommandOutcome>;
    /** Members or accounts passed over, with why (no savings account, account closed...). */
    readonly skipped: ReadonlyArray<{ readonly id: string; readonly rejection: LedgerRejection }>;
  }
  | {
    readonly status: 'rejected'; readonly processId: string;
    readonly rejection: LedgerRejection; readonly steps: ReadonlyArray<CommandOutcome>;
  };
