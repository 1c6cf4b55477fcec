// Opening a file store: by a scan of the whole log against from its index checkpoint, side by
// side on the same log in one run; then from the checkpoint with a tail appended after it (what
// an open after a crash reads), and what a checkpoint costs to write.
// Run: npx -y pnpm@10 bench fileStoreOpen (EVENTS=200000 for a quicker run, TAIL for the tail).
import { mkdtemp, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openFileEventStore } from '../src/index.ts';
import { repayment, schema } from './repaymentEvents.ts';

const totalEvents = Number(process.env['EVENTS'] ?? 1_000_000);
const tailEvents = Number(process.env['TAIL'] ?? 10_000);
const rounds = 3; // the best of each counts
const perAppend = 100;

const time = async (f: () => Promise<void>): Promise<number> => {
  const start = process.hrtime.bigint();
  await f();
  return Number(process.hrtime.bigint() - start) / 1e6;
};
const best = async (f: () => Promise<void>): Promise<number> => {
  let min = Infinity;
  for (let i = 0; i < rounds; i++) min = Math.min(min, await time(f));
  return min;
};
const mib = (bytes: number) => `${(bytes / 2 ** 20).toFixed(1)} MiB`;

const appendEvents = async (file: string, from: number, count: number) => {
  const store = await openFileEventStore({
    file, schema, maxAppendBytes: 1 << 24, checkpointEveryBytes: Infinity,
  });
  for (let b = from; b < from + count; b += perAppend) {
    const n = Math.min(perAppend, from + count - b);
    await store.appendToStream(`loan-L${(b / perAppend) % 20_000}`,
      Array.from({ length: n }, () => repayment(b)));
  }
  return store;
};

const dir = await mkdtemp(join(tmpdir(), 'usha-open-'));
try {
  const file = join(dir, 'log.ndjson');
  const filled = await appendEvents(file, 0, totalEvents);
  const closeMs = await time(() => filled.close()); // writes the checkpoint
  const logBytes = (await stat(file)).size;
  const checkpointBytes = (await stat(`${file}.index`)).size;
  console.log(`log: ${totalEvents} events, ${mib(logBytes)}; checkpoint ${mib(checkpointBytes)}`
    + ` (${(checkpointBytes / totalEvents).toFixed(1)} bytes an event), written on close in`
    + ` ${closeMs.toFixed(0)} ms`);

  const openWith = (verify: 'full' | 'checkpoint', expect: string) => async () => {
    const s = await openFileEventStore({ file, schema, mode: 'read-only', verify });
    if (s.opened.from !== expect) throw new Error(`opened by ${s.opened.from}`);
    await s.close();
  };
  const scanMs = await best(openWith('full', 'scan'));
  const checkpointMs = await best(openWith('checkpoint', 'checkpoint'));
  const ratio = (scanMs / checkpointMs).toFixed(1);
  console.log(`open, read-only, by scan: ${scanMs.toFixed(0)} ms; from the checkpoint: `
    + `${checkpointMs.toFixed(0)} ms; ratio scan / checkpoint ${ratio}`);

  // A tail after the checkpoint, never closed (as after a crash): the open reads only it.
  const writer = await appendEvents(file, totalEvents, tailEvents);
  let linesRead = 0;
  const tailMs = await best(async () => {
    const s = await openFileEventStore({ file, schema, mode: 'read-only' });
    linesRead = s.opened.linesRead;
    await s.close();
  });
  const tailAloneMs = (scanMs * linesRead) / totalEvents;
  console.log(`open from the checkpoint with ${linesRead} lines after it: ${tailMs.toFixed(0)} ms`
    + ` (the scan's rate for those lines alone: ${tailAloneMs.toFixed(0)} ms)`);
  await writer.appendToStream('loan-L0', [repayment(0)]);
  const rewriteMs = await time(() => writer.close()); // a checkpoint of the whole index again
  console.log(`checkpoint rewritten on close (${totalEvents + tailEvents + 1} events): `
    + `${rewriteMs.toFixed(0)} ms; appending ${mib(logBytes)} took the fill above`);
} finally {
  await rm(dir, { recursive: true, force: true });
}
