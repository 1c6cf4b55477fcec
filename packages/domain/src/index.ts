export * from './money/index.ts';
export * from './dates/index.ts';
