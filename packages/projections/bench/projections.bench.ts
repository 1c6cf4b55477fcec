// Replays a generated history of 1,000,000 events (30,000 members) from an NDJSON file through
// the projections, beside two baselines measured in the same run on the same file:
//   B0: read the file and JSON.parse each line, nothing else;
//   B1: B0 plus a hand-written fold of the same events into integer balances.
// Then the same events spread over 20 years instead of 1, and the memory of a replay in a
// child process started with --max-old-space-size=64. `EVENTS=200000` for a quick run.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ProjectedEvent } from '../src/index.ts';
import { allProjections, balancesProjection, combine } from '../src/index.ts';
import { generateHistory } from './generateHistory.ts';
import { readLines } from './readEvents.ts';

const isRecord = (u: unknown): u is Record<string, unknown> =>
  typeof u === 'object' && u !== null;
// The bench trusts the file it generated (the store's bench measures decoding): a line is an
// event once it has a type and metadata; its position is its line number.
const asEvent = (u: unknown, line: number): ProjectedEvent | undefined => {
  if (!isRecord(u) || typeof u.type !== 'string' || !isRecord(u.metadata)) return undefined;
  const p = BigInt(line);
  u.position = { commit: p, prepare: p };
  return isProjected(u) ? u : undefined;
};
const isProjected = (u: Record<string, unknown>): u is Record<string, unknown> & ProjectedEvent =>
  typeof u.type === 'string';

type Fold = { apply: (e: ProjectedEvent) => void; result: () => unknown };

const projectionFold = (which: 'balances' | 'all'): Fold => {
  const p = which === 'all' ? allProjections({ passbookMembers: ['M1'] })
    : combine({ balances: balancesProjection() });
  let s: unknown = p.initialState();
  const apply = p.apply as (s: unknown, e: ProjectedEvent) => unknown;
  return { apply: (e) => { s = apply(s, e); }, result: () => s };
};

// B1: money by account in paise, parsed by hand; what a minimal balances fold would do.
const handFold = (): Fold => {
  const balances = new Map<string, bigint>();
  const paise = (s: unknown) => (typeof s === 'string' ? BigInt(s.replace('.', '')) : 0n);
  const add = (k: unknown, x: bigint) => {
    if (typeof k === 'string') balances.set(k, (balances.get(k) ?? 0n) + x);
  };
  return {
    apply: (e) => {
      const d: unknown = e.data;
      if (!isRecord(d)) return;
      switch (e.type) {
        case 'Deposited': case 'InterestPosted': case 'SharesPurchased':
          add(d.accountId, paise(d.amount)); return;
        case 'Withdrawn': add(d.accountId, -paise(d.amount)); return;
        case 'LoanDisbursed': add(d.loanId, paise(d.principal)); return;
        case 'RepaymentReceived':
          add(d.loanId, -(isRecord(d.allocation) ? paise(d.allocation.principal) : 0n)); return;
        default: return;
      }
    },
    result: () => balances,
  };
};

const time = (file: string, fold: Fold | null, limit = Infinity) => {
  const t0 = process.hrtime.bigint();
  let n = 0;
  readLines(file, (text, line) => {
    const u: unknown = JSON.parse(text);
    n += 1;
    if (fold === null) return;
    const e = asEvent(u, line);
    if (e !== undefined) fold.apply(e);
  }, limit);
  const seconds = Number(process.hrtime.bigint() - t0) / 1e9;
  return { n, seconds, rate: n / seconds, fold };
};

const child = (file: string, limit: number) => {
  const r = spawnSync(process.execPath, ['--max-old-space-size=64', '--expose-gc', '--import',
    'tsx', new URL(import.meta.url).pathname, '--child', file, String(limit)],
  { encoding: 'utf8', maxBuffer: 1 << 20 });
  if (r.status !== 0) return { ok: false, text: (r.stderr ?? '').slice(-2000) };
  return { ok: true, text: r.stdout.trim() };
};

const mib = (bytes: number) => `${(bytes / 2 ** 20).toFixed(0)} MiB`;
const fmt = (x: number) => Math.round(x).toLocaleString('en-US');

// The process's own peak RSS (VmHWM): getrusage's maxRSS of a child spawned by a large parent
// starts at the parent's size on Linux.
const peakRss = (): number => {
  const m = /VmHWM:\s+(\d+) kB/.exec(readFileSync('/proc/self/status', 'utf8'));
  return m === null ? process.resourceUsage().maxRSS * 1024 : Number(m[1]) * 1024;
};

