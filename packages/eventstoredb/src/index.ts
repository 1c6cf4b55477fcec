export { createEventStoreDbStore } from './eventStoreDbStore.ts';
export type { EventStoreDbConnection, EventStoreDbStoreOptions } from './eventStoreDbStore.ts';
export type { ResubscribeInfo } from './subscribeAll.ts';
export type { BackoffPolicy } from './backoff.ts';
export { defaultBackoff } from './backoff.ts';
export { StoreUnavailableError, EventStoreDbError } from './errors.ts';
