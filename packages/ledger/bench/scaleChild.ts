// One measurement of the scale bench, run alone in a child process so that one heap does not
// colour the next; prints `RESULT <json>` on standard output.
//   write <events>                  the history's log, from the cache or written now
//   parse <log>                     JSON.parse of every line: the parse bound, the baseline
//   open <log> <day> <tag> <m>      open the store and the Ledger, a command, 20 more, close
//                                   (writing both checkpoints)
//   crash <log> <day> <tag> <m> <n> open, n commands, then SIGKILL itself (no close)
//   checkpoints <log>               a reopen's parts: checkpoint bytes read, SHA-256, restore
//   close <log>                     open the store alone and close it (its checkpoint then
//                                   covers every line)
//   tail <log> <offset>             open the store, then read every event from the line at
//                                   <offset> on: what a crash reopen's tail costs to read once
//   parts <log>                     a crash reopen's parts, read-only, one after the other:
//                                   the store's open, the Ledger's checkpoint, the catch-up's
//                                   read (decoded), the command index's fold, the others'
//   session <log> <day> <tag> <m> <n> <policy>
//                                   an app's session: open, n commands, close; each close
//                                   writes both checkpoints (`every`) or as by default
//                                   (`default`: only after enough was appended since them)
// Commands are deposits into the savings accounts of the first <m> members (those admitted in
// the history's first month) on <day> (after the history), their ids tagged with <tag> so that
// each child's are new.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { openFileEventStore } from '../src/file/fileEventStore.ts';
import { readIndexCheckpoint as readFileIndexCheckpoint } from
  '../src/file/fileIndexCheckpoint.ts';
import { readIndexCheckpoint as readLedgerIndexCheckpoint } from
  '../src/app/ledger/indexCheckpoint.ts';
import { createLedger } from '../src/app/ledger/createLedger.ts';
import { readsFrom } from '../src/app/ledger/catchUp.ts';
import { checkpointPlace, openIndexes } from '../src/app/ledger/openIndexes.ts';
import type { SeenUpTo } from '../src/app/ledger/indexCheckpoint.ts';
import type { StreamEvent } from '../src/app/log/ledgerEvent.ts';
import { ledgerEventSchema } from '../src/app/log/ledgerEvent.ts';
import { position } from '../src/eventStore/position.ts';
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

const openLedger = async (everyClose = false) => {
  const t0 = performance.now();
  const c0 = process.cpuUsage();
  const store = await openFileEventStore({ file, schema: ledgerEventSchema,
    ...(everyClose ? { checkpointOnCloseAfterBytes: 0 } : {}) });
  const storeMs = ms(t0);
  const storeCpuMs = cpuMs(c0);
  const t1 = performance.now();
  const c1 = process.cpuUsage();
  const ledger = await createLedger({ store, products: scaleProducts,
    ...(everyClose ? { indexCheckpoint: { onCloseAfterEvents: 0 } } : {}) });
  return { store, ledger, storeMs, ledgerMs: ms(t1), storeCpuMs, ledgerCpuMs: cpuMs(c1) };
};

// A deposit's wall time; its CPU time is added to `spentCpuMs`.
let spentCpuMs = 0;
const deposit = async (ledger: Awaited<ReturnType<typeof openLedger>>['ledger'], n: number) => {
  const t0 = performance.now();
  const c0 = process.cpuUsage();
  const o = await ledger.execute({ type: 'MakeDeposit', data: { commandId: `${tag}-${n}`,
    actor: 'clerk-1', on: day, accountId: savingsId(member(n)), amount: '250', source: 'cash' } });
  if (o.status !== 'accepted' || o.duplicate) {
    throw new Error(`deposit ${n} not newly accepted: ${JSON.stringify(o)}`);
  }
  spentCpuMs = cpuMs(c0);
  return ms(t0);
};

// The close writes both checkpoints whatever followed them (as closes did until 2026-12-06), so
// that a reopen after it is the clean reopen the crash's is compared with: one that reads nothing.
const open = async () => {
  const { store, ledger, storeMs, ledgerMs, storeCpuMs, ledgerCpuMs } = await openLedger(true);
  globalThis.gc?.();
  const memory = process.memoryUsage();
  const firstMs = await deposit(ledger, 1);
  const firstCpuMs = spentCpuMs;
  const warm: number[] = [];
  const warmCpu: number[] = [];
  for (let n = 2; n <= 21; n += 1) {
    warm.push(await deposit(ledger, n));
    warmCpu.push(spentCpuMs);
  }
  const median = (xs: number[]) => xs.sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? 0;
  const t0 = performance.now();
  await ledger.close();
  await store.close();
  report({
    storeMs, ledgerMs, storeCpuMs, ledgerCpuMs, closeMs: ms(t0), heapMiB: mib(memory.heapUsed),
    externalMiB: mib(memory.external), rssAfterOpenMiB: mib(memory.rss), firstMs, firstCpuMs,
    warmMs: median(warm), warmCpuMs: median(warmCpu),
    storeOpened: Reflect.get(store, 'opened'), ledgerOpened: Reflect.get(ledger, 'opened'),
  });
};

const crash = async () => {
  const { ledger } = await openLedger();
  for (let n = 1; n <= Number(count); n += 1) await deposit(ledger, n);
  process.kill(process.pid, 'SIGKILL');
};

