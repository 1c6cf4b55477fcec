// One measurement of the scale bench, run alone in a child process so that one heap does not
// colour the next; prints `RESULT <json>` on standard output.
//   write <events>                  the history's log, from the cache or written now
//   parse <log>                     JSON.parse of every line: the parse bound, the baseline
//   open <log> <day> <tag> <m>      open the store and the Ledger, a command, 20 more, close
//   crash <log> <day> <tag> <m> <n> open, n commands, then SIGKILL itself (no close)
// Commands are deposits into the savings accounts of the first <m> members (those admitted in
// the history's first month) on <day> (after the history), their ids tagged with <tag> so that
// each child's are new.
import { openFileEventStore } from '../src/file/fileEventStore.ts';
import { createLedger } from '../src/app/ledger/createLedger.ts';
import { ledgerEventSchema } from '../src/app/log/ledgerEvent.ts';
import { readLines } from '../../projections/bench/readEvents.ts';
import { scaleParameters, scaleProducts } from './scalePlan.ts';
import { cachedScaleLog } from './scaleLog.ts';
import { savingsId } from './scaleHistory.ts';

const [mode, file = '', day = '', tag = '', founders = '1', count = '0'] = process.argv.slice(2);
const ms = (t0: number) => Math.round((performance.now() - t0) * 10) / 10;
// CPU time (user + system, this process's threads), steadier than wall time on a busy machine.
const cpuMs = (c0: NodeJS.CpuUsage) => {
  const c = process.cpuUsage(c0);
  return Math.round((c.user + c.system) / 100) / 10;
};
const mib = (bytes: number) => Math.round(bytes / 2 ** 20);
const report = (result: Record<string, unknown>) => {
  const peakRssMiB = Math.round(process.resourceUsage().maxRSS / 1024);
  process.stdout.write(`RESULT ${JSON.stringify({ ...result, peakRssMiB })}\n`);
};

const parse = () => {
  const t0 = performance.now();
  const c0 = process.cpuUsage();
  let fields = 0;
  const lines = readLines(file, (text) => { fields += Object.keys(JSON.parse(text)).length; });
  report({ ms: ms(t0), cpuMs: cpuMs(c0), lines, fields });
};

// Members spread over the log (one in 997), so that commands seldom touch the same streams.
const member = (n: number) => (n * 997) % Number(founders);

const openLedger = async () => {
  const t0 = performance.now();
  const c0 = process.cpuUsage();
  const store = await openFileEventStore({ file, schema: ledgerEventSchema });
  const storeMs = ms(t0);
  const storeCpuMs = cpuMs(c0);
  const t1 = performance.now();
  const c1 = process.cpuUsage();
  const ledger = await createLedger({ store, products: scaleProducts });
  return { store, ledger, storeMs, ledgerMs: ms(t1), storeCpuMs, ledgerCpuMs: cpuMs(c1) };
};

const deposit = async (ledger: Awaited<ReturnType<typeof openLedger>>['ledger'], n: number) => {
  const t0 = performance.now();
  const o = await ledger.execute({ type: 'MakeDeposit', data: { commandId: `${tag}-${n}`,
    actor: 'clerk-1', on: day, accountId: savingsId(member(n)), amount: '250', source: 'cash' } });
  if (o.status !== 'accepted' || o.duplicate) {
    throw new Error(`deposit ${n} not newly accepted: ${JSON.stringify(o)}`);
  }
  return ms(t0);
};

const open = async () => {
  const { store, ledger, storeMs, ledgerMs, storeCpuMs, ledgerCpuMs } = await openLedger();
  globalThis.gc?.();
  const memory = process.memoryUsage();
  const firstMs = await deposit(ledger, 1);
  const warm: number[] = [];
  for (let n = 2; n <= 21; n += 1) warm.push(await deposit(ledger, n));
  warm.sort((a, b) => a - b);
  const t0 = performance.now();
  await ledger.close();
  await store.close();
  report({
    storeMs, ledgerMs, storeCpuMs, ledgerCpuMs, closeMs: ms(t0), heapMiB: mib(memory.heapUsed),
    externalMiB: mib(memory.external), rssAfterOpenMiB: mib(memory.rss), firstMs,
    warmMs: warm[Math.floor(warm.length / 2)] ?? 0,
    storeOpened: Reflect.get(store, 'opened'), ledgerOpened: Reflect.get(ledger, 'opened'),
  });
};

const crash = async () => {
  const { ledger } = await openLedger();
  for (let n = 1; n <= Number(count); n += 1) await deposit(ledger, n);
  process.kill(process.pid, 'SIGKILL');
};

const write = async () => {
  const log = await cachedScaleLog(scaleParameters(Number(file)),
    (line) => process.stderr.write(`  writing the history: ${line}\n`));
  report({ ...log });
};

if (mode === 'write') await write();
else if (mode === 'parse') parse();
else if (mode === 'open') await open();
else if (mode === 'crash') await crash();
else throw new Error(`scaleChild: unknown mode ${String(mode)}`);
