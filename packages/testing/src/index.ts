export * from './eventStore/index.ts';
export { deposit } from './eventStore/contractExamples.ts';
