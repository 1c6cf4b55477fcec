// Stores over a KurrentDB client (@kurrent/kurrentdb-client), each against a fresh test server
// that runs in a child process: the test server registers @eventstore/db-client's generated
// protobuf classes, which would replace the KurrentDB client's own in this process.
import { KurrentDBClient } from '@kurrent/kurrentdb-client';
import type { EventStore } from '@usha/ledger';
import type { StoreFactory, TestEvent } from '@usha/testing';
import { createEventStoreDbStore } from './eventStoreDbStore.ts';
import type { EsdbTestServerOptions } from './testServer/server.ts';
import { startTestServerProcess } from './testServer/serverProcess.ts';
import type { TestServerProcess } from './testServer/serverProcess.ts';

/**
 * Stores over KurrentDB clients, against test servers in one child process; `atomic`: the
 * servers take AppendRecords and the stores check conditions with it.
 */
export const kurrentFactory = (options: EsdbTestServerOptions & { readonly atomic?: boolean }):
  StoreFactory => {
  let servers: TestServerProcess | undefined;
  return {
    create: async (o): Promise<EventStore<TestEvent>> => {
      servers ??= startTestServerProcess();
      const { atomic, ...serverOptions } = options;
      const server = await servers.start({ ...serverOptions,
        ...(atomic === true ? { appendRecords: true } : {}) });
      // The client's reads go through its native bridge, whose first connection waits one
      // discovery interval (500 ms by default) even for a single node: 10 ms here.
      const client = KurrentDBClient.connectionString(
        `${server.connectionString}&discoveryInterval=10`);
      const store = createEventStoreDbStore({ ...o, client,
        ...(atomic === true ? { appendConditions: 'atomic' as const } : {}) });
      return {
        ...store,
        close: async () => {
          await store.close();
          await client.dispose();
          await server.stop();
        },
      };
    },
    cleanup: async () => {
      await servers?.close();
      servers = undefined;
    },
  };
};
