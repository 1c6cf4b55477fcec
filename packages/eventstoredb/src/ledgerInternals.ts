// The store helpers of @usha/ledger that every store shares but its index does not export yet:
// checking an append, recognising a retry, decoding what was read. The adapter must behave as
// the other stores do, so it uses the same code rather than a copy.
// TODO(@usha/ledger): export these from the package index, then import them from there.
export { prepareAppend, eventContentKey, type PreparedAppend, type PreparedEvent }
  from '../../ledger/src/eventStore/prepareAppend.ts';
export { detectRetry, type StoredRef } from '../../ledger/src/eventStore/detectRetry.ts';
export { decodeRecorded, type RecordedFields }
  from '../../ledger/src/eventStore/decodeRecorded.ts';
export { checkExpectedRevision } from '../../ledger/src/eventStore/expectedRevision.ts';
