// The bound on folded states (`stateCacheEntries`): CPU per command and heap held, side by
// side in one process over one in-memory log. Each member's savings account takes a deposit
// in turn, round after round, so each command touches her account's and her own stream: a
// working set of 2 x MEMBERS streams. Bounds below it refold a stream at every command (a
// sweep in a fixed order is the least recently used cache's worst case); bounds above it
// fold each stream once. `MEMBERS=3000 ROUNDS=3` by default.
import { noBackoff } from '../src/app/commands/backoff.ts';
import { maxStateCacheEntries } from '../src/app/commands/stateCacheEntries.ts';
import { createLedger, type Ledger } from '../src/app/ledger/createLedger.ts';
import { memberWithSavings, memoryStore, ok, products } from '../src/app/testSupport.ts';

const members = Number(process.env.MEMBERS ?? 3000);
const rounds = Number(process.env.ROUNDS ?? 3);
const store = memoryStore();
const open = (stateCacheEntries: number): Promise<Ledger<undefined>> => createLedger({ store,
  products, backoff: noBackoff, stateCacheEntries, indexCheckpoint: false,
  processClaims: { claimant: `bench-${stateCacheEntries}` } });

const setup = await open(0);
for (let m = 0; m < members; m += 1) await memberWithSavings(setup, `M${m}`, '1000');

const gc = (globalThis as { gc?: () => void }).gc;
const heapMiB = (): number => {
  gc?.();
  return process.memoryUsage().heapUsed / 2 ** 20;
};

let commands = 0;
// One round of deposits over every member, on a Ledger opened for it: CPU ms per command.
const sweep = async (ledger: Ledger<undefined>, tag: string): Promise<number> => {
  const t0 = process.cpuUsage();
  for (let m = 0; m < members; m += 1) {
    ok(await ledger.makeDeposit({ commandId: `${tag}-${commands++}`, actor: 'clerk',
      on: '2024-04-02', accountId: `SB-M${m}`, amount: '1', source: 'cash' }));
  }
  const t = process.cpuUsage(t0);
  return (t.user + t.system) / 1000 / members;
};

const bounds = [maxStateCacheEntries, 4 * members, 4096, 1024, 0];
const cpu = new Map<number, number[]>(bounds.map((b) => [b, []]));
const heap = new Map<number, number>();
for (const b of bounds) {
  const base = heapMiB();
  const ledger = await open(b);
  await sweep(ledger, `warm-${b}`); // folds the working set (or as much as the bound holds)
  heap.set(b, heapMiB() - base);
  await ledger.close();
}
// The rounds interleaved, bound after bound, so a change of load colours all alike.
const ledgers = new Map<number, Ledger<undefined>>();
for (const b of bounds) ledgers.set(b, await open(b));
for (let r = 0; r < rounds; r += 1) {
  for (const b of bounds) {
    const l = ledgers.get(b);
    if (l === undefined) throw new Error('no Ledger');
    await sweep(l, `warm-${b}-${r}`);
    cpu.get(b)?.push(await sweep(l, `r${r}-${b}`));
  }
}
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? 0;
const unbounded = median(cpu.get(maxStateCacheEntries) ?? []);
console.log(`${members} members, working set ${2 * members} streams, ${rounds} rounds`);
console.log('bound      | CPU ms/command | vs unbounded | heap after a sweep (MiB)');
for (const b of bounds) {
  const c = median(cpu.get(b) ?? []);
  console.log(`${String(b).padEnd(10)} | ${c.toFixed(3).padStart(14)} | `
    + `${(c / unbounded).toFixed(2).padStart(12)} | ${(heap.get(b) ?? 0).toFixed(1)}`);
}
