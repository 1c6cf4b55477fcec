// Test support gathered in one place for the adapter's tests and bench: the shared contract
// suite from @usha/testing, and this package's own protocol-level test server.
export {
  collect, deposit, eventStoreContract, rejection, testSchema,
} from '@usha/testing';
export type { StoreFactory, StoreOptions, TestEvent } from '@usha/testing';
export { startEsdbTestServer } from './testServer/index.ts';
export type { EsdbTestServer, EsdbTestServerOptions } from './testServer/index.ts';
