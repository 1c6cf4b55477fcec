// The client's own generated protobuf modules. The server must build its replies from these
// very classes: the generated gRPC serializers check `instanceof` against them, so a second
// copy of the messages (protobufjs, another google-protobuf) would be rejected on the wire.
// The modules are CommonJS that Node's ESM loader cannot see named exports in, hence require.
import { createRequire } from 'node:module';

type StreamsPb = typeof import('@eventstore/db-client/generated/streams_pb.js');
type StreamsGrpcPb = typeof import('@eventstore/db-client/generated/streams_grpc_pb.js');
type SharedPb = typeof import('@eventstore/db-client/generated/shared_pb.js');
type StatusPb = typeof import('@eventstore/db-client/generated/status_pb.js');
type FeaturesPb = typeof import('@eventstore/db-client/generated/serverfeatures_pb.js');
type FeaturesGrpcPb =
  typeof import('@eventstore/db-client/generated/serverfeatures_grpc_pb.js');

const require = createRequire(import.meta.url);
const client = '@eventstore/db-client/generated';

export const streamsPb: StreamsPb = require(`${client}/streams_pb.js`);
export const streamsGrpcPb: StreamsGrpcPb = require(`${client}/streams_grpc_pb.js`);
export const sharedPb: SharedPb = require(`${client}/shared_pb.js`);
export const statusPb: StatusPb = require(`${client}/status_pb.js`);
export const featuresPb: FeaturesPb = require(`${client}/serverfeatures_pb.js`);
export const featuresGrpcPb: FeaturesGrpcPb = require(`${client}/serverfeatures_grpc_pb.js`);

/** google.protobuf.Any as the client's status_pb sees it. */
export type AnyMessage = NonNullable<ReturnType<InstanceType<StatusPb['Status']>['getDetails']>>;

// google-protobuf is the client's dependency, not ours: resolve it from beside the client's
// generated code so that `Any` is the very class its status messages were built with.
const fromClient = createRequire(require.resolve(`${client}/status_pb.js`));
const anyPb: { Any: new () => AnyMessage } =
  fromClient('google-protobuf/google/protobuf/any_pb.js');

/** Packs a serialized message into a google.protobuf.Any under its full type name. */
export const packAny = (bytes: Uint8Array, typeName: string): AnyMessage => {
  const any = new anyPb.Any();
  any.pack(bytes, typeName);
  return any;
};

type WrongExpectedVersionPb = InstanceType<SharedPb['WrongExpectedVersion']>;
/** google.protobuf.Empty as the client's messages see it (distinct from shared_pb.Empty). */
export type GoogleEmpty = NonNullable<ReturnType<WrongExpectedVersionPb['getCurrentNoStream']>>;
const emptyPb: { Empty: new () => GoogleEmpty } =
  fromClient('google-protobuf/google/protobuf/empty_pb.js');

/** A google.protobuf.Empty built from the client's own google-protobuf. */
export const googleEmpty = (): GoogleEmpty => new emptyPb.Empty();
