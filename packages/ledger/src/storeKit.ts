// Store building blocks every store shares (`@usha/ledger/store-kit`): checking an append,
// recognising a retry, decoding what was read. Another adapter (EventStoreDB) uses them so that
// it behaves exactly as these stores do rather than through a copy. Not part of the Ledger's
// application API, hence off the main entry point. `prepareAppend` and `decodeRecorded` take
// the schema as given: pass them the one `checkedSchema` returns (an app's own decode is then
// taken at its word only when it answers an Either), as the stores here do.
export {
  prepareAppend, eventContentKey, dataJsonOf, metadataJsonOf,
} from './eventStore/prepareAppend.ts';
export type { PreparedAppend, PreparedEvent } from './eventStore/prepareAppend.ts';
export { detectRetry, type StoredRef } from './eventStore/detectRetry.ts';
export { decodeRecorded, type RecordedFields } from './eventStore/decodeRecorded.ts';
export { checkExpectedRevision } from './eventStore/expectedRevision.ts';
export {
  checkConditions, takeAppendOptions, type TakenAppendOptions,
} from './eventStore/appendConditions.ts';
export { streamLocks, type StreamLocks } from './eventStore/streamLocks.ts';
export { isStorableStreamName, quotedStreamName } from './eventStore/storableStreamName.ts';
export {
  takeSubscribeOptions, type TakenSubscribeOptions,
} from './eventStore/subscribeOptions.ts';
export {
  takeReadAllOptions, takeReadStreamOptions, takeStreamRead, type TakenReadAllOptions,
  type TakenReadStreamOptions,
} from './eventStore/readOptions.ts';
export {
  checkedMaxAppendBytes, checkedSchema, readOptionFields, type RefuseOption,
} from './eventStore/storeOptionFields.ts';
