// Test support from @usha/testing, by path until its index exports these.
// TODO(@usha/testing): export the contract suite and the esdb test server from the index,
// then import them from '@usha/testing' and delete this file.
export { eventStoreContract } from '../../testing/src/eventStore/eventStoreContract.ts';
export type { StoreFactory, StoreOptions } from '../../testing/src/eventStore/storeFactory.ts';
export { testSchema } from '../../testing/src/eventStore/testCatalogue.ts';
export type { TestEvent } from '../../testing/src/eventStore/testCatalogue.ts';
export { deposit } from '../../testing/src/eventStore/contractExamples.ts';
export { collect, rejection } from '../../testing/src/eventStore/collect.ts';
export { startEsdbTestServer } from '../../testing/src/esdb/index.ts';
export type { EsdbTestServer, EsdbTestServerOptions } from '../../testing/src/esdb/index.ts';
