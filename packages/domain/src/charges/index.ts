export * from './chargeRules.ts';
export * from './chargeRuleRef.ts';
export * from './ratePercentOf.ts';
export * from './latePaymentPenalties.ts';
export * from './missedInstalmentPenalties.ts';
export * from './belowMinimumBalanceCharges.ts';
export * from './commands.ts';
export * from './applyLoanCharges.ts';
