import { inMemoryEventStore } from '@usha/ledger';
import { eventStoreContract } from './eventStoreContract.ts';

eventStoreContract('in-memory', { create: async (options) => inMemoryEventStore(options) });
