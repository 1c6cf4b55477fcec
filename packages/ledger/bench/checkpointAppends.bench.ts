// What the file store's index checkpoint costs the appends around it: APPENDS appends of 100
// events (10,000 by default: a million events, 590 MB of log), one after another, with the
// store's checkpoints as they are by default (one every 64 MiB appended, taken between two
// commits and written while the appends go on, and one on close), beside the same appends with
// `checkpointEveryBytes: Infinity` (the baseline: no checkpoint until the close's), each unsigned
// and signed. Printed: the mean append, its 99.9th percentile, the longest append and the close,
// the longest against the baseline's. BEFORE=<dir> adds the store of another copy of this
// package (`git archive <commit> packages`, with node_modules beside it) unsigned, to compare
// two versions in one run. Run: npx -y pnpm@10 bench checkpointAppends
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { generateSigningKeys, openFileEventStore } from '../src/index.ts';
import { repayment, schema } from './repaymentEvents.ts';

const appends = Number(process.env['APPENDS'] ?? 10_000);
const perAppend = 100;

const dir = await mkdtemp(join(tmpdir(), 'usha-checkpoint-appends-'));
const keys = await generateSigningKeys({ dir });
const beforeDir = process.env['BEFORE'];
const beforeOpen: typeof openFileEventStore | undefined = beforeDir === undefined
  ? undefined
  : Reflect.get(await import(join(beforeDir, 'src/index.ts')), 'openFileEventStore');

interface Figures {
  readonly meanMs: number;
  readonly p999Ms: number;
  readonly longestMs: number;
  readonly closeMs: number;
}

const run = async (o: {
  readonly open: typeof openFileEventStore;
  readonly signed: boolean;
  readonly checkpoints: boolean;
}): Promise<Figures> => {
  const file = join(await mkdtemp(join(dir, 'run-')), 'log');
  const store = await o.open({
    file, schema, maxAppendBytes: 1 << 24,
    ...(o.checkpoints ? {} : { checkpointEveryBytes: Number.POSITIVE_INFINITY }),
    ...(o.signed ? { signingKey: { file: keys.privateKeyFile } } : {}),
  });
  const took: number[] = [];
  for (let a = 0; a < appends; a++) {
    const events = Array.from({ length: perAppend }, () => repayment(a));
    const t0 = performance.now();
    await store.appendToStream(`loan-L${a}`, events);
    took.push(performance.now() - t0);
  }
  const c0 = performance.now();
  await store.close();
  const closeMs = performance.now() - c0;
  await rm(file, { force: true });
  const sorted = [...took].sort((x, y) => x - y);
  return {
    meanMs: took.reduce((x, y) => x + y, 0) / took.length,
    p999Ms: sorted[Math.min(sorted.length - 1, Math.floor(0.999 * sorted.length))] ?? NaN,
    longestMs: sorted.at(-1) ?? NaN,
    closeMs,
  };
};

const rows: Array<[string, Figures]> = [];
try {
  for (const signed of [false, true]) {
    // The baseline first, then the default: neither always runs on a fresher machine.
    const none = await run({ open: openFileEventStore, signed, checkpoints: false });
    globalThis.gc?.();
    const every = await run({ open: openFileEventStore, signed, checkpoints: true });
    globalThis.gc?.();
    const name = signed ? 'signed' : 'unsigned';
    rows.push([`${name}, no checkpoint until close`, none],
      [`${name}, default checkpoints`, every]);
  }
  if (beforeOpen !== undefined) {
    rows.push([`before, unsigned, default checkpoints`,
      await run({ open: beforeOpen, signed: false, checkpoints: true })]);
  }
} finally {
  await rm(dir, { recursive: true, force: true });
}

console.log(`${appends} appends of ${perAppend} events, one after another`);
console.log(`${'run'.padEnd(40)} mean ms  p99.9 ms  longest ms  close ms`);
for (const [name, f] of rows) {
  console.log(`${name.padEnd(40)} ${f.meanMs.toFixed(3).padStart(7)}  `
    + `${f.p999Ms.toFixed(2).padStart(8)}  ${f.longestMs.toFixed(1).padStart(10)}  `
    + `${f.closeMs.toFixed(0).padStart(8)}`);
}
const figure = (name: string) => rows.find(([n]) => n === name)?.[1];
for (const name of ['unsigned', 'signed']) {
  const none = figure(`${name}, no checkpoint until close`);
  const every = figure(`${name}, default checkpoints`);
  if (none === undefined || every === undefined) continue;
  console.log(`${name}: longest append with checkpoints / without `
    + `${(every.longestMs / none.longestMs).toFixed(2)}; mean `
    + `${(every.meanMs / none.meanMs).toFixed(2)}`);
}
