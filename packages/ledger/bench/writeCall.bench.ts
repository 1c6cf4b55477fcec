// What the size of the writer's write calls costs a long append: 16 MiB written through an
// O_DSYNC handle into space already there, in calls of 1 MiB (`writeCallBytes`) against calls
// of 4 MiB, alternating which goes first, best of `ROUNDS`. Smaller calls narrow what a crash
// can tear (an open takes non-zero bytes that far after a hole for a torn write), at the cost
// of a sync a call; appends under 1 MiB (nearly all) are one call either way.
// Run: npx -y pnpm@10 bench writeCall
import { constants } from 'node:fs';
import { mkdtemp, open, rm } from 'node:fs/promises';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { writeCallBytes } from '../src/file/logSpace.ts';

const rounds = Number(process.env['ROUNDS'] ?? 5);
const totalBytes = 16 << 20;
const bytes = Buffer.alloc(totalBytes, 'x');
const dir = await mkdtemp(join(tmpdir(), 'usha-write-call-bench-'));
const flags = constants.O_RDWR | constants.O_CREAT | constants.O_TRUNC | constants.O_DSYNC;

// CPU and wall ms to write `bytes` in calls of `callBytes`, over space written beforehand.
const run = async (callBytes: number) => {
  const h = await open(join(dir, `log-${callBytes}`), flags);
  const space = totalBytes + (8 << 20);
  await h.write(Buffer.alloc(space), 0, space, 0);
  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  for (let w = 0; w < totalBytes;) {
    const most = Math.min(callBytes, totalBytes - w);
    w += (await h.write(bytes, w, most, w)).bytesWritten;
  }
  const cpu = process.cpuUsage(cpu0);
  const wallMs = performance.now() - t0;
  await h.close();
  return { cpuMs: (cpu.user + cpu.system) / 1000, wallMs };
};

const sizes = [writeCallBytes, 4 << 20];
const best = new Map<number, { cpuMs: number; wallMs: number }>();
for (let r = 0; r < rounds; r++) {
  for (const size of r % 2 === 0 ? sizes : [...sizes].reverse()) {
    const x = await run(size);
    const b = best.get(size) ?? { cpuMs: Infinity, wallMs: Infinity };
    best.set(size, { cpuMs: Math.min(b.cpuMs, x.cpuMs), wallMs: Math.min(b.wallMs, x.wallMs) });
  }
}
await rm(dir, { recursive: true, force: true });
for (const [size, b] of best) {
  console.log(`calls of ${size >> 20} MiB: ${b.wallMs.toFixed(1)} ms wall, `
    + `${b.cpuMs.toFixed(1)} ms CPU for 16 MiB`);
}
console.log(`load average ${loadavg()[0]?.toFixed(1)}`);
