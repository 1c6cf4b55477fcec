// An app restarting on a decade of the society: each restart is one session's close and the
// next session's open, in fresh processes, on the scale history (scale.bench.ts; SCALE_EVENTS
// events, default 1,000,000). Between two restarts the app takes RESTART_COMMANDS deposits
// (default 1,000: about a day of the society's business at 4M events a decade). Two copies of
// the log, each with both checkpoints covering it to begin with, are run session for session,
// alternating which goes first: `every`, whose closes always bring both checkpoints to the
// log's end (the closes until 2026-12-06), the baseline; and `default`, whose closes write a
// checkpoint only after enough was appended since the last (4 MiB in the store, 5,000 events
// in the Ledger), and whose opens write one beside the session's commands when they read half
// that or more. Prints each session, then the restart's median and mean, wall and CPU, and
// default / every. The close's time includes waiting for a checkpoint still being written.
//   SCALE_EVENTS=1000000 RESTART_SESSIONS=8 npx -y pnpm@10 bench restart
import { spawnSync } from 'node:child_process';
import { copyFile, mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { addDays, businessDate } from '@usha/domain';
import { scaleParameters } from './scalePlan.ts';

const events = Number(process.env.SCALE_EVENTS ?? 1_000_000);
const sessions = Number(process.env.RESTART_SESSIONS ?? 8);
const commands = Number(process.env.RESTART_COMMANDS ?? 1_000);
const root = new URL('../../../', import.meta.url).pathname;
const child = join(root, 'packages/ledger/bench/scaleChild.ts');
const policies = ['every', 'default'] as const;
type Policy = (typeof policies)[number];

const run = (args: ReadonlyArray<string>): Record<string, unknown> => {
  const r = spawnSync(process.execPath, ['--expose-gc', '--import', 'tsx', child, ...args],
    { cwd: root, encoding: 'utf8', maxBuffer: 1 << 26, stdio: ['ignore', 'pipe', 'inherit'] });
  const line = /^RESULT (.*)$/m.exec(r.stdout)?.[1];
  if (r.status !== 0 || line === undefined) {
    throw new Error(`scaleChild ${args[0]} failed (${r.status ?? r.signal})`);
  }
  return JSON.parse(line);
};

const parameters = scaleParameters(events);
const written = run(['write', String(events)]);
const cached = String(written.file);
const history: unknown = written.history;
const lastDate = String(typeof history === 'object' && history !== null
  ? Reflect.get(history, 'lastDate') : '');
const day = addDays(businessDate(lastDate), 1);
const founders = String(Math.floor(parameters.members / 4));
console.log(`restart: ${events.toLocaleString('en')} events, ${commands} deposits a session, `
  + `${sessions} sessions a policy (${sessions - 1} restarts)`);

interface Session { openMs: number; openCpuMs: number; closeMs: number; closeCpuMs: number;
  commandsMs: number; commandsCpuMs: number; storeRead: number; ledgerRead: number }
const dir = await mkdtemp(join(tmpdir(), 'usha-restart-'));
try {
  // Both copies begin with checkpoints covering the whole log.
  const first = join(dir, 'every');
  await mkdir(first);
  await copyFile(cached, join(first, 'usha.ndjson'));
  run(['session', join(first, 'usha.ndjson'), day, 'prepare', founders, '0', 'every']);
  const other = join(dir, 'default');
  await mkdir(other);
  for (const f of ['usha.ndjson', 'usha.ndjson.index', 'usha.ndjson.ledger-index']) {
    await copyFile(join(first, f), join(other, f));
  }
  const seen: Record<Policy, Session[]> = { every: [], default: [] };
  for (let i = 0; i < sessions; i += 1) {
    const order = i % 2 === 0 ? policies : [...policies].reverse();
    for (const policy of order) {
      const r = run(['session', join(dir, policy, 'usha.ndjson'), day, `${policy}-${i}`,
        founders, String(commands), policy]);
      const read = (k: string, field: string) => Number(Reflect.get(Object(r[k]), field) ?? 0);
      seen[policy].push({ openMs: Number(r.openMs), openCpuMs: Number(r.openCpuMs),
        closeMs: Number(r.closeMs), closeCpuMs: Number(r.closeCpuMs),
        commandsMs: Number(r.commandsMs), commandsCpuMs: Number(r.commandsCpuMs),
        storeRead: read('storeOpened', 'linesRead'),
        ledgerRead: read('ledgerOpened', 'eventsRead') });
    }
  }
  const restarts = (p: Policy, key: 'Ms' | 'CpuMs') => seen[p].slice(1).map((s, i) =>
    (seen[p][i]?.[`close${key}`] ?? NaN) + s[`open${key}`]);
  const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? NaN;
  const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
  const f = (x: number) => x.toFixed(0);
  for (const p of policies) {
    console.log(`\n${p}: session, open ms (CPU), lines / events read at open, the commands' ms `
      + '(CPU), close ms (CPU)');
    seen[p].forEach((s, i) => console.log(`  ${i + 1}: open ${f(s.openMs)} (${f(s.openCpuMs)}), `
      + `read ${s.storeRead} / ${s.ledgerRead}, commands ${f(s.commandsMs)} `
      + `(${f(s.commandsCpuMs)}), close ${f(s.closeMs)} (${f(s.closeCpuMs)})`));
  }
  console.log('\nrestart (a close, then the next open) | median wall | mean wall | median CPU '
    + '| mean CPU | longest wall');
  for (const p of policies) {
    const w = restarts(p, 'Ms');
    const c = restarts(p, 'CpuMs');
    console.log(`${p} | ${f(median(w))} ms | ${f(mean(w))} ms | ${f(median(c))} ms | `
      + `${f(mean(c))} ms | ${f(Math.max(...w))} ms`);
  }
  const ratio = (key: 'Ms' | 'CpuMs', of: (xs: number[]) => number) =>
    (of(restarts('default', key)) / of(restarts('every', key))).toFixed(2);
  const commandsCpu = (p: Policy) => mean(seen[p].map((s) => s.commandsCpuMs));
  console.log(`the commands' CPU, mean of the sessions: every ${f(commandsCpu('every'))} ms, `
    + `default ${f(commandsCpu('default'))} ms (a checkpoint written beside them counts here)`);
  console.log(`default / every: median wall ${ratio('Ms', median)}, mean wall `
    + `${ratio('Ms', mean)}, median CPU ${ratio('CpuMs', median)}, mean CPU `
    + `${ratio('CpuMs', mean)}`);
} finally {
  await rm(dir, { recursive: true, force: true });
}
