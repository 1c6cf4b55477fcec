// The reopen of a large log after a clean close, where its time goes: each open is a fresh
// process (the store, then `createLedger`), timed in wall and CPU time, and the CPU time of
// the main thread alone (the SHA-256 of the checkpoints is taken on another thread), with the
// heap and RSS after it. Run on a copy of a scale log (scaleLog.ts), never the cached one:
//   node --import tsx packages/ledger/bench/reopenScale.ts main <copy of usha.ndjson> [reopens]
// Without checkpoints beside the log it first opens cold and closes (which writes them).
import { spawnSync } from 'node:child_process';
import { readFileSync, statSync } from 'node:fs';
import { loadavg } from 'node:os';
import { createLedger } from '../src/app/ledger/createLedger.ts';
import { ledgerEventSchema } from '../src/app/log/ledgerEvent.ts';
import { openFileEventStore } from '../src/file/fileEventStore.ts';
import { scaleProducts } from './scalePlan.ts';

const [mode = '', file = '', reopens = '5'] = process.argv.slice(2);
const mib = (bytes: number) => Math.round(bytes / 2 ** 20);
const cpuMs = (c0: NodeJS.CpuUsage) => {
  const c = process.cpuUsage(c0);
  return Math.round((c.user + c.system) / 1000);
};
// This thread's CPU time (Linux): what an idle machine's wall time cannot go below.
const mainThreadNs = (): number => Number(
  readFileSync(`/proc/self/task/${process.pid}/schedstat`, 'utf8').split(' ')[0]);

const child = async () => {
  const t0 = performance.now();
  const c0 = process.cpuUsage();
  const m0 = mainThreadNs();
  const store = await openFileEventStore({ file, schema: ledgerEventSchema });
  const storeMs = performance.now() - t0;
  const storeCpuMs = cpuMs(c0);
  const ledger = await createLedger({ store, products: scaleProducts });
  const result = {
    storeMs: Math.round(storeMs), storeCpuMs, ms: Math.round(performance.now() - t0),
    cpuMs: cpuMs(c0),
    mainCpuMs: Math.round((mainThreadNs() - m0) / 1e6),
  };
  globalThis.gc?.();
  const m = process.memoryUsage();
  const t1 = performance.now();
  await ledger.close();
  await store.close();
  process.stdout.write(`RESULT ${JSON.stringify({
    ...result, heapMiB: mib(m.heapUsed), rssMiB: mib(m.rss), externalMiB: mib(m.external),
    closeMs: Math.round(performance.now() - t1), store: Reflect.get(store, 'opened'),
    ledger: Reflect.get(ledger, 'opened'),
  })}\n`);
};

type Result = Record<string, number | object>;
const run = (heapMiB?: number): Result => {
  const r = spawnSync(process.execPath, [
    ...(heapMiB === undefined ? [] : [`--max-old-space-size=${heapMiB}`]),
    '--expose-gc', '--import', 'tsx', new URL(import.meta.url).pathname, 'child', file,
  ], { encoding: 'utf8', maxBuffer: 1 << 24 });
  const line = /^RESULT (.*)$/m.exec(r.stdout)?.[1];
  if (line === undefined) throw new Error(`the child failed: ${r.stderr.slice(-400)}`);
  return JSON.parse(line) as Result;
};

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? 0;
const size = (f: string) => { try { return mib(statSync(f).size); } catch { return 0; } };

const main = () => {
  const show = (label: string, r: Result) => console.log(label, JSON.stringify(r));
  console.log(`load average ${loadavg().map((l) => l.toFixed(1)).join(' ')}`);
  if (size(`${file}.index`) === 0 || size(`${file}.ledger-index`) === 0) show('cold', run());
  console.log(`checkpoints: ${size(`${file}.index`)} MiB .index, `
    + `${size(`${file}.ledger-index`)} MiB .ledger-index`);
  const runs = Array.from({ length: Number(reopens) }, () => run());
  runs.forEach((r, i) => show(`reopen ${i + 1}`, r));
  const key = (k: string) => median(runs.map((r) => Number(r[k])));
  console.log(`median of ${runs.length}: ${key('ms')} ms wall, ${key('cpuMs')} ms CPU, `
    + `${key('mainCpuMs')} ms CPU on the main thread; heap ${key('heapMiB')} MiB, `
    + `RSS ${key('rssMiB')} MiB`);
  show('reopen in 128 MiB', run(128));
  console.log(`load average ${loadavg().map((l) => l.toFixed(1)).join(' ')}`);
};

if (mode === 'child') await child();
else main();
