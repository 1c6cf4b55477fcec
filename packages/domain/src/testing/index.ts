// Test support for packages built on the domain (`@usha/domain/testing`): the test products,
// decoding of literal commands and events, command-sequence arbitraries, hostile values and
// given/when/then for deciders. Kept off the main entry point so that an application never
// loads fast-check or uvu.
export * from './fixtures.ts';
export * from './commandSequences.ts';
export * from './hostileValues.ts';
export * from './deciderSpecification.ts';
