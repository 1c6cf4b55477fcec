export {
  yearFactsProjection, yearFactsOf, type YearFacts, type YearFactsState, type ShareMovement,
} from './yearFacts.ts';
export { shareCapitalRegister, type ShareCapitalRegister } from './shareCapitalRegister.ts';
export { profitAppropriation, type ProfitAppropriation } from './profitAppropriation.ts';
export { csv, csvRecords, decimal } from './csv.ts';
export {
  formatShareCapitalRegister, shareCapitalRegisterCsv, formatProfitAppropriation,
  profitAppropriationCsv,
} from './format.ts';
export { cashBookProjection, type CashBookState, type CashSide } from './cashBook.ts';
export {
  receiptsAndPayments, type ReceiptsAndPayments, type CashHead, type FundBalance,
} from './receiptsAndPayments.ts';
export {
  formatReceiptsAndPayments, receiptsAndPaymentsCsv,
} from './receiptsAndPaymentsFormat.ts';
export {
  demandCollectionBalance, dcbPart, type DemandCollectionBalance, type DcbFigures, type DcbPart,
} from './demandCollectionBalance.ts';
export { dcbOpening, type DcbOpening, type DcbOpeningLoan } from './dcbOpening.ts';
export {
  formatDemandCollectionBalance, demandCollectionBalanceCsv,
} from './demandCollectionBalanceFormat.ts';
export { npaSchedule, type NpaSchedule, type NpaLine, type NpaClassTotal } from './npaSchedule.ts';
export { formatNpaSchedule, npaScheduleCsv } from './npaScheduleFormat.ts';
export {
  trialBalanceCsv, balanceSheetCsv, incomeStatementCsv, parReportCsv, passbookCsv,
} from './statementsCsv.ts';
export {
  collectionSheet, type CollectionSheet, type CollectionLine, type CollectionSheetOptions,
} from './collectionSheet.ts';
export {
  collectionSheetFactsProjection, officerOn, type CollectionSheetFacts, type RecurringPlan,
} from './collectionSheetFacts.ts';
export { formatCollectionSheet, collectionSheetCsv } from './collectionSheetFormat.ts';
export { dues, type Dues, type DueLine, type DuesOptions } from './dues.ts';
export { formatDues, duesCsv } from './duesFormat.ts';
