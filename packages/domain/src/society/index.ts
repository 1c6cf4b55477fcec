export * from './events.ts';
export * from './commands.ts';
export * from './state.ts';
export * from './decide.ts';
export * from './financialYearDates.ts';
export * from './allocation.ts';
export * from './dividendParts.ts';
export * from './facts.ts';
