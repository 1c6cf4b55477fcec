// Benchmark: a branch's first command after a restart, against the branch's history in days.
// A branch takes BRANCH_PER_DAY members' deposits through one till a day (default 50; each of
// BRANCH_MEMBERS, default 800, into her own account, so only the branch's stream is long),
// counts the till and closes the day, for BRANCH_DAYS days (default 1,16,96), on a signed
// file store (so the Ledger keeps its states beside its checkpoint). Then the store and a
// Ledger are opened again in the same process (timed: the kept states are read back then), and
// the next day's first deposit is timed, and the median of 20 more. Printed: the kept states'
// file, the open, the first and warm deposits, each as a ratio to the one-day branch of the
// same run (the target: none grows with the branch's days). Then the same branches with no day
// closed: the state keeps every movement, as every branch's did before.
// Run: npx pnpm@10 bench branchDays
//   (= node --expose-gc --import tsx packages/ledger/bench/branchDays.bench.ts)
import { generateKeyPairSync } from 'node:crypto';
import { mkdtemp, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { addDays, businessDate } from '@usha/domain';
import { openFileEventStore } from '../src/file/fileEventStore.ts';
import { ledgerEventSchema } from '../src/app/log/ledgerEvent.ts';
import { everyClose, memberWithSavings, ok, testLedger } from '../src/app/testSupport.ts';

const days = (process.env.BRANCH_DAYS ?? '1,16,96').split(',').map(Number);
const perDay = Number(process.env.BRANCH_PER_DAY ?? 50);
// Her own account each, as at a large branch: no account's stream grows long enough
// to keep a state of its own (16 events), so the kept states are the branch's.
const members = Number(process.env.BRANCH_MEMBERS ?? 800);
const start = businessDate('2024-04-02');
const keys = generateKeyPairSync('ed25519');
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? 0;
type Ledger = Awaited<ReturnType<typeof testLedger>>;

const deposit = (ledger: Ledger, id: string, on: string, i: number) => ledger.cashAtTill({
  commandId: id, actor: 'cashier', on, branchId: 'SONAGACHI', tillId: 'T1',
  type: 'MakeDeposit', accountId: `SB-M${i % members}`, amount: '10' });

const measure = async (n: number, close: boolean) => {
  const dir = await mkdtemp(join(tmpdir(), 'usha-branch-days-'));
  const file = join(dir, 'usha.ndjson');
  const open = () => openFileEventStore({ file, schema: ledgerEventSchema,
    signingKey: keys.privateKey, verifyKey: keys.publicKey });
  try {
    let store = await open();
    const writer = await testLedger(store, { indexCheckpoint: everyClose });
    for (let m = 0; m < members; m += 1) await memberWithSavings(writer, `M${m}`, '5000');
    ok(await writer.takeOverVaultCash({ commandId: 'v0', actor: 'manager', on: start,
      branchId: 'SONAGACHI', amount: '100000' }));
    for (let d = 0; d < n; d += 1) {
      const on = addDays(start, d);
      for (let i = 0; i < perDay; i += 1) {
        const o = await deposit(writer, `d-${d}-${i}`, on, d * perDay + i);
        if (o.status !== 'completed') throw new Error(JSON.stringify(o));
      }
      const book = (await writer.tillPositions({ branchId: 'SONAGACHI' })).tills[0]?.cash;
      ok(await writer.countTillCash({ commandId: `n-${d}`, actor: 'cashier', on,
        branchId: 'SONAGACHI', tillId: 'T1', counted: book ?? '0' }));
      if (close) {
        ok(await writer.closeBranchDay({ commandId: `x-${d}`, actor: 'cashier', on,
          branchId: 'SONAGACHI' }));
      }
    }
    await writer.close();
    await store.close();
    const states = (await stat(`${file}.ledger-index.states`)).size;
    globalThis.gc?.();
    const o0 = performance.now();
    store = await open();
    const ledger = await testLedger(store, { indexCheckpoint: everyClose });
    const opened = performance.now() - o0;
    if (ledger.restoredStates.restored === 0) throw new Error('no state restored');
    const next = addDays(start, n);
    globalThis.gc?.();
    const t0 = performance.now();
    ok((await deposit(ledger, 'first', next, 0)).steps[1]);
    const first = performance.now() - t0;
    const warm: number[] = [];
    for (let i = 1; i <= 20; i += 1) {
      const t = performance.now();
      ok((await deposit(ledger, `warm-${i}`, next, i)).steps[1]);
      warm.push(performance.now() - t);
    }
    await ledger.close();
    await store.close();
    return { states, opened, first, warm: median(warm) };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
};

console.log(`a branch's first deposit after a restart, ${perDay} deposits a day, each day `
  + 'counted, on a signed file store (states kept); ratios to the one-day branch closed');
// The code run once first, so that the baseline is not a process's first command.
await measure(1, true);
const base = await measure(days[0] ?? 1, true);
for (const close of [true, false]) {
  console.log(close ? ' each day closed' : ' no day closed (the state keeps every movement, as '
    + 'every branch\'s did before a close let its day\'s movements go)');
  for (const n of days) {
    const r = n === days[0] && close ? base : await measure(n, close);
    console.log(`  ${n} days (${(n * perDay).toLocaleString('en')} movements): kept states `
      + `${r.states.toLocaleString('en')} B (ratio ${(r.states / base.states).toFixed(2)}), `
      + `open ${r.opened.toFixed(1)} ms (ratio ${(r.opened / base.opened).toFixed(2)}), `
      + `first ${r.first.toFixed(1)} ms (ratio ${(r.first / base.first).toFixed(2)}), warm `
      + `${r.warm.toFixed(2)} ms (ratio ${(r.warm / base.warm).toFixed(2)})`);
  }
}
