export { createEventStoreDbStore } from './eventStoreDbStore.ts';
export type { EventStoreDbConnection, EventStoreDbStoreOptions } from './eventStoreDbStore.ts';
export type { EventStoreClient } from './eventStoreClient.ts';
export type { ResubscribeInfo } from './subscribeAll.ts';
export type { BackoffPolicy } from './resubscribeBackoff.ts';
export { defaultBackoff } from './resubscribeBackoff.ts';
export { StoreUnavailableError, EventStoreDbError } from './errors.ts';
