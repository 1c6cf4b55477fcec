// A store factory for the contract suite: every store gets its own test server, so each
// starts empty, as the suite requires; closing the store stops its server.
import type { EventStore } from '@usha/ledger';
import { createEventStoreDbStore } from './eventStoreDbStore.ts';
import { startEsdbTestServer } from './testSupport.ts';
import type { EsdbTestServerOptions, StoreFactory, TestEvent } from './testSupport.ts';

/** Stores over fresh test servers in the given append mode. */
export const testServerFactory = (options: EsdbTestServerOptions): StoreFactory => ({
  create: async (o): Promise<EventStore<TestEvent>> => {
    const server = await startEsdbTestServer(options);
    const store = createEventStoreDbStore({ ...o, connectionString: server.connectionString });
    return {
      ...store,
      close: async () => {
        await store.close();
        await server.stop();
      },
    };
  },
});
