export * from './tdsSettings.ts';
export * from './tdsDue.ts';
export * from './tdsDeducted.ts';
export * from './tdsStatement.ts';
export * from './tdsReversed.ts';
