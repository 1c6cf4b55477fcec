export * from './decimal.ts';
export * from './money.ts';
export * from './rounding.ts';
export * from './limits.ts';
export * from './roundRatio.ts';