const runChild = (file: string, limit: number) => {
  const before = process.memoryUsage();
  const r = time(file, projectionFold('all'), limit);
  const gc = Reflect.get(globalThis, 'gc');
  if (typeof gc === 'function') gc();
  const after = process.memoryUsage();
  const retained = after.heapUsed - before.heapUsed;
  console.log(JSON.stringify({ events: r.n, seconds: r.seconds,
    maxRssBytes: peakRss(), retainedHeapBytes: retained,
    externalBytes: after.external,
    applied: r.fold?.result() !== undefined }));
};

const main = () => {
  const events = Number(process.env.EVENTS ?? 1_000_000);
  const members = Math.min(30_000, Math.max(100, Math.floor(events / 33)));
  const dir = mkdtempSync(join(tmpdir(), 'usha-projections-bench-'));
  try {
    const one = join(dir, 'one-year.ndjson');
    const twenty = join(dir, 'twenty-years.ndjson');
    let t0 = Date.now();
    const g = generateHistory(one, { events, members, years: 1 });
    generateHistory(twenty, { events, members, years: 20 });
    console.log(`generated ${fmt(g.events)} events, ${fmt(members)} members, `
      + `${mib(g.bytes)} a file, in ${((Date.now() - t0) / 1000).toFixed(1)} s (both files)`);
    t0 = Date.now();
    // Interleaved rounds, best of each: a busy machine slows all of them alike.
    const rounds = Number(process.env.ROUNDS ?? 3);
    const runs = {
      b0: () => time(one, null), b1: () => time(one, handFold()),
      bal: () => time(one, projectionFold('balances')),
      all: () => time(one, projectionFold('all')),
      spread: () => time(twenty, projectionFold('all')),
    };
    const bestOf: Record<keyof typeof runs, ReturnType<typeof time> | undefined> =
      { b0: undefined, b1: undefined, bal: undefined, all: undefined, spread: undefined };
    for (let r = 0; r < rounds; r += 1) {
      for (const k of ['b0', 'b1', 'bal', 'all', 'spread'] as const) {
        const x = runs[k]();
        const b = bestOf[k];
        if (b === undefined || x.rate > b.rate) bestOf[k] = x;
      }
    }
    const { b0, b1, bal, all, spread } = {
      b0: bestOf.b0 ?? time(one, null), b1: bestOf.b1 ?? time(one, null),
      bal: bestOf.bal ?? time(one, null), all: bestOf.all ?? time(one, null),
      spread: bestOf.spread ?? time(one, null),
    };
    const row = (name: string, r: { rate: number }, target = '') =>
      console.log(`${name.padEnd(44)} ${fmt(r.rate).padStart(10)} events/s  `
        + `${(r.rate / b0.rate).toFixed(2)} of B0 ${target}`);
    row('B0  read + JSON.parse', b0);
    row('B1  B0 + hand-written fold to balances', b1);
    row('member balances (combine({ balances }))', bal, '(target >= 0.60)');
    row('all projections (allProjections())', all, '(target >= 0.33)');
    console.log(`20 years instead of 1, all projections: ${(all.rate / spread.rate).toFixed(2)} `
      + 'times the time (target <= 1.20)');
    console.log(`timed runs took ${((Date.now() - t0) / 1000).toFixed(1)} s; `
      + `peak RSS of this process ${mib(process.resourceUsage().maxRSS * 1024)}`);
    // Limit 0: the same child reading no event, to show what Node and tsx take by themselves.
    for (const limit of [0, Math.floor(g.events / 2), g.events]) {
      const c = child(one, limit);
      if (!c.ok) {
        console.log(`--max-old-space-size=64, ${fmt(limit)} events: FAILED\n${c.text}`);
        continue;
      }
      const j: unknown = JSON.parse(c.text);
      if (!isRecord(j)) continue;
      console.log(`--max-old-space-size=64, all projections, ${fmt(Number(j.events))} events: `
        + `completed; peak RSS ${mib(Number(j.maxRssBytes))}, state on the JS heap `
        + `${mib(Number(j.retainedHeapBytes))}, outside it (typed arrays) `
        + `${mib(Number(j.externalBytes))}`);
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
};

if (process.argv[2] === '--child') runChild(process.argv[3] ?? '', Number(process.argv[4]));
else main();
