// An in-process gRPC server that speaks EventStoreDB's client protocol over loopback, for
// testing adapters without an EventStoreDB binary. It registers the client's own generated
// service definitions, so the wire format is exactly what @eventstore/db-client expects.
import { Server, ServerCredentials } from '@grpc/grpc-js';
import type { ServerErrorResponse, UntypedServiceImplementation } from '@grpc/grpc-js';
import { appendHandler } from './appendHandler.ts';
import { appendRecordsHandler } from './appendRecordsHandler.ts';
import { streamsV2 } from './generatedV2.ts';
import { batchAppendHandler } from './batchAppendHandler.ts';
import { deleteHandler, tombstoneHandler } from './deleteHandlers.ts';
import { createEventLog } from './eventLog.ts';
import { supportedMethodsHandler } from './featuresService.ts';
import { featuresGrpcPb, streamsGrpcPb } from './generated.ts';
import { readHandler } from './readHandler.ts';
import { notLeader } from './rpcErrors.ts';
import { zeroCounts } from './serverContext.ts';
import type { EventLog } from './eventLog.ts';
import type { CallCounts, ServerContext } from './serverContext.ts';

/** Options of the test server. */
export interface EsdbTestServerOptions {
  /** Serve and advertise BatchAppend (the client then appends through it). Default true. */
  readonly batchAppend?: boolean;
  /** Serve ServerFeatures; without it the client gets UNIMPLEMENTED and uses Append. */
  readonly serverFeatures?: boolean;
  /**
   * Serve KurrentDB's v2 StreamsService.AppendRecords (KurrentDB 26.1 and later), built from
   * the KurrentDB client's generated modules, and report version 26.1.0 listing it among its
   * methods. Default false: it is not listed, as by EventStoreDB and KurrentDB before 26.1,
   * and the client refuses to call it.
   */
  readonly appendRecords?: boolean;
  /** The largest append accepted, in bytes of data, metadata and type. Default 1,048,576. */
  readonly maxAppendSizeBytes?: number;
}

/** A running (or stopped) test server; its log survives stop and start, like a disk. */
export interface EsdbTestServer {
  readonly port: number;
  /** `esdb://127.0.0.1:PORT?tls=false`, as the client takes it. */
  readonly connectionString: string;
  readonly log: EventLog;
  readonly calls: CallCounts;
  readonly running: () => boolean;
  /** Stops at once, cutting every call, as a crash would. The log is kept. */
  readonly stop: () => Promise<void>;
  /** Starts again on the same port. */
  readonly start: () => Promise<void>;
  /** The server stores the `n`th next write, then crashes before answering it. */
  readonly crashAfterWrites: (n: number) => void;
  /** While set, every call is refused with not-leader naming this endpoint. */
  readonly setNotLeader: (leader: { host: string; port: number } | undefined) => void;
}

const host = '127.0.0.1';

const bind = (server: Server, port: number) =>
  new Promise<number>((resolve, reject) => {
    server.bindAsync(`${host}:${port}`, ServerCredentials.createInsecure(),
      (error, bound) => (error ? reject(error) : resolve(bound)));
  });

/** Starts a test server on 127.0.0.1 with an ephemeral port. */
export const startEsdbTestServer = async (options: EsdbTestServerOptions = {}):
  Promise<EsdbTestServer> => {
  const batchAppend = options.batchAppend ?? true;
  const log = createEventLog({ maxAppendSizeBytes: options.maxAppendSizeBytes });
  const live = new Set<() => void>();
  let leader: { host: string; port: number } | undefined;
  let crashCountdown = 0;
  let server: Server | undefined;
  let port = 0;

  const ctx: ServerContext = {
    log,
    calls: zeroCounts(),
    fault: (): ServerErrorResponse | undefined =>
      leader === undefined ? undefined : notLeader(leader.host, leader.port),
    afterWrite: () => {
      if (crashCountdown === 0 || --crashCountdown > 0) return false;
      void stop();
      return true;
    },
    track: (stopCall) => {
      live.add(stopCall);
      return () => live.delete(stopCall);
    },
  };

  const streams: UntypedServiceImplementation = {
    read: readHandler(ctx),
    append: appendHandler(ctx),
    delete: deleteHandler(ctx),
    tombstone: tombstoneHandler(ctx),
  };
  if (batchAppend) streams['batchAppend'] = batchAppendHandler(ctx);

  const start = async () => {
    if (server !== undefined) return;
    const s = new Server();
    s.addService(streamsGrpcPb.StreamsService, streams);
    if (options.appendRecords === true) {
      s.addService(streamsV2().grpcPb.StreamsServiceService,
        { appendRecords: appendRecordsHandler(ctx) });
    }
    if (options.serverFeatures ?? true) {
      s.addService(featuresGrpcPb.ServerFeaturesService,
        { getSupportedMethods: supportedMethodsHandler(ctx, batchAppend,
          options.appendRecords === true) });
    }
    // A restarted server may find the port still held for a moment; retry a bounded time.
    for (let attempt = 0; ; attempt++) {
      try {
        port = await bind(s, port);
        break;
      } catch (error) {
        if (attempt >= 20) throw error;
        await new Promise((r) => setTimeout(r, 50));
      }
    }
    server = s;
  };

  const stop = async () => {
    const s = server;
    if (s === undefined) return;
    server = undefined;
    for (const stopCall of [...live]) stopCall();
    live.clear();
    s.forceShutdown();
  };

  await start();
  return {
    get port() { return port; },
    get connectionString() { return `esdb://${host}:${port}?tls=false`; },
    log,
    calls: ctx.calls,
    running: () => server !== undefined,
    stop,
    start,
    crashAfterWrites: (n) => { crashCountdown = n; },
    setNotLeader: (l) => { leader = l; },
  };
};
