// The store building blocks of @usha/ledger that every store shares: checking an append,
// recognising a retry, decoding what was read. The adapter must behave as the other stores do,
// so it uses the same code rather than a copy.
export {
  prepareAppend, eventContentKey, detectRetry, decodeRecorded, checkExpectedRevision,
  checkConditions, takeAppendOptions, streamLocks, dataJsonOf, metadataJsonOf,
  checkedMaxAppendBytes, checkedSchema, readOptionFields, takeSubscribeOptions,
  takeReadAllOptions, takeStreamRead, isStorableStreamName,
} from '@usha/ledger/store-kit';
export type {
  PreparedAppend, PreparedEvent, StoredRef, RecordedFields, RefuseOption,
} from '@usha/ledger/store-kit';
