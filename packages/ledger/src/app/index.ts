// The Ledger that apps import: command handling, processes, the projection runner, the member
// directory. See docs/reference/ledger.md and docs/guides/getting-started.md.
export { createLedger, type Ledger } from './ledger/createLedger.ts';
export {
  InvalidProductsError, LedgerOptionsError, NoDirectoryError, type LedgerOptions,
} from './ledger/ledgerOptions.ts';
export { LedgerStoreError } from './ledger/ledgerStoreError.ts';
export { StateCacheEntriesError } from './commands/stateCacheEntries.ts';
export { MaxAttemptsError } from './commands/maxAttempts.ts';
export { ProcessTakenOverError } from './processes/runningClaim.ts';
export {
  ClaimClockError, ProcessClaimSettingsError, type ProcessClaimSettings,
} from './processes/processClaim.ts';
export { IndexCheckpointWriteError } from './ledger/indexCheckpointWriter.ts';
export { IndexCheckpointOptionError } from './ledger/openIndexes.ts';
export type { LedgerOpened } from './ledger/openIndexes.ts';
export type { CommandMethods } from './ledger/commandMethods.ts';
export type { LedgerQueries } from './reports/ledgerQueries.ts';
export type {
  AccruedInterest, AccruedInterestOptions, LoanAccrualLine,
} from './reports/accruedInterest.ts';
export { accruedInterestQuery } from './reports/accruedInterest.ts';
export {
  formatAccruedInterest, accruedInterestCsv, accruedInterestCsvRecords, accruedInterestLines,
} from './reports/accruedInterestFormat.ts';
export type {
  AsOfOptions, IncomeStatementOptions, ParOptions, PassbookOptions, ReadOptions,
  BranchBooksOptions, BranchIncomeStatementOptions,
} from './reports/queryOptions.ts';
export {
  formatMemberPassbook, type MemberPassbook, type PassbookHolder,
} from './reports/memberPassbook.ts';
export { PassbookArgumentsError } from './reports/passbookArguments.ts';
export { PrintRequestError, type PassbookHtmlRequest } from './print/passbookHtmlRequest.ts';
export type { CollectionSheetHtmlRequest } from './print/collectionSheetHtmlRequest.ts';
export type { DayCashHtmlRequest } from './print/dayCashHtmlRequest.ts';
export { dayCashHtml } from './print/dayCashHtml.ts';
export {
  reportProjection, type ReportOptions, type ReportProjections, type ReportState,
} from './reports/reportProjection.ts';
export {
  yearEndReports, type YearEndReports, type ShareRegisterOptions,
} from './reports/yearEndReports.ts';
export {
  periodReports, ReportPeriodError, type PeriodReports, type PeriodOptions, type NpaOptions,
} from './reports/periodReports.ts';
export type { ReportReadOptions } from './reports/reportReadOptions.ts';
export {
  collectionReports, UnknownBranchError, type CollectionReports, type CollectionSheetQuery,
  type DuesQuery,
} from './reports/collectionReports.ts';
export { QueryRequestError } from './reports/queryRequest.ts';
export { SocietyNotNamedError } from './reports/societyNorms.ts';
export type { CommandRequest, CommandType } from './commands/commandRequest.ts';
export {
  isAccepted, type Accepted, type CommandOutcome, type LedgerRejection, type LedgerRejectionType,
  type Rejected, type StoredEvent,
} from './commands/outcome.ts';
export { exponentialBackoff, noBackoff, type Backoff } from './commands/backoff.ts';
export type { FactSource } from './commands/factSource.ts';
export { factFetchers, type FetchedCommand } from './commands/fetchFacts.ts';
export { commandHash } from './commands/commandHash.ts';
export {
  ledgerEventSchema, CommandRecord, type LedgerEvent, type LedgerMetadata, type StreamEvent,
} from './log/ledgerEvent.ts';
export { eventUuid } from './log/eventUuid.ts';
export type { ProcessOutcome } from './processes/processOutcome.ts';
export type { RepayFromSavingsRequest } from './processes/repayFromSavings.ts';
export type { CreditDividendsRequest } from './processes/creditDividends.ts';
export type { CloseYearRequest } from './processes/closeFinancialYear.ts';
export type { TopUpLoanRequest } from './processes/topUpLoan.ts';
export type { CashAtTillRequest } from './branch/cashAtTillRequest.ts';
export type { TillPositions } from './branch/branchQueries.ts';
export { BranchQueryError } from './branch/branchQueries.ts';
// The day-end cash report from a branch's events, for readers of a log without a Ledger.
export { dayCash, type DayCash, type TillDay } from './branch/dayCashReport.ts';
export { dayCashReportText } from './branch/dayCashReportText.ts';
export { stepId } from './processes/stepId.ts';
export {
  createProjectionRunner, ProjectionRunnerOptionsError, ProjectionRunnerStoppedError,
  type ProjectionRunner, type ProjectionRunnerOptions,
} from './runner/projectionRunner.ts';
export type { RunnableProjection } from './runner/runnableProjection.ts';
export {
  CheckpointFileError, fileCheckpointStore, memoryCheckpointStore, type CheckpointStore,
} from './runner/checkpointStore.ts';
export {
  MemberDetails, DirectoryKeyError, type DirectoryEntry, type MemberDirectory,
} from './directory/memberDirectory.ts';
export { openMemberDirectory, inMemoryMemberDirectory } from './directory/openMemberDirectory.ts';
export type { MasterKeySource } from './directory/masterKey.ts';
export {
  DirectoryClosedError, DirectoryCorruptError, DirectoryFieldError, DirectoryLockedError,
  DirectoryOptionsError, DirectoryRecordTooLargeError, KeyBesideDataError,
  MasterKeySizeError, MissingMasterKeyError, WrongMasterKeyError,
} from './directory/directoryErrors.ts';
