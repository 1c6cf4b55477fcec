// Durable writes that grow the file against writes into zero-filled space set aside ahead, side
// by side in one run: `WRITES` writes of 59 KiB (an append of 100 repayments) one after another
// through an O_DSYNC handle, each durable when it returns, by synchronous calls on the main
// thread (as the store's default `durableWrites: 'blocking'` makes them):
//   growing - each write extends the file, as the log is written without space ahead;
//   ahead   - each write lands in space the file already holds, grown 8 MiB at a time by
//             writing zeros (logSpace.ts, the writer's own: a synchronous gathered write of one
//             shared chunk of zeros), the growing counted in: the store's default;
//   aheadThreaded - the same with the writes and the zeros written through the thread pool,
//             as with `durableWrites: 'threaded'`;
//   over    - each write lands in space grown before the clock starts: what the writes cost
//             without the growing (the part of `ahead` that is not writing zeros).
// Each is run `ROUNDS` times, alternating which goes first; the best round counts. Figures are
// wall time per write (what a sync costs is waiting for the disk) and CPU time per write.
// Run: npx -y pnpm@10 bench logSpace (WRITES=300 for a quicker run).
import { constants, writeSync } from 'node:fs';
import { mkdtemp, open, rm, stat } from 'node:fs/promises';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { logSpace, spaceStepBytes } from '../src/file/logSpace.ts';

const writes = Number(process.env['WRITES'] ?? 1000);
const rounds = Number(process.env['ROUNDS'] ?? 5);
const writeBytes = 59 * 1024;
const bytes = Buffer.alloc(writeBytes, 'x');
for (let i = 1023; i < writeBytes; i += 1024) bytes[i] = 10; // lines of 1 KiB
const dir = await mkdtemp(join(tmpdir(), 'usha-log-space-bench-'));
const flags = constants.O_RDWR | constants.O_CREAT | constants.O_TRUNC | constants.O_DSYNC;

type Mode = 'growing' | 'ahead' | 'aheadThreaded' | 'over';
// Opens the file for `mode`; the space for `over` is made before the clock starts.
const prepare = async (file: string, mode: Mode) => {
  const h = await open(file, flags);
  const space = logSpace({ handle: h, fileBytes: 0,
    stepBytes: mode === 'growing' ? 0 : mode === 'over' ? writes * writeBytes : spaceStepBytes,
    writesSynced: true, blocking: mode !== 'aheadThreaded' });
  if (mode === 'over') await space.ensure(1);
  return { h, space, threaded: mode === 'aheadThreaded' };
};
const run = async (file: string, prepared: Awaited<ReturnType<typeof prepare>>) => {
  const { h, space, threaded } = prepared;
  let at = 0;
  for (let i = 0; i < writes; i++) {
    await space.ensure(at + writeBytes);
    if (threaded) await h.write(bytes, 0, writeBytes, at);
    else writeSync(h.fd, bytes, 0, writeBytes, at);
    at += writeBytes;
  }
  await space.release(at);
  await h.close();
  if ((await stat(file)).size !== at) throw new Error(`${file}: not ${at} bytes`);
};

type Name = Mode;
const names: Name[] = ['growing', 'ahead', 'aheadThreaded', 'over'];
const best = Object.fromEntries(names.map((n) => [n, { wallMs: Infinity, cpuMs: Infinity }]));
for (let r = 0; r < rounds; r++) {
  for (const name of r % 2 === 0 ? names : [...names].reverse()) { // alternating
    const file = join(dir, `${name}-${r}.ndjson`);
    const prepared = await prepare(file, name);
    const cpu = process.cpuUsage();
    const t0 = performance.now();
    await run(file, prepared);
    const wallMs = (performance.now() - t0) / writes;
    const used = process.cpuUsage(cpu);
    const cpuMs = (used.user + used.system) / 1000 / writes;
    await rm(file);
    const was = best[name] ?? { wallMs: Infinity, cpuMs: Infinity };
    best[name] = { wallMs: Math.min(was.wallMs, wallMs), cpuMs: Math.min(was.cpuMs, cpuMs) };
    console.log(`round ${r + 1} ${name.padEnd(13)} ${wallMs.toFixed(3)} ms/write wall, `
      + `${cpuMs.toFixed(3)} ms CPU`);
  }
}
await rm(dir, { recursive: true, force: true });
console.log(`\n${writes} writes of 59 KiB, O_DSYNC, best of ${rounds}; load average `
  + loadavg().map((l) => l.toFixed(2)).join(' '));
const wall = (n: Name) => best[n]?.wallMs ?? NaN;
for (const name of names) {
  console.log(`${name.padEnd(13)} ${wall(name).toFixed(3)} ms/write wall, `
    + `${(best[name]?.cpuMs ?? NaN).toFixed(3)} ms CPU`);
}
console.log(`ahead / growing (wall): ${(wall('ahead') / wall('growing')).toFixed(2)}; `
  + `ahead, threaded / growing: ${(wall('aheadThreaded') / wall('growing')).toFixed(2)}; `
  + `over / growing: ${(wall('over') / wall('growing')).toFixed(2)}`);
