// ServerFeatures.GetSupportedMethods: the client asks once per channel before its first append
// and uses BatchAppend only when listed. Names are lower-cased, as the real server sends them.
import type { sendUnaryData, ServerUnaryCall } from '@grpc/grpc-js';
import { featuresPb, sharedPb } from './generated.ts';
import type { ServerContext } from './serverContext.ts';

type Empty = InstanceType<typeof sharedPb.Empty>;
type SupportedMethods = InstanceType<typeof featuresPb.SupportedMethods>;

const streams = 'event_store.client.streams.streams';

const method = (serviceName: string, methodName: string, features: string[] = []) =>
  new featuresPb.SupportedMethod().setServiceName(serviceName).setMethodName(methodName)
    .setFeaturesList(features);

/** The version the test server reports; features are those of this release line. */
export const testServerVersion = '24.10.0';

/** The version it reports when it serves AppendRecords, which came with KurrentDB 26.1. */
export const appendRecordsServerVersion = '26.1.0';

/** The handler of ServerFeatures.GetSupportedMethods. */
export const supportedMethodsHandler = (ctx: ServerContext, batchAppend: boolean,
  appendRecords = false) =>
  (_call: ServerUnaryCall<Empty, SupportedMethods>, callback: sendUnaryData<SupportedMethods>) => {
    ctx.calls.getSupportedMethods += 1;
    const methods = [
      method(streams, 'read', ['position', 'events']),
      method(streams, 'append'),
      method(streams, 'delete'),
      method(streams, 'tombstone'),
      ...(batchAppend ? [method(streams, 'batchappend', ['deadline_duration'])] : []),
      method('event_store.client.server_features.serverfeatures', 'getsupportedmethods'),
      ...(appendRecords
        ? [method('kurrentdb.protocol.v2.streams.streamsservice', 'appendrecords')] : []),
    ];
    callback(null, new featuresPb.SupportedMethods().setMethodsList(methods)
      .setEventStoreServerVersion(appendRecords ? appendRecordsServerVersion
        : testServerVersion));
  };
