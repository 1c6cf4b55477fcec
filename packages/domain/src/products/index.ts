export * from './settings.ts';
export * from './allocationOrder.ts';
export * from './shareProduct.ts';
export * from './depositProducts.ts';
export * from './termUnit.ts';
export * from './loanProduct.ts';
export * from './productCatalogue.ts';
export * from './lendingLimits.ts';
