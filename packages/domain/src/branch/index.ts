export * from './tillId.ts';
export * from './accountStream.ts';
export * from './events.ts';
export * from './commands.ts';
export * from './state.ts';
export * from './decide.ts';
