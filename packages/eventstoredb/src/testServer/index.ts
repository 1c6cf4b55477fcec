export { startEsdbTestServer } from './server.ts';
export type { EsdbTestServer, EsdbTestServerOptions } from './server.ts';
export type { EventLog, LogEntry } from './eventLog.ts';
export type { CallCounts } from './serverContext.ts';
