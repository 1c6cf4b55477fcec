// A decade of a 20,000-member society in 48 branches (SCALE_EVENTS events, default 1,000,000;
// 4,000,000 for the full table): how the file store and the Ledger open it, cold, after a
// clean close and after a crash, in Node's default heap and in 128 MiB, and what `usha verify`
// and `usha report trial-balance` take. Each figure is one child process (scaleChild.ts), run
// once, on a copy of the cached log (scaleLog.ts); times are printed beside the parse bound,
// JSON.parse of every line of the same log, measured in the same run. The reopens after a
// clean close and after the crash run in SCALE_REOPENS fresh processes each (medians), the
// crash's beside as many fresh processes reading the same tail through the store, and as
// many taking the crash reopen apart (its store open, checkpoint, catch-up read and indexes);
// the tail reads and the parts are each run again, in turns, without V8's optimising compiler.
import { spawnSync } from 'node:child_process';
import { copyFile, mkdir, mkdtemp, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { addDays, businessDate } from '@usha/domain';
import { scaleParameters } from './scalePlan.ts';

const events = Number(process.env.SCALE_EVENTS ?? 1_000_000);
const crashCommands = Number(process.env.SCALE_CRASH_COMMANDS ?? 2_000);
// Fresh processes reopening after a clean close: the first command's time against a warm one's
// is a median over them (one process's first command is one sample).
const reopenRuns = Number(process.env.SCALE_REOPENS ?? 5);
// `SCALE_REOPEN_ONLY=1`: the opens and reopens only, without the runs in 128 MiB and the CLI.
const reopenOnly = process.env.SCALE_REOPEN_ONLY === '1';
const root = new URL('../../../', import.meta.url).pathname;
const child = join(root, 'packages/ledger/bench/scaleChild.ts');
const usage = join(root, 'packages/ledger/bench/scaleUsage.ts');

interface Run {
  readonly ok: boolean;
  readonly ms: number;
  readonly result: Record<string, unknown>;
  readonly peakRssMiB: number | undefined;
  readonly cpuMs: number | undefined; // the whole process's, its start included
  readonly error: string;
  readonly signal: string | null;
}

const run = (
  args: ReadonlyArray<string>, heapMiB?: number, showStderr = false,
  nodeFlags: ReadonlyArray<string> = [],
): Run => {
  const t0 = performance.now();
  const r = spawnSync(process.execPath, [
    ...(heapMiB === undefined ? [] : [`--max-old-space-size=${heapMiB}`]), ...nodeFlags,
    '--expose-gc', '--import', 'tsx', '--import', usage, ...args,
  ], { cwd: root, encoding: 'utf8', maxBuffer: 1 << 26,
    stdio: ['ignore', 'pipe', showStderr ? 'inherit' : 'pipe'] });
  const ms = performance.now() - t0;
  const line = /^RESULT (.*)$/m.exec(r.stdout)?.[1];
  const result: Record<string, unknown> = line === undefined ? {} : JSON.parse(line);
  const stderr = r.stderr ?? '';
  const rss = /maxRssMiB=(\d+)/.exec(stderr)?.[1];
  const cpu = /cpuMs=(\d+)/.exec(stderr)?.[1];
  const error = r.status === 0 ? '' : lastErrorLine(stderr);
  return { ok: r.status === 0, ms, result, peakRssMiB: rss === undefined ? undefined : Number(rss),
    cpuMs: cpu === undefined ? undefined : Number(cpu), error, signal: r.signal };
};

const lastErrorLine = (stderr: string): string => {
  const lines = stderr.split('\n').filter((l) => /error|heap|memory/i.test(l));
  return (lines.find((l) => /heap out of memory/i.test(l)) ?? lines[0] ?? stderr.trim())
    .trim().slice(0, 160);
};

const s = (ms: number) => `${(ms / 1000).toFixed(2)} s`;
const num = (r: Run, key: string): number => Number(r.result[key] ?? NaN);

const parameters = scaleParameters(events);
console.log(`scale: ${events.toLocaleString('en')} events, ` +
  `${parameters.members.toLocaleString('en')} members, 48 branches, 10 years`);
// The writer keeps every stream it touched in its heap: a large one, so that it never waits on
// the collector (the histories it writes are what the opens below are measured on).
const written = run([child, 'write', String(events)], 8192, true); // its progress shown
if (!written.ok) throw new Error(`writing the history failed: ${written.error}`);
const cached = String(written.result.file);
const h: unknown = written.result.history;
const field = (key: string): unknown => (typeof h === 'object' && h !== null ? Reflect.get(h, key)
  : undefined);
const history = { events: Number(field('events')), commands: Number(field('commands')),
  lastDate: String(field('lastDate')), seconds: Number(field('seconds')) };
const { size } = await stat(cached);
console.log(`log: ${history.events.toLocaleString('en')} events from ` +
  `${history.commands.toLocaleString('en')} commands to ${history.lastDate}, ` +
  `${(size / 2 ** 20).toFixed(0)} MiB; ${written.result.cached === true ? 'cached' : 'written'} ` +
  `(writing took ${history.seconds.toFixed(0)} s) at ${cached}`);

const founders = String(Math.floor(parameters.members / 4));
const day = addDays(businessDate(history.lastDate), 1);
const dir = await mkdtemp(join(tmpdir(), 'usha-scale-run-'));
const file = join(dir, 'usha.ndjson');
const checkpoints = [`${file}.index`, `${file}.ledger-index`];
try {
  await copyFile(cached, file);
  const parse = run([child, 'parse', cached]);
  const bound = num(parse, 'ms');
  const boundCpu = num(parse, 'cpuMs');
  console.log(`parse bound (JSON.parse of every line): ${s(bound)}, CPU ${s(boundCpu)}, ` +
    `peak RSS ${parse.result.peakRssMiB} MiB`);
  const open = (tag: string, heapMiB?: number) =>
    run([child, 'open', file, day, tag, founders], heapMiB);
  const rows: Array<[string, Run]> = [];
  rows.push(['cold open (no checkpoint)', open('cold')]);
  rows.push(['reopen after clean close', open('reopen')]);
  const reopens = [rows[1]?.[1], ...Array.from({ length: reopenRuns - 1 },
    (_, i) => open(`reopen${i + 2}`))].filter((r): r is Run => r !== undefined);
  const parts = run([child, 'checkpoints', file]);
  const tailOffset = String((await stat(file)).size); // the first line the crash child writes
  const crash = run([child, 'crash', file, day, 'crash', founders, String(crashCommands)]);
  console.log(`crash child: ${crashCommands} commands, then ${crash.signal ?? 'no signal'}`);
  // The log and checkpoints as the SIGKILL left them, copied back before each run on them.
  const image = join(dir, 'crashed');
  await mkdir(image);
  const saveOrRestore = async (to: 'image' | 'log') => {
    for (const f of [file, ...checkpoints]) {
      const kept = join(image, f.slice(dir.length + 1));
      await copyFile(to === 'image' ? f : kept, to === 'image' ? kept : f);
    }
  };
  await saveOrRestore('image');
  // Like with like: what reading the same tail costs a fresh process, through the store whose
  // checkpoint already covers it (so its open reads no line).
  run([child, 'close', file]);
  // Each run beside one without V8's optimising compiler (`--no-opt`), taken in turns: how much
  // of a part's CPU is compiling code that has only a few thousand events left to run.
  const noOpt = ['--no-opt'];
  const tails: Run[] = [];
  const tailsNoOpt: Run[] = [];
  for (let i = 0; i < reopenRuns; i += 1) {
    tails.push(run([child, 'tail', file, tailOffset]));
    tailsNoOpt.push(run([child, 'tail', file, tailOffset], undefined, false, noOpt));
  }
  const crashes: Run[] = [];
  for (let i = 0; i < reopenRuns; i += 1) {
    await saveOrRestore('log');
    crashes.push(open(i === 0 ? 'crashed' : `crashed${i + 1}`));
  }
  // The same reopen taken apart (read-only, so one copy of the image serves every run).
  await saveOrRestore('log');
  const crashParts: Run[] = [];
  const crashPartsNoOpt: Run[] = [];
  for (let i = 0; i < reopenRuns; i += 1) {
    crashParts.push(run([child, 'parts', file]));
    crashPartsNoOpt.push(run([child, 'parts', file], undefined, false, noOpt));
  }
  const crashed = crashes[crashes.length - 1];
  if (crashed !== undefined) {
    rows.push([`reopen after SIGKILL (${crashCommands} commands after close)`, crashed]);
  }
  if (!reopenOnly) {
    rows.push(['reopen at --max-old-space-size=128', open('small', 128)]);
    for (const c of checkpoints) await rm(c, { force: true });
    rows.push(['cold open at --max-old-space-size=128', open('smallCold', 128)]);
  }
  for (const [name, r] of rows) printOpen(name, r, bound, boundCpu);
  printReopens(reopens, parts);
  printCrashReopens(reopens, crashes, tails);
  printCrashParts(crashParts, '');
  printCrashParts(crashPartsNoOpt, ' without the optimising compiler (--no-opt)');
  const tailNoOptRuns = tailsNoOpt.filter((r) => r.ok).map((r) => num(r, 'readCpuMs'))
    .sort((a, b) => a - b);
  const tailNoOptCpu = tailNoOptRuns[Math.floor(tailNoOptRuns.length / 2)] ?? NaN;
  console.log(`the same tail read by a fresh process without the optimising compiler ` +
    `(--no-opt), median of ${tailNoOptRuns.length}: CPU ${tailNoOptCpu} ms`);
  if (reopenOnly) {
    if (!rows.every(([, r]) => r.ok)) process.exitCode = 1;
  } else {
    const cli = join(root, 'packages/cli/src/bin.ts');
    const startup = run([cli, 'version']);
    const verify = run([cli, 'verify', file]);
    const report = run([cli, 'report', 'trial-balance', file]);
    console.log(`usha version (the CLI's start, in each time below) ${s(startup.ms)}, ` +
      `CPU ${s(startup.cpuMs ?? NaN)}`);
    const cliRuns = [['usha verify', verify], ['usha report trial-balance', report]] as const;
    for (const [name, r] of cliRuns) {
      console.log(`${name.padEnd(46)} ${r.ok ? 'ok' : `FAILED (${r.error})`} ${s(r.ms)} ` +
        `(${(r.ms / bound).toFixed(2)} x parse bound), CPU ${s(r.cpuMs ?? NaN)} ` +
        `(${((r.cpuMs ?? NaN) / boundCpu).toFixed(2)} x), peak RSS ${r.peakRssMiB ?? '?'} MiB`);
    }
    printSummary(rows, verify, report, bound, boundCpu, history.events);
    if (![...rows.map(([, r]) => r), verify, report].every((r) => r.ok)) process.exitCode = 1;
  }
} finally {
  await rm(dir, { recursive: true, force: true });
}

// The crash reopen's cost beyond a clean one (medians of CPU, store + Ledger), against a fresh
// process reading the same tail through the store: the target is no more than that read.
function printCrashReopens(clean: ReadonlyArray<Run>, crashes: ReadonlyArray<Run>,
  tails: ReadonlyArray<Run>): void {
  const median = (rs: ReadonlyArray<Run>, f: (r: Run) => number) => {
    const xs = rs.filter((r) => r.ok).map(f).sort((a, b) => a - b);
    return xs[Math.floor(xs.length / 2)] ?? NaN;
  };
  const openCpu = (r: Run) => num(r, 'storeCpuMs') + num(r, 'ledgerCpuMs');
  const cleanCpu = median(clean, openCpu);
  const crashCpu = median(crashes, openCpu);
  const tailCpu = median(tails, (r) => num(r, 'readCpuMs'));
  const all = (rs: ReadonlyArray<Run>, f: (r: Run) => number) =>
    rs.filter((r) => r.ok).map((r) => f(r).toFixed(1)).join(', ');
  const how = crashes[0] === undefined ? '' : opened(crashes[0]);
  console.log(`reopen after SIGKILL, median of ${crashes.length} processes: CPU ` +
    `${crashCpu.toFixed(1)} ms (store ${median(crashes, (r) => num(r, 'storeCpuMs'))} + ` +
    `Ledger ${median(crashes, (r) => num(r, 'ledgerCpuMs'))}; all: ${all(crashes, openCpu)}); ` +
    `clean reopen ${cleanCpu.toFixed(1)} ms; extra ${(crashCpu - cleanCpu).toFixed(1)} ms; ` +
    `first / warm command ${median(crashes, (r) => num(r, 'firstCpuMs'))} / ` +
    `${median(crashes, (r) => num(r, 'warmCpuMs'))} ms CPU; ${how}`);
  // How the tail's store opened: from a checkpoint with no line after it, or the read is not
  // the whole of reading the tail (the open's scan would have read it).
  const tailOpened = tails[0] === undefined ? '' : opened(tails[0]).split(', ')[0];
  console.log(`the same tail read by a fresh process (${tails[0]?.result.events} events), ` +
    `median of ${tails.length}: CPU ${tailCpu} ms ` +
    `(all: ${all(tails, (r) => num(r, 'readCpuMs'))}; ${tailOpened}); ` +
    `extra / tail read ${((crashCpu - cleanCpu) / tailCpu).toFixed(2)}`);
}

// The crash reopen's parts (scaleChild.ts parts), medians of CPU over fresh processes: the
// store's open, then the Ledger's steps, so that what the extra is made of is measured.
function printCrashParts(parts: ReadonlyArray<Run>, how: string): void {
  const ok = parts.filter((r) => r.ok);
  const median = (key: string) => {
    const xs = ok.map((r) => num(r, key)).sort((a, b) => a - b);
    return xs[Math.floor(xs.length / 2)] ?? NaN;
  };
  if (ok.length === 0) {
    console.log(`crash reopen's parts${how}: FAILED (${parts[0]?.error ?? 'not run'})`);
    return;
  }
  console.log(`crash reopen's parts${how}, median of ${ok.length} read-only processes, ` +
    `CPU ms: ` +
    `store open ${median('storeCpuMs')}, Ledger checkpoint ${median('restoreCpuMs')}, ` +
    `catch-up read (${ok[0]?.result.events} events, decoded) ${median('readCpuMs')}, ` +
    `command index ${median('commandIndexCpuMs')}, other indexes ${median('otherIndexesCpuMs')}`);
}

// How each side opened, as the child found it (`opened` of the store and of the Ledger).
function opened(r: Run): string {
  const one = (o: unknown, readKey: string) => {
    if (typeof o !== 'object' || o === null) return 'n/a (no checkpoint)';
    const read = Number(Reflect.get(o, readKey));
    return `${String(Reflect.get(o, 'from'))} (${read.toLocaleString('en')} read)`;
  };
  return `store ${one(r.result.storeOpened, 'linesRead')}, ` +
    `Ledger ${one(r.result.ledgerOpened, 'eventsRead')}`;
}

function printOpen(name: string, r: Run, bound: number, boundCpu: number): void {
  if (!r.ok) {
    console.log(`${name.padEnd(46)} FAILED after ${s(r.ms)}: ${r.error}`);
    return;
  }
  const total = num(r, 'storeMs') + num(r, 'ledgerMs');
  const cpu = num(r, 'storeCpuMs') + num(r, 'ledgerCpuMs');
  console.log(`${name.padEnd(46)} store ${s(num(r, 'storeMs'))} + Ledger ` +
    `${s(num(r, 'ledgerMs'))} = ${s(total)} (${(total / bound).toFixed(2)} x parse bound); ` +
    `CPU ${s(num(r, 'storeCpuMs'))} + ${s(num(r, 'ledgerCpuMs'))} ` +
    `(${(cpu / boundCpu).toFixed(2)} x parse bound's); ` +
    `heap after open ${r.result.heapMiB} MiB (+${r.result.externalMiB} MiB external), ` +
    `peak RSS ${r.result.peakRssMiB} MiB; first command ${num(r, 'firstMs')} ms, ` +
    `warm ${num(r, 'warmMs')} ms (${(num(r, 'firstMs') / num(r, 'warmMs')).toFixed(1)}x); ` +
    `close ${s(num(r, 'closeMs'))}; ${opened(r)}`);
}

// One row of the docs' table: wall time, with CPU time in brackets where measured.
function printSummary(rows: ReadonlyArray<[string, Run]>, verify: Run, report: Run,
  bound: number, boundCpu: number, n: number): void {
  const open = (i: number) => {
    const r = rows[i]?.[1];
    if (r === undefined || !r.ok) return 'failed';
    return s(num(r, 'storeMs') + num(r, 'ledgerMs'));
  };
  const cold = rows[0]?.[1];
  const small = rows.slice(3).map(([, r]) => (r.ok ? 'yes' : `no (${r.error})`)).join(' / ');
  const both = (wall: number, cpu: number | undefined) => `${s(wall)} (${s(cpu ?? NaN)})`;
  const cells = cold === undefined || !cold.ok ? ['failed'] : [
    both(num(cold, 'storeMs'), num(cold, 'storeCpuMs')),
    both(num(cold, 'ledgerMs'), num(cold, 'ledgerCpuMs')),
    `${cold.result.heapMiB} MiB`, `${cold.result.peakRssMiB} MiB`,
    `${num(cold, 'firstMs')} / ${num(cold, 'warmMs')} ms ` +
      `(${(num(cold, 'firstMs') / num(cold, 'warmMs')).toFixed(1)}x)`,
    open(1), open(2), small,
    `${both(verify.ms, verify.cpuMs)}, ${verify.peakRssMiB ?? '?'} MiB`,
    `${both(report.ms, report.cpuMs)}, ${report.peakRssMiB ?? '?'} MiB`, both(bound, boundCpu),
  ];
  console.log('\n| events | store open | createLedger | heap after open | peak RSS ' +
    '| first / warm ' +
    'command | reopen, clean | reopen, crash | 128 MiB (checkpoint / cold) | usha verify | ' +
    'trial-balance | parse bound |');
  console.log('|---|---|---|---|---|---|---|---|---|---|---|---|');
  console.log(`| ${n.toLocaleString('en')} | ${cells.join(' | ')} |`);
}

// The reopens after a clean close, as medians over fresh processes: the open, the first
// command against a warm one (wall and CPU), and where a reopen's time goes.
function printReopens(runs: ReadonlyArray<Run>, parts: Run): void {
  const ok = runs.filter((r) => r.ok);
  const median = (key: string) => {
    const xs = ok.map((r) => num(r, key)).sort((a, b) => a - b);
    return xs[Math.floor(xs.length / 2)] ?? NaN;
  };
  const ratios = (a: string, b: string) => ok.map((r) => num(r, a) / num(r, b))
    .sort((x, y) => x - y);
  const mid = (xs: number[]) => (xs[Math.floor(xs.length / 2)] ?? NaN).toFixed(1);
  const open = ok.map((r) => num(r, 'storeMs') + num(r, 'ledgerMs')).sort((a, b) => a - b);
  const openCpu = ok.map((r) => num(r, 'storeCpuMs') + num(r, 'ledgerCpuMs'))
    .sort((a, b) => a - b);
  console.log(`reopen after clean close, median of ${ok.length} processes: open ` +
    `${s(open[Math.floor(open.length / 2)] ?? NaN)} (CPU ` +
    `${s(openCpu[Math.floor(openCpu.length / 2)] ?? NaN)}); first command ` +
    `${median('firstMs')} ms / warm ${median('warmMs')} ms (ratio ${mid(ratios('firstMs',
      'warmMs'))}x); CPU ${median('firstCpuMs')} / ${median('warmCpuMs')} ms ` +
    `(ratio ${mid(ratios('firstCpuMs', 'warmCpuMs'))}x)`);
  const part = (side: string, key: string) => {
    const o: unknown = parts.result[side];
    const v: unknown = typeof o === 'object' && o !== null ? Reflect.get(o, key) : undefined;
    if (typeof v !== 'object' || v === null) return String(v);
    return `${Number(Reflect.get(v, 'ms'))} ms (CPU ${Number(Reflect.get(v, 'cpuMs'))})`;
  };
  for (const side of ['store', 'ledger']) {
    console.log(`  ${side} checkpoint, ${part(side, 'mib')} MiB: bytes read ` +
      `${part(side, 'read')}, SHA-256 ${part(side, 'sha')}, read + hash + restore ` +
      `${part(side, 'whole')}`);
  }
}