// Where a reopen's time goes, for each checkpoint file: reading its bytes (into memory of
// their own, as the restore does), SHA-256 over them, and the whole read (bytes, hash and
// restore, as an open does it); wall and CPU milliseconds.
const checkpoints = async () => {
  const timed = async (f: () => unknown) => {
    const t0 = performance.now();
    const c0 = process.cpuUsage();
    await f();
    return { ms: ms(t0), cpuMs: cpuMs(c0) };
  };
  const parts = async (path: string, restore: () => Promise<{ found: boolean }>) => {
    let bytes = Buffer.alloc(0);
    const read = await timed(() => { bytes = readFileSync(path); });
    const sha = await timed(() => createHash('sha256').update(bytes).digest());
    const mibs = mib(bytes.length);
    bytes = Buffer.alloc(0);
    let found = false;
    const whole = await timed(async () => { found = (await restore()).found; });
    return { mib: mibs, read, sha, whole, found };
  };
  report({
    store: await parts(`${file}.index`, () => readFileIndexCheckpoint(`${file}.index`)),
    ledger: await parts(`${file}.ledger-index`,
      () => readLedgerIndexCheckpoint(`${file}.ledger-index`)),
  });
};

// Brings the store's checkpoint to the log's end, however little follows it (a close writes one
// only after `checkpointOnCloseAfterBytes`, 4 MiB by default): so that a `tail` child's open
// reads no line, and its read of the tail is the whole of reading it.
const closeStore = async () => {
  const store = await openFileEventStore({
    file, schema: ledgerEventSchema, checkpointOnCloseAfterBytes: 0,
  });
  await store.close();
  report({ storeOpened: store.opened });
};

// The events from the line at byte `day` (this mode's second argument) on, read forwards in a
// fresh process through the store, as a Ledger's catch-up reads them: decoded, hash checked.
const tail = async () => {
  const store = await openFileEventStore({ file, schema: ledgerEventSchema });
  const t0 = performance.now();
  const c0 = process.cpuUsage();
  let events = 0;
  for await (const e of store.readAll({ from: position(BigInt(day)) })) events += e.type ? 1 : 0;
  const readMs = ms(t0);
  const readCpuMs = cpuMs(c0);
  await store.close();
  report({ readMs, readCpuMs, events, storeOpened: store.opened });
};

// Where a crash reopen's CPU goes, the Ledger's steps taken apart as createLedger takes them
// together (indexes restored, the log read after them, each event shown to each index): what
// the catch-up's extra over a clean reopen is made of. Read-only: the files stay as they are.
const parts = async () => {
  let c0 = process.cpuUsage();
  const lap = () => {
    const spent = cpuMs(c0);
    c0 = process.cpuUsage();
    return spent;
  };
  const store = await openFileEventStore({ file, schema: ledgerEventSchema, mode: 'read-only' });
  const storeCpuMs = lap();
  const start = await openIndexes(store, checkpointPlace(store, undefined));
  const restoreCpuMs = lap();
  const events: StreamEvent[] = [];
  let seen: SeenUpTo | undefined = start.seen;
  await readsFrom(store, () => seen?.position, (e) => {
    events.push(e);
    seen = { position: e.position, eventId: e.eventId };
  })();
  const readCpuMs = lap();
  const { commands, members, processes, society, staff } = start.indexes;
  for (const e of events) commands.observe(e);
  const commandIndexCpuMs = lap();
  for (const e of events) {
    members.observe(e); processes.observe(e); society.observe(e); staff.observe(e);
  }
  const otherIndexesCpuMs = lap();
  await store.close();
  report({ storeCpuMs, restoreCpuMs, readCpuMs, commandIndexCpuMs, otherIndexesCpuMs,
    events: events.length, restored: start.seen !== undefined, storeOpened: store.opened });
};

// An app's session between two restarts: open, `count` deposits, close (policy: the seventh
// argument). A restart is one session's close and the next one's open.
const session = async () => {
  const policy = process.argv[8];
  if (policy !== 'every' && policy !== 'default') throw new Error(`policy ${String(policy)}`);
  const { store, ledger, storeMs, ledgerMs, storeCpuMs, ledgerCpuMs } =
    await openLedger(policy === 'every');
  const tc = performance.now();
  const cc = process.cpuUsage();
  for (let n = 1; n <= Number(count); n += 1) await deposit(ledger, n);
  const commandsMs = ms(tc);
  const commandsCpuMs = cpuMs(cc);
  const t0 = performance.now();
  const c0 = process.cpuUsage();
  await ledger.close();
  await store.close();
  report({ openMs: storeMs + ledgerMs, openCpuMs: storeCpuMs + ledgerCpuMs, commandsMs,
    commandsCpuMs, closeMs: ms(t0), closeCpuMs: cpuMs(c0), storeOpened: store.opened,
    ledgerOpened: ledger.opened });
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
else if (mode === 'checkpoints') await checkpoints();
else if (mode === 'close') await closeStore();
else if (mode === 'tail') await tail();
else if (mode === 'parts') await parts();
else if (mode === 'session') await session();
else throw new Error(`scaleChild: unknown mode ${String(mode)}`);
