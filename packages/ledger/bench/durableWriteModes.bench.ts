// The file store's two ways of making an append's durable write, side by side in one run:
// `durableWrites: 'blocking'` (the default: one synchronous write on the main thread for a group
// of up to 1 MiB) and `'threaded'` (the write made in libuv's thread pool, the loop free).
// Four loads: one writer appending 1 event at a time, and 100 at a time; 16 writers at once
// (each a command's lane: a little work of its own, then an append, awaited) appending 1 event,
// and 10. Each load runs `ROUNDS` times a mode, the two modes taking turns (which goes first
// alternating); the best of each counts, CPU (`process.cpuUsage`, every thread) beside it.
// Run: npx -y pnpm@10 bench durableWriteModes (EVENTS=2000 ROUNDS=2 for a quicker run).
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openFileEventStore } from '../src/index.ts';
import { repayment, schema } from './repaymentEvents.ts';

const totalEvents = Number(process.env['EVENTS'] ?? 6_000);
const rounds = Number(process.env['ROUNDS'] ?? 4);
const loads = [
  { lanes: 1, perAppend: 1 }, { lanes: 1, perAppend: 100 },
  { lanes: 16, perAppend: 1 }, { lanes: 16, perAppend: 10 },
] as const;
type Mode = 'blocking' | 'threaded';

const dir = await mkdtemp(join(tmpdir(), 'usha-write-modes-'));

// A lane's own work before each append (a decision's few microseconds), so that lanes have
// something to do while another lane's write is in flight.
let sink = 0;
const work = () => {
  for (let i = 0; i < 5_000; i++) sink += i % 7;
};

const run = async (mode: Mode, lanes: number, perAppend: number) => {
  const events = Array.from({ length: totalEvents / perAppend }, (_, b) =>
    Array.from({ length: perAppend }, () => repayment(b)));
  const file = join(await mkdtemp(join(dir, `${mode}-`)), 'log');
  const store = await openFileEventStore({ file, schema, durableWrites: mode });
  let next = 0;
  globalThis.gc?.();
  const cpu = process.cpuUsage();
  const start = process.hrtime.bigint();
  await Promise.all(Array.from({ length: lanes }, async () => {
    for (let b = next++; b < events.length; b = next++) {
      work();
      await store.appendToStream(`loan-L${b}`, events[b] ?? []);
    }
  }));
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  const used = process.cpuUsage(cpu);
  await store.close();
  return { ms, cpuMs: (used.user + used.system) / 1000 };
};

try {
  console.log(`${totalEvents} events a run, each append durable; best of ${rounds}`);
  console.log(`${'load'.padEnd(34)} ${'blocking'.padStart(20)} ${'threaded'.padStart(20)}`
    + '  threaded / blocking (time)');
  for (const { lanes, perAppend } of loads) {
    const best = { blocking: { ms: Infinity, cpuMs: Infinity },
      threaded: { ms: Infinity, cpuMs: Infinity } };
    for (let r = 0; r < rounds; r++) {
      const order: Mode[] = r % 2 === 0 ? ['blocking', 'threaded'] : ['threaded', 'blocking'];
      for (const mode of order) {
        const got = await run(mode, lanes, perAppend);
        best[mode] = { ms: Math.min(best[mode].ms, got.ms),
          cpuMs: Math.min(best[mode].cpuMs, got.cpuMs) };
      }
    }
    const show = (m: Mode) => `${(best[m].ms * 1000 / totalEvents).toFixed(2)} µs, `
      + `${(best[m].cpuMs * 1000 / totalEvents).toFixed(2)} CPU`;
    console.log(`${`${lanes} lane(s), ${perAppend} event(s) an append`.padEnd(34)} `
      + `${show('blocking').padStart(20)} ${show('threaded').padStart(20)}  `
      + `${(best.threaded.ms / best.blocking.ms).toFixed(2)}`);
  }
  console.log('(µs of wall time an event, then µs of CPU an event)');
} finally {
  await rm(dir, { recursive: true, force: true });
}
if (sink < 0) console.log(sink);
