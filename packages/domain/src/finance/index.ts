export * from './loanSchedule.ts';
export * from './savingsInterest.ts';
export * from './fixedDeposit.ts';
export * from './recurringDeposit.ts';
export * from './shareDividends.ts';
export * from './flatToReducingRate.ts';
export * from './invalidDepositTerms.ts';
