export * from './businessDate.ts';
export * from './financialYear.ts';
export * from './dayCount.ts';
export { epochDayOf } from './civil.ts';
