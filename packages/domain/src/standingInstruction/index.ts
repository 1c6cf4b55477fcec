export * from './instructionId.ts';
export * from './events.ts';
export * from './commands.ts';
export * from './state.ts';
export * from './decide.ts';
export * from './amountDue.ts';
export * from './facts.ts';
export * from './instructionAccounts.ts';
