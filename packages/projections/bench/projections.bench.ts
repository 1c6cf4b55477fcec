// Replays a generated history of 1,000,000 events (30,000 members) from an NDJSON file through
// the projections, beside two baselines measured in the same run on the same file:
//   B0: read the file and JSON.parse each line, nothing else;
//   B1: B0 plus a hand-written fold of the same events into integer balances.
// Then the same events spread over 20 years instead of 1, and the memory of a replay in a
// child process: compiled ahead of time (compileChild.ts) and started with plain
// `node --max-old-space-size=64`, over a quarter, half and all of the events, and over the same
// number of events for twice the members. `EVENTS=200000` for a quick run.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { compileChild } from './compileChild.ts';
import { handFold, isRecord, projectionFold, time } from './folds.ts';
import { generateHistory } from './generateHistory.ts';

const mib = (bytes: unknown) => `${(Number(bytes) / 2 ** 20).toFixed(0)} MiB`;
const fmt = (x: number) => Math.round(x).toLocaleString('en-US');

const child = (script: string, file: string, limit: number, samples: number[], fold: string) => {
  const r = spawnSync(process.execPath, ['--max-old-space-size=64', '--expose-gc', script,
    file, String(limit), samples.join(','), fold], { encoding: 'utf8', maxBuffer: 1 << 20 });
  if (r.status !== 0) return { ok: false, text: (r.stderr ?? '').slice(-2000) };
  return { ok: true, text: r.stdout.trim() };
};

const timed = (one: string, twenty: string) => {
  // Interleaved rounds, best of each: a busy machine slows all of them alike.
  const rounds = Number(process.env.ROUNDS ?? 3);
  const runs = {
    b0: () => time(one, null), b1: () => time(one, handFold()),
    bal: () => time(one, projectionFold('balances')),
    all: () => time(one, projectionFold('all')),
    spread: () => time(twenty, projectionFold('all')),
  };
  const best = { b0: 0, b1: 0, bal: 0, all: 0, spread: 0 };
  for (let r = 0; r < rounds; r += 1) {
    for (const k of ['b0', 'b1', 'bal', 'all', 'spread'] as const) {
      best[k] = Math.max(best[k], runs[k]().rate);
    }
  }
  const row = (name: string, rate: number, target = '') =>
    console.log(`${name.padEnd(44)} ${fmt(rate).padStart(10)} events/s  `
      + `${(rate / best.b0).toFixed(2)} of B0 ${target}`);
  row('B0  read + JSON.parse', best.b0);
  row('B1  B0 + hand-written fold to balances', best.b1);
  row('member balances (combine({ balances }))', best.bal, '(target >= 0.60)');
  row('all projections (allProjections())', best.all, '(target >= 0.33)');
  console.log(`20 years instead of 1, all projections: ${(best.all / best.spread).toFixed(2)} `
    + 'times the time (target <= 1.20)');
};

const memory = (script: string, file: string, events: number, label: string, fold = 'all') => {
  const quarters = [Math.floor(events / 4), Math.floor(events / 2)];
  const c = child(script, file, events, quarters, fold);
  const j: unknown = c.ok ? JSON.parse(c.text) : undefined;
  if (!isRecord(j) || !Array.isArray(j.at) || !isRecord(j.before) || !isRecord(j.end)) {
    console.log(`${label}: FAILED\n${c.text}`);
    return;
  }
  console.log(`${label}: completed under --max-old-space-size=64; peak RSS `
    + `${mib(j.maxRssBytes)} (node alone, before the first event: ${mib(j.before.rssBytes)})`);
  for (const s of [...j.at, j.end]) {
    if (!isRecord(s)) continue;
    console.log(`  after ${fmt(Number(s.events)).padStart(9)} events: JS heap `
      + `${mib(s.heapUsedBytes)}, typed arrays ${mib(s.arrayBuffersBytes)}, `
      + `RSS ${mib(s.rssBytes)}`);
  }
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
    timed(one, twenty);
    console.log(`timed runs took ${((Date.now() - t0) / 1000).toFixed(1)} s`);
    rmSync(twenty);
    const script = compileChild(dir);
    console.log('memory: all projections, in a child compiled ahead of time to plain JS '
      + '(no TypeScript loader), heap after a full GC');
    memory(script, one, g.events, `B0 alone (read + JSON.parse, no projection), `
      + `${fmt(g.events)} events`, 'none');
    memory(script, one, g.events, `${fmt(members)} members, ${fmt(g.events)} events`);
    rmSync(one);
    const doubled = join(dir, 'twice-the-members.ndjson');
    const d = generateHistory(doubled, { events, members: members * 2, years: 1 });
    memory(script, doubled, d.events, `${fmt(members * 2)} members, ${fmt(d.events)} events`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
};

main();
