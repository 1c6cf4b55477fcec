export * from './loanSchedule.ts';
export {
  rescheduledSchedule, type RescheduleInput, type RescheduleChange,
} from './reschedule/index.ts';
export {
  recalculatedSchedule, type DatedReschedule, type RecalculationInput,
} from './recalculation/index.ts';
export * from './savingsInterest.ts';
export * from './fixedDeposit.ts';
export * from './recurringDeposit.ts';
export * from './depositTerm.ts';
export * from './shareDividends.ts';
export * from './flatToReducingRate.ts';
export * from './invalidDepositTerms.ts';
