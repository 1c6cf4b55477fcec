// The keys a file store was opened with, held apart from the store's object (never shown on it),
// for a file kept beside its log that must be bound to the log's writer as the log is: the
// Ledger's index checkpoint, which decides what a command's retry is answered and which steps
// of a process are run.
import type { KeyObject } from 'node:crypto';

/** The writer's key (to sign) and the log's public key (to check), as the store holds them. */
export interface StoreKeys {
  readonly signingKey: KeyObject | undefined;
  readonly verifyKey: KeyObject | undefined;
}

const keys = new WeakMap<object, StoreKeys>();

/** Notes the keys `store` was opened with (openFileEventStore). */
export const noteStoreKeys = (store: object, k: StoreKeys): void => {
  keys.set(store, k);
};

/** The keys a file store was opened with; undefined for any other store. */
export const storeKeysOf = (store: object): StoreKeys | undefined => keys.get(store);
