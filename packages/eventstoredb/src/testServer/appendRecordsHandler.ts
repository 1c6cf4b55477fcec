// KurrentDB's StreamsService.AppendRecords (protocol v2, KurrentDB 26.1 and later): records
// for any streams, written in the order sent under one commit position, after consistency
// checks on any streams, written to or not; a failed check writes nothing and the call fails
// FAILED_PRECONDITION with every failing check in its status details. A record's properties
// (a map of values) are shown to a v1 read as metadata JSON, each value as text, beside the
// server's `$schema.format` and `$schema.name`. Refusals carry the v2 error details (as the
// client's own tests of a 26.1 server expect): a tombstoned stream written to, an append over
// the size limit.
import { Metadata, status } from '@grpc/grpc-js';
import type { sendUnaryData, ServerErrorResponse, ServerUnaryCall } from '@grpc/grpc-js';
import { packAny, statusPb } from './generated.ts';
import { streamsV2 } from './generatedV2.ts';
import type { StreamsV2 } from './generatedV2.ts';
import { invalidArgument } from './rpcErrors.ts';
import type { ExpectedRevision } from './expectedRevision.ts';
import type { ProposedRecord, StateCheck, Violation } from './eventLog.ts';
import type { ServerContext } from './serverContext.ts';

type Pb = StreamsV2['pb'];
type Request = InstanceType<Pb['AppendRecordsRequest']>;
type Response = InstanceType<Pb['AppendRecordsResponse']>;
type Record = InstanceType<Pb['AppendRecord']>;

const encoder = new TextEncoder();
// SchemaFormat.SCHEMA_FORMAT_JSON
const jsonFormat = 1;

// A property's value as the server writes it into the metadata it shows v1 reads.
const asText = (value: unknown): string =>
  typeof value === 'string' ? value
    : typeof value === 'object' && value !== null ? JSON.stringify(value) : String(value);

const recordOf = (r: Record): ProposedRecord => {
  const json = r.getSchema()?.getFormat() === jsonFormat;
  const type = r.getSchema()?.getName() ?? '';
  const properties = r.getPropertiesMap().getEntryList()
    .map(([key]) => [key, asText(r.getPropertiesMap().get(key)?.toJavaScript())] as const);
  return {
    streamName: r.getStream(),
    id: r.getRecordId() || crypto.randomUUID(),
    type,
    contentType: json ? 'application/json' : 'application/octet-stream',
    data: r.getData_asU8(),
    customMetadata: encoder.encode(JSON.stringify({ ...Object.fromEntries(properties),
      '$schema.format': json ? 'Json' : 'Bytes', '$schema.name': type })),
  };
};

// The wire's expected state (-1 no stream, -2 any, -4 exists, else a revision).
const expectedOf = (text: string): ExpectedRevision => {
  switch (text) {
    case '-1': return { kind: 'no_stream' };
    case '-2': return { kind: 'any' };
    case '-4': return { kind: 'stream_exists' };
    default: return { kind: 'revision', revision: BigInt(text) };
  }
};

const wireExpected = (e: ExpectedRevision): string => {
  switch (e.kind) {
    case 'no_stream': return '-1';
    case 'any': return '-2';
    case 'stream_exists': return '-4';
    case 'revision': return e.revision.toString();
  }
};

// A call error whose status details pack `details` (a v2 error message) under its type name.
const v2Error = (code: status, message: string, bytes: Uint8Array, typeName: string):
  ServerErrorResponse => {
  const body = new statusPb.Status().setCode(code as number).setMessage(message)
    .setDetails(packAny(bytes, `kurrentdb.protocol.v2.streams.errors.${typeName}`));
  const metadata = new Metadata();
  metadata.set('grpc-status-details-bin', Buffer.from(body.serializeBinary()));
  return Object.assign(new Error(message), { code, details: message, metadata });
};

// FAILED_PRECONDITION with AppendConsistencyViolationErrorDetails in its status details.
const violated = (v2: StreamsV2, violations: readonly Violation[]): ServerErrorResponse => {
  const details = new v2.errorsPb.AppendConsistencyViolationErrorDetails();
  for (const v of violations) {
    const state = new v2.errorsPb.ConsistencyViolation.StreamStateViolation()
      .setStream(v.streamName).setExpectedState(wireExpected(v.expected))
      .setActualState(v.actual.toString());
    details.addViolations(new v2.errorsPb.ConsistencyViolation()
      .setCheckIndex(v.checkIndex).setStreamState(state));
  }
  return v2Error(status.FAILED_PRECONDITION, 'Append consistency violation',
    details.serializeBinary(), 'AppendConsistencyViolationErrorDetails');
};

/** The handler of StreamsService.AppendRecords. */
export const appendRecordsHandler = (ctx: ServerContext) => {
  const v2 = streamsV2();
  return (call: ServerUnaryCall<Request, Response>, callback: sendUnaryData<Response>) => {
    ctx.calls.appendRecords += 1;
    const fault = ctx.fault();
    if (fault !== undefined) return callback(fault);
    let records: ProposedRecord[];
    let checks: StateCheck[];
    try {
      records = call.request.getRecordsList().map(recordOf);
      checks = call.request.getChecksList().map((c) => ({
        streamName: c.getStreamState()?.getStream() ?? '',
        expected: expectedOf(c.getStreamState()?.getExpectedState() ?? '-2'),
      }));
    } catch (e) {
      return callback(invalidArgument(`not an AppendRecords request: ${String(e)}`));
    }
    const outcome = ctx.log.appendRecords(records, checks);
    if (outcome.kind === 'violated') return callback(violated(v2, outcome.violations));
    if (outcome.kind === 'stream_deleted') {
      return callback(v2Error(status.FAILED_PRECONDITION, 'Stream tombstoned',
        new v2.errorsPb.StreamTombstonedErrorDetails().setStream(outcome.streamName)
          .serializeBinary(), 'StreamTombstonedErrorDetails'));
    }
    if (outcome.kind === 'too_big') {
      return callback(v2Error(status.ABORTED, 'Transaction max size exceeded',
        new v2.errorsPb.AppendTransactionSizeExceededErrorDetails().setSize(outcome.size)
          .setMaxSize(outcome.maxAppendSizeBytes).serializeBinary(),
        'AppendTransactionSizeExceededErrorDetails'));
    }
    if (ctx.afterWrite()) return;
    const response = new v2.pb.AppendRecordsResponse().setPosition(outcome.commit.toString());
    for (const [stream, revision] of outcome.revisions) {
      response.addRevisions(new v2.pb.StreamRevision().setStream(stream)
        .setRevision(revision.toString()));
    }
    callback(null, response);
  };
};
