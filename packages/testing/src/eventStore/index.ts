export { eventStoreContract, type ContractOptions } from './eventStoreContract.ts';
export type { StoreFactory, StoreOptions } from './storeFactory.ts';
export { testSchema, Amount, type TestEvent } from './testCatalogue.ts';
export { testEvent, newTestEvent, eventId, streamOf, nextEventId } from './arbitraries.ts';
export { collect, rejection } from './collect.ts';
