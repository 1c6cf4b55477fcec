// The cost of reading members' savings streams whole from the file store, as a command on a
// member not folded in this process does: CPU and wall time per event and per stream. Run on
// a copy of a scale log (scaleLog.ts) with its checkpoints beside it (a read-write open and
// close writes them), never the cached one; the copy is opened read-only:
//   node --import tsx packages/ledger/bench/streamReads.ts <copy of usha.ndjson> [streams] [skip]
//     [path of another build of fileEventStore.ts, to compare]
// Member i is taken every `skip` members, so the streams are spread over the log.
import { readFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { ledgerEventSchema } from '../src/app/log/ledgerEvent.ts';
import { openFileEventStore as current } from '../src/file/fileEventStore.ts';
import { savingsId } from './scaleHistory.ts';

const [file = '', streamsArg = '300', skipArg = '7', storeModule] = process.argv.slice(2);
const streams = Number(streamsArg);
const skip = Number(skipArg);

// This thread's CPU time (Linux), apart from the reads' on the thread pool.
const mainThreadNs = (): number => Number(
  readFileSync(`/proc/self/task/${process.pid}/schedstat`, 'utf8').split(' ')[0]);

const main = async () => {
  // Another build of the store (a copy of fileEventStore.ts) to compare with, in the same run.
  const openFileEventStore: typeof current = storeModule === undefined ? current
    : (await import(storeModule) as { openFileEventStore: typeof current }).openFileEventStore;
  const store = await openFileEventStore({ file, schema: ledgerEventSchema, mode: 'read-only' });
  let events = 0;
  const t0 = performance.now();
  const c0 = process.cpuUsage();
  const m0 = mainThreadNs();
  for (let k = 0; k < streams; k++) {
    for await (const _ of store.readStream(`deposit-${savingsId(k * skip)}`)) events++;
  }
  const c = process.cpuUsage(c0);
  const mainUs = (mainThreadNs() - m0) / 1000;
  const wallUs = (performance.now() - t0) * 1000;
  const cpuUs = c.user + c.system;
  await store.close();
  const per = (us: number, n: number) => Math.round((us / n) * 10) / 10;
  process.stdout.write(`${JSON.stringify({
    streams, events, cpuUsPerEvent: per(cpuUs, events), mainCpuUsPerEvent: per(mainUs, events),
    wallUsPerEvent: per(wallUs, events),
    cpuMsPerStream: per(cpuUs / 1000, streams), wallMsPerStream: per(wallUs / 1000, streams),
    loadAverage: loadavg()[0]?.toFixed(1),
  })}\n`);
};

await main();
