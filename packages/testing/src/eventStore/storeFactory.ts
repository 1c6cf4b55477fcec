import type { EventSchema, EventStore } from '@usha/ledger';
import type { TestEvent } from './testCatalogue.ts';

/** Options the contract suite passes when it asks for a fresh, empty store. */
export interface StoreOptions {
  readonly schema: EventSchema<TestEvent>;
  readonly maxAppendBytes: number;
}

/** How the contract suite gets stores: a fresh empty one per call, and a final cleanup. */
export interface StoreFactory {
  readonly create: (options: StoreOptions) => Promise<EventStore<TestEvent>>;
  readonly cleanup?: () => Promise<void>;
}
