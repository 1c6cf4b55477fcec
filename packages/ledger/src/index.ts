// The event-store port and its stores. See docs/reference/event-store.md.
export * from './json/index.ts';
export type {
  EventShape,
  NewEvent,
  RecordedEvent,
  ExpectedRevision,
  AppendResult,
  AppendOptions,
  AppendCondition,
  AppendConditionSupport,
  Direction,
  ReadStreamOptions,
  ReadAllOptions,
  SubscribeOptions,
  SubscriptionMessage,
  EventStore,
  CommandClaim,
} from './eventStore/port.ts';
export {
  position,
  comparePosition,
  positionToString,
  positionFromString,
  type Position,
} from './eventStore/position.ts';
export {
  EventStoreError,
  WrongExpectedVersionError,
  StreamNotFoundError,
  AppendTooLargeError,
  StoreClosedError,
  StoreCorruptError,
  StoreLockedError,
  InvalidEventError,
  EventIdConflictError,
  InvalidAppendError,
  InvalidReadError,
  ConditionFailedError,
  type CorruptionSite,
} from './eventStore/errors.ts';
export {
  eventSchemaFromCodecs,
  type EventSchema,
  type StoredForm,
  type CatalogueEvent,
} from './eventStore/eventSchema.ts';
export { ioTsFieldPath, ioTsFailures, type FieldFailure } from './eventStore/fieldPath.ts';
export { isStorableStreamName } from './eventStore/storableStreamName.ts';
export { isEventId } from './eventStore/prepareAppend.ts';
export { inMemoryEventStore, type InMemoryEventStoreOptions } from './memory/inMemoryEventStore.ts';
export { StoreOptionsError } from './eventStore/storeOptionFields.ts';
export { MemoryStoreOptionsError } from './memory/memoryStoreOptions.ts';
export {
  openFileEventStore,
  type FileEventStore,
  type FileEventStoreOptions,
} from './file/fileEventStore.ts';
export { FileStoreOptionsError } from './file/fileStoreOptions.ts';
export {
  verifyLog, type AnchorFound, type VerifyOptions, type VerifyResult,
} from './file/verifyLog.ts';
export type { LineAt, SignatureReport } from './file/signatureTally.ts';
export {
  generateSigningKeys, SigningKeyError, type KeyInput, type SigningKeyFiles,
} from './file/signingKeys.ts';
export type { TornTail } from './file/scanLog.ts';
export type { OpenedFrom } from './file/loadIndex.ts';
export { exportEventLog, type ExportResult } from './file/exportLog.ts';
export { readLogForwards, type ReadLogForwardsOptions } from './file/readLogForwards.ts';
export { logEnd } from './file/logEnd.ts';
export { spaceStepBytes } from './file/logSpace.ts';
export { importEventLog, type ImportResult } from './file/importLog.ts';
export { genesisHash, notALogLine } from './file/lineFormat.ts';
export {
  FileAccessError, fileAccessMeaning, notAFile, readRegularFile,
} from './durable/fileAccess.ts';
export * from './app/index.ts';
