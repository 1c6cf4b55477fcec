export * from './eventStore/index.ts';
export * from './decider/deciderSpecification.ts';
export { deposit } from './eventStore/contractExamples.ts';
