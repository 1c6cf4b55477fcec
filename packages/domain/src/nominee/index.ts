export * from './nomineeRef.ts';
export * from './nominee.ts';
