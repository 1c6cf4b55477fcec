export * from './businessDate.ts';
export * from './financialYear.ts';
export * from './dayCount.ts';
