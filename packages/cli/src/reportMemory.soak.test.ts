import { execFile } from 'node:child_process';
import { copyFile, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { cachedScaleLog } from '../../ledger/bench/scaleLog.ts';
import { scaleParameters } from '../../ledger/bench/scalePlan.ts';
import { parseCommandLine } from './parseCommandLine.ts';
import { reportCommand } from './reportCommand.ts';

// A decade of 1,000 members (about 50,000 events), written once and cached as the scale
// benchmark caches its logs; each run reads a copy, as nothing may be written beside the cache.
const heapMiB = 40;
const dir = await mkdtemp(join(tmpdir(), 'usha-report-soak-'));
test.after(() => rm(dir, { recursive: true, force: true }));
const log = await cachedScaleLog(scaleParameters(50_000));
const file = join(dir, 'usha.ndjson');
await copyFile(log.file, file);

const child = new URL('./reportChild.fixture.ts', import.meta.url).pathname;
const inChild = async (argv: readonly string[]) => {
  const { stdout } = await promisify(execFile)(process.execPath,
    [`--max-old-space-size=${heapMiB}`, '--import', 'tsx', child, ...argv],
    { maxBuffer: 1 << 24 });
  const r: { code: number; out: string; peakRssMiB: number } = JSON.parse(stdout);
  return r;
};

// The same report read through the store (with its index), in this process.
const indexed = async (argv: readonly string[]) => {
  const parsed = parseCommandLine(argv);
  if (parsed._tag === 'Left' || parsed.right.command !== 'report') throw new Error('not a report');
  const out: string[] = [];
  const code = await reportCommand(parsed.right, { out: (l) => out.push(l),
    err: (l) => out.push(l) }, { read: 'indexed' });
  return { code, out: out.join('\n') };
};

// A report in a child with a small heap: the same code and text as read through the store.
const sameInChild = async (argv: readonly string[]) => {
  const r = await inChild(argv);
  assert.is(r.code, 0, r.out);
  assert.equal({ code: r.code, out: r.out }, await indexed(argv));
  console.log(`  ${argv[1]}: ${log.history.events} events, peak RSS ${r.peakRssMiB} MiB`);
};

test(`a decade's trial balance and passbook replay in a ${heapMiB} MiB heap, as the store's`,
  async () => {
    for (const argv of [['report', 'trial-balance', file],
      ['report', 'passbook', file, '--member', 'M-1']]) await sameInChild(argv);
  });

// The reports the Ledger's queries make read the file forwards too: no index, nor every
// member's passbook; what they keep is the society's balances and books.
test(`a decade's query reports replay in a ${heapMiB} MiB heap, as the store's`, async () => {
  for (const argv of [['report', 'share-register', file, '--year', '2020-21'],
    ['report', 'dcb', file, '--year', '2020-21'],
    ['report', 'collection-sheet', file, '--branch', 'B-1', '--as-of', '2020-06-01'],
    ['report', 'dues', file, '--from', '2020-06-01', '--to', '2020-06-30']]) {
    await sameInChild(argv);
  }
});

test.run();
