// KurrentDB's v2 Streams protocol (AppendRecords), from the KurrentDB client's own generated
// modules: @eventstore/db-client has none. Loaded only by a test server that serves it, in
// the process that hosts test servers (its messages are in their own protobuf package, so they
// do not replace the v1 classes the rest of the server is built from).
import { createRequire } from 'node:module';

type StreamsV2Pb =
  typeof import('@kurrent/kurrentdb-client/generated/kurrentdb/protocols/v2/streams/streams_pb.js');
type StreamsV2GrpcPb = typeof import(
  '@kurrent/kurrentdb-client/generated/kurrentdb/protocols/v2/streams/streams_grpc_pb.js');
type ErrorsV2Pb =
  typeof import('@kurrent/kurrentdb-client/generated/kurrentdb/protocols/v2/streams/errors_pb.js');

/** The generated modules of the v2 Streams service. */
export interface StreamsV2 {
  readonly pb: StreamsV2Pb;
  readonly grpcPb: StreamsV2GrpcPb;
  readonly errorsPb: ErrorsV2Pb;
}

const require = createRequire(import.meta.url);
const at = '@kurrent/kurrentdb-client/generated/kurrentdb/protocols/v2/streams';
let loaded: StreamsV2 | undefined;

/** The v2 modules, loaded on first use. */
export const streamsV2 = (): StreamsV2 => {
  loaded ??= {
    pb: require(`${at}/streams_pb.js`) as StreamsV2Pb,
    grpcPb: require(`${at}/streams_grpc_pb.js`) as StreamsV2GrpcPb,
    errorsPb: require(`${at}/errors_pb.js`) as ErrorsV2Pb,
  };
  return loaded;
};
