// Pure folds over the domain's events. See docs/reference/projections.md.
export type {
  LogPosition, ProjectedEvent, ResolvedEvent, ReversedPosting, ReversibleType,
} from './core/projectedEvent.ts';
export { comparePositions } from './core/projectedEvent.ts';
export {
  ReversibleIdsIncompleteError, UnresolvedReversalError,
} from './core/unresolvedReversal.ts';
export { EventIdHashCollisionError } from './core/reversalIndex.ts';
export type { Cursor } from './core/cursor.ts';
export {
  checkpoint, restore, ProjectionVersionError, CheckpointFormatError, type Projection,
} from './projection.ts';
export {
  combine, type CombineOptions, type Combined, type ProjectionSet, type StatesOf,
} from './combine.ts';
export { replay, replayAsync, ReplayOptionsError, type ReplayOptions } from './replay.ts';
export { idleProjection } from './idleProjection.ts';
export { allProjections } from './allProjections.ts';

export { balancesProjection } from './balances/projection.ts';
export type {
  BalancesState, MemberBalance, DepositBalance, DepositKind, LoanBalance, LoanStatus,
} from './balances/state.ts';
export { principalOutstanding, penaltiesReceivable, feesReceivable } from './balances/state.ts';
export { memberBalances, type MemberStatement } from './balances/memberStatement.ts';

export { accrualProjection } from './accrual/projection.ts';
export type { AccrualState, AccrualAccount } from './accrual/state.ts';
export {
  depositAccruals, depositProductsMissing, type DepositAccrual,
} from './accrual/depositAccrual.ts';
export { loanAccruals, type LoanAccrual } from './accrual/loanAccrual.ts';
export { loanBalancesProjection } from './accrual/loanBalances.ts';
export { liveLoanBalancesProjection } from './accrual/liveLoanBalances.ts';
export { openAccrualProjection } from './accrual/openAccrual.ts';

export { booksProjection, type BooksOptions } from './books/projection.ts';
export {
  defaultChartOfAccounts, decodeChart, indexChart, ChartOfAccountsCodec, InvalidChartError,
  type AccountClass, type ChartOfAccounts, type LedgerAccount, type PostingRole,
} from './books/chartOfAccounts.ts';
export { journalFor, type JournalSink, type JournalContext } from './books/journal.ts';
export { UnbalancedEntryError } from './books/apply.ts';
export type { BooksState, YearClose, LedgerLine, LedgerSelection } from './books/state.ts';
export {
  accountBalances, trialBalance, balanceSheet, incomeStatement, yearEnd, generalLedger, AsOfError,
  firstEntryOn,
  type TrialBalance, type BalanceSheet, type IncomeStatement, type StatementLine,
  type GeneralLedgerLine, type AccountBalance,
  BranchBooksUnavailableError, branchesOf, type AsOfBranchOptions, type BranchOption,
} from './books/reports.ts';
export { HEAD_OFFICE_BRANCH } from './books/branchBooks.ts';
export { formatTrialBalance, formatBalanceSheet, formatIncomeStatement } from './books/format.ts';

export { loanPosition, type LoanPosition } from './portfolio/loanStatus.ts';
export {
  parReport, parReportOf, loanDelinquency, bucketOf, type ParReport, type PortfolioFigures,
  type AgeingBucket, type LoanDelinquency, type BucketFigures,
} from './portfolio/parReport.ts';
export { formatParReport } from './portfolio/format.ts';
export {
  streamSpansProjection, type StreamSpan, type StreamSpans,
} from './portfolio/streamSpans.ts';

export { passbookProjection } from './passbook/projection.ts';
export type { PassbookState, PassbookLine, PassbookKind } from './passbook/state.ts';
export {
  passbook, formatPassbook, type Passbook, type PassbookPage,
} from './passbook/passbook.ts';
export { rupees, table, tableLines } from './format/textTable.ts';
export * from './reports/index.ts';
export * from './print/index.ts';
