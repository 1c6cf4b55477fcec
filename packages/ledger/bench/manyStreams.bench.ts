// A log of 1,000,000 one-event streams (250,000 members x their member, shares, savings and
// recurring-deposit streams) opened in a 64 MiB heap: `usha verify`, then the file store and
// the Ledger without a projection, each in a child process, then a retried command, commands on
// an existing stream and one that needs the member's facts. Each open is also run with Node's
// default heap, side by side: the ratio is what the small heap costs in time. Figures are one
// run each (a run takes minutes). `MEMBERS=50000` for a smaller log; `HEAP_MIB` for another heap.
import { spawnSync } from 'node:child_process';
import { copyFile, mkdtemp, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { writeManyStreamsLog } from '../src/app/ledger/manyStreamsLog.fixture.ts';

const members = Number(process.env.MEMBERS ?? 250_000);
const heapMiB = Number(process.env.HEAP_MIB ?? 64);
const root = new URL('../../../', import.meta.url).pathname;
const fixture = (name: string) => join(root, 'packages/ledger/src/app/ledger', name);

interface Run { readonly ok: boolean; readonly ms: number; readonly rssMiB: string;
  readonly stdout: string }

const run = (heap: number | undefined, args: ReadonlyArray<string>): Run => {
  const t0 = performance.now();
  const r = spawnSync(process.execPath, [
    ...(heap === undefined ? [] : [`--max-old-space-size=${heap}`]),
    '--import', 'tsx', '--import', fixture('maxRss.fixture.ts'), ...args,
  ], { cwd: root, encoding: 'utf8', maxBuffer: 1 << 24 });
  const ms = performance.now() - t0;
  const rss = /maxRssMiB=(\d+)/.exec(r.stderr)?.[1] ?? 'none (out of memory?)';
  return { ok: r.status === 0, ms, rssMiB: rss, stdout: r.stdout };
};

const dir = await mkdtemp(join(tmpdir(), 'usha-many-streams-'));
try {
  const file = join(dir, 'usha.ndjson');
  const t0 = performance.now();
  const events = await writeManyStreamsLog(file, members);
  const { size } = await stat(file);
  const writtenS = ((performance.now() - t0) / 1000).toFixed(1);
  console.log(`${events.toLocaleString('en')} events in as many streams, ` +
    `${(size / 2 ** 20).toFixed(0)} MiB, written in ${writtenS} s`);
  const verifyArgs = ['packages/cli/src/bin.ts', 'verify', file];
  const openOn = async (copy: string) => {
    await copyFile(file, copy); // the commands write to the log: each run gets a fresh copy
    return ['packages/ledger/src/app/ledger/manyStreamsOpen.fixture.ts', copy, String(members)];
  };
  const rows: Array<[string, Run, Run]> = [
    ['usha verify', run(heapMiB, verifyArgs), run(undefined, verifyArgs)],
    ['file store + Ledger open, 5 commands',
      run(heapMiB, await openOn(join(dir, 'a.ndjson'))),
      run(undefined, await openOn(join(dir, 'b.ndjson')))],
  ];
  const s = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
  for (const [name, small, large] of rows) {
    console.log(`${name.padEnd(38)} ${heapMiB} MiB heap: ${small.ok ? 'ok' : 'FAILED'} ` +
      `${s(small.ms)}, peak RSS ${small.rssMiB} MiB | default heap: ${s(large.ms)}, ` +
      `peak RSS ${large.rssMiB} MiB | time ratio ${(small.ms / large.ms).toFixed(2)}`);
  }
  console.log(`Ledger at ${heapMiB} MiB: ${rows[1]?.[1].stdout.trim()}`);
  if (!rows.every(([, small]) => small.ok)) process.exitCode = 1;
} finally {
  await rm(dir, { recursive: true, force: true });
}
