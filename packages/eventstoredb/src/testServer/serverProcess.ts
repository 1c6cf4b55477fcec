// The parent side of `serverProcess.fixture.ts`: fresh test servers in one child process.
import { fork } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import type { EsdbTestServerOptions } from './server.ts';

/** A test server in the child process: where to reach it, and how to stop it. */
export interface RemoteTestServer {
  readonly port: number;
  /** `kurrentdb://127.0.0.1:PORT?tls=false` (the KurrentDB client's scheme). */
  readonly connectionString: string;
  readonly stop: () => Promise<void>;
  /** The server stores the `n`th next write, then crashes before answering it. */
  readonly crashAfterWrites: (n: number) => Promise<void>;
  /** Starts it again on its port after a stop or a crash; its log is kept. */
  readonly restart: () => Promise<void>;
}

/** The child process and what it serves. */
export interface TestServerProcess {
  readonly start: (options: EsdbTestServerOptions) => Promise<RemoteTestServer>;
  /** Stops every server and ends the child. */
  readonly close: () => Promise<void>;
}

interface Reply {
  readonly id: number;
  readonly port?: number;
  readonly error?: string;
}

/** Forks the child that hosts test servers; no server of this kind runs in this process. */
export const startTestServerProcess = (): TestServerProcess => {
  const child: ChildProcess = fork(new URL('./serverProcess.fixture.ts', import.meta.url), {
    execArgv: ['--import', 'tsx'],
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  const waiting = new Map<number, (r: Reply) => void>();
  let next = 0;
  child.on('message', (r: Reply) => {
    waiting.get(r.id)?.(r);
    waiting.delete(r.id);
  });
  const ask = (request: object): Promise<number> => new Promise((resolve, reject) => {
    const id = next++;
    waiting.set(id, (r) => r.port === undefined
      ? reject(new Error(`test server process: ${r.error ?? 'no port'}`))
      : resolve(r.port));
    child.send({ id, ...request });
  });
  return {
    start: async (options) => {
      const port = await ask({ start: options });
      return {
        port,
        connectionString: `kurrentdb://127.0.0.1:${port}?tls=false`,
        stop: async () => {
          await ask({ stop: port });
        },
        crashAfterWrites: async (n) => {
          await ask({ crash: port, after: n });
        },
        restart: async () => {
          await ask({ restart: port });
        },
      };
    },
    close: async () => {
      const exited = new Promise((r) => child.once('exit', r));
      child.disconnect();
      await exited;
    },
  };
};
