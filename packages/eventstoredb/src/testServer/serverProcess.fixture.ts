// Test servers in a child process, started and stopped over IPC by `serverProcess.ts`. The
// servers register @eventstore/db-client's generated protobuf classes, which are global to a
// process: a KurrentDB client in the same process would find its own classes replaced by
// these (older) ones, so a test of that client keeps the servers here.
import { startEsdbTestServer } from './server.ts';
import type { EsdbTestServer, EsdbTestServerOptions } from './server.ts';

/** What the parent asks. */
export type ServerRequest =
  | { readonly id: number; readonly start: EsdbTestServerOptions }
  | { readonly id: number; readonly stop: number }
  | { readonly id: number; readonly crash: number; readonly after: number }
  | { readonly id: number; readonly restart: number };

const servers = new Map<number, EsdbTestServer>();

const handle = async (request: ServerRequest): Promise<number> => {
  if ('start' in request) {
    const server = await startEsdbTestServer(request.start);
    servers.set(server.port, server);
    return server.port;
  }
  if ('crash' in request) {
    servers.get(request.crash)?.crashAfterWrites(request.after);
    return request.crash;
  }
  if ('restart' in request) {
    await servers.get(request.restart)?.start();
    return request.restart;
  }
  await servers.get(request.stop)?.stop();
  servers.delete(request.stop);
  return request.stop;
};

process.on('message', (request: ServerRequest) => {
  handle(request).then(
    (port) => process.send?.({ id: request.id, port }),
    (e: unknown) => process.send?.({ id: request.id, error: String(e) }),
  );
});
// Leave with the parent, whatever way it ends.
process.on('disconnect', () => process.exit(0));
