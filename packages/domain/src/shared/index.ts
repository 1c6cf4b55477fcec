export * from './ids.ts';
export * from './codecs.ts';
export * from './metadata.ts';
export * from './rejection.ts';
export * from './decider.ts';
export * from './correction.ts';
export * from './streams.ts';
export * from './reportErrors.ts';
export * from './shape.ts';
export * from './guards.ts';
export * from './plainInput.ts';
export * from './closedWithOptional.ts';
export {
  emptyPersistentMap, mapEntries, mapGet, mapHas, mapSet, mapValues, type PersistentMap,
} from './persistentMap.ts';
