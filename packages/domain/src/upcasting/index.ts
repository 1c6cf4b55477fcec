export * from './registry.ts';
export * from './repaymentReceivedV1.ts';
export * from './dividendDeclaredV1.ts';
export * from './societyConfiguredV1.ts';
export * from './branchAtOpeningV1.ts';
export * from './fixedDepositTermV2.ts';
export * from './loanDisbursedV1.ts';
export * from './chargedByHandV1.ts';
