// The memory child of the projections bench: replays all projections over the first `limit`
// events of a file (read line by line from the buffer, see readLinesFromBuffer) and prints, as
// one JSON line, its peak RSS and what it holds at a few points. The bench compiles it ahead
// of time (compileChild.ts) and runs it with plain `node --max-old-space-size=64 --expose-gc`,
// so that no TypeScript loader is measured.
import { readFileSync } from 'node:fs';
import { projectionFold, time } from './folds.ts';
import { readLinesFromBuffer } from './readEvents.ts';

// The process's own peak RSS (VmHWM): getrusage's maxRSS of a child spawned by a large parent
// starts at the parent's size on Linux.
const peakRss = (): number => {
  const m = /VmHWM:\s+(\d+) kB/.exec(readFileSync('/proc/self/status', 'utf8'));
  return m === null ? process.resourceUsage().maxRSS * 1024 : Number(m[1]) * 1024;
};

const gc = (): void => {
  const f: unknown = Reflect.get(globalThis, 'gc');
  if (typeof f === 'function') f();
};

/** Heap in use after a full collection, typed arrays, and RSS, now. */
const sample = (events: number) => {
  gc();
  const m = process.memoryUsage();
  return { events, heapUsedBytes: m.heapUsed, arrayBuffersBytes: m.arrayBuffers, rssBytes: m.rss };
};

// `fold` 'none' reads and parses only (B0): the floor the replay's memory stands on.
const run = (file: string, limit: number, samples: ReadonlyArray<number>, fold: string) => {
  const before = sample(0);
  const f = fold === 'none' ? null : projectionFold('all');
  const at: Array<ReturnType<typeof sample>> = [];
  const r = time(file, f, limit, (n) => { if (samples.includes(n)) at.push(sample(n)); },
    readLinesFromBuffer);
  const end = sample(r.n);
  console.log(JSON.stringify({
    events: r.n, seconds: r.seconds, maxRssBytes: peakRss(), before, at, end,
    applied: f?.result() !== undefined,
  }));
};

const [file, limit, samples, fold] = process.argv.slice(2);
run(file ?? '', Number(limit), (samples ?? '').split(',').filter((x) => x !== '').map(Number),
  fold ?? 'all');
