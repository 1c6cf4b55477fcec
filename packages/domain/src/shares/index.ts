export * from './events.ts';
export * from './commands.ts';
export * from './state.ts';
export * from './decide.ts';
export * from './facts.ts';
export * from './dividendDeposits.ts';
