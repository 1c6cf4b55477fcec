export * from './eventStore/index.ts';
export * from './decider/deciderSpecification.ts';
