export * from './events.ts';
export * from './commands.ts';
export * from './state.ts';
export * from './dues.ts';
export * from './allocate.ts';
export * from './decide.ts';
export * from './facts.ts';
