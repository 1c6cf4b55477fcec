// Benchmark: the first command on long streams after a restart, against a warm one. A member's
// cash at a counter goes onto two streams that grow all their lives: her branch's (a till
// movement) and her account's. After LONG_DEPOSITS deposits (default 500, 2,000, 8,000)
// through one till into one savings account, a new Ledger over the same store (memory store:
// no parse, no disk) times its first cashAtTill deposit, which loads both streams, then the
// median of 20 more, held warm. Prints wall ms and first / warm (the target: within 2),
// and how the first grows with the streams.
// Then the same on a signed file store, where the Ledger keeps its long streams' folded states
// beside its checkpoint (docs/concepts/kept-states.md): the history written once, then opened
// with the states kept (default) and with none (`stateBytes: 0`), in the same run
// (LONG_FILE_DEPOSITS, default 500,2000: each deposit is two durable appends). Last, a restart
// as an app makes one: the signed store opened with its states kept in LONG_FRESH fresh
// processes (default 5), each timing its first deposit and the median of 20 warm ones, wall and
// CPU; the first command there also runs the code for the first time in the process. Then the
// same again in processes that first had a throwaway Ledger over a memory store take three
// deposits (a warm-up measured, not built: what running a command's path at open would buy),
// and in processes that first ran the same path through the store itself, on a member and
// branch of their own (the bound of any warm-up: the file store's write path compiled too).
// Run: npx pnpm@10 bench longStream
//   (= node --expose-gc --import tsx packages/ledger/bench/longStream.bench.ts)
import { spawnSync } from 'node:child_process';
import { createPrivateKey, createPublicKey, generateKeyPairSync } from 'node:crypto';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import type { EventStore } from '../src/eventStore/port.ts';
import { openFileEventStore } from '../src/file/fileEventStore.ts';
import type { LedgerEvent } from '../src/app/log/ledgerEvent.ts';
import { ledgerEventSchema } from '../src/app/log/ledgerEvent.ts';
import {
  everyClose, memberWithSavings, memoryStore, ok, testLedger,
} from '../src/app/testSupport.ts';

const sizes = (process.env.LONG_DEPOSITS ?? '500,2000,8000').split(',').map(Number);
const on = '2024-04-02';
const at = { branchId: 'SONAGACHI', tillId: 'T1' };
const deposit = (commandId: string) => ({ commandId, actor: 'cashier', on, ...at,
  type: 'MakeDeposit' as const, accountId: 'SB-M1', amount: '10' });
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? 0;

const history = async (store: EventStore<LedgerEvent>, n: number) => {
  const writer = await testLedger(store, { indexCheckpoint: everyClose });
  await memberWithSavings(writer, 'M1', '5000');
  ok(await writer.takeOverVaultCash({ commandId: 'v0', actor: 'manager', on,
    branchId: 'SONAGACHI', amount: '100000' }));
  for (let i = 0; i < n; i += 1) {
    const o = await writer.cashAtTill(deposit(`d-${i}`));
    if (o.status !== 'completed') throw new Error(JSON.stringify(o));
  }
  await writer.close();
};

const timed = async (ledger: Awaited<ReturnType<typeof testLedger>>, tag = '') => {
  (globalThis as { gc?: () => void }).gc?.();
  const t0 = performance.now();
  ok((await ledger.cashAtTill(deposit(`${tag}first`))).steps[1]);
  const first = performance.now() - t0;
  const warm: number[] = [];
  for (let i = 0; i < 20; i += 1) {
    const t = performance.now();
    await ledger.cashAtTill(deposit(`${tag}warm-${i}`));
    warm.push(performance.now() - t);
  }
  await ledger.close();
  return { first, warm: median(warm) };
};

const measure = async (n: number) => {
  const store = memoryStore();
  await history(store, n);
  return timed(await testLedger(store));
};

// A child: opens the signed store in `dir` with its states kept, times one deposit and 20 more.
if (process.argv[2] === 'fresh-child') {
  const dir = process.argv[3] ?? '';
  const signingKey = createPrivateKey(await readFile(join(dir, 'key.pem')));
  const store = await openFileEventStore({ file: join(dir, 'usha.ndjson'),
    schema: ledgerEventSchema, signingKey, verifyKey: createPublicKey(signingKey) });
  const ledger = await testLedger(store, { indexCheckpoint: everyClose });
  if (process.argv[4] === 'warm-up') {
    const throwaway = await testLedger(memoryStore());
    await memberWithSavings(throwaway, 'M1', '5000');
    ok(await throwaway.takeOverVaultCash({ commandId: 'v0', actor: 'manager', on,
      branchId: 'SONAGACHI', amount: '100000' }));
    for (let i = 0; i < 3; i += 1) ok((await throwaway.cashAtTill(deposit(`w-${i}`))).steps[1]);
    await throwaway.close();
  }
  // The bound of any warm-up: the same path run first through this very store and Ledger, on a
  // member and branch of their own (written to the bench's log: what a warm-up at open would
  // have to do to compile the file store's own write path).
  if (process.argv[4] === 'real-warm-up') {
    const m = `W${process.pid}`;
    await memberWithSavings(ledger, m, '5000');
    ok(await ledger.takeOverVaultCash({ commandId: `v-${m}`, actor: 'manager', on,
      branchId: 'WARM', amount: '100000' }));
    const o = await ledger.cashAtTill({ ...deposit(`w-${m}`), branchId: 'WARM',
      accountId: `SB-${m}` });
    if (o.status !== 'completed') throw new Error(JSON.stringify(o));
  }
  const cpu = process.cpuUsage();
  const t0 = performance.now();
  ok((await ledger.cashAtTill(deposit(`fresh-${process.pid}`))).steps[1]);
  const first = performance.now() - t0;
  const firstCpu = process.cpuUsage(cpu);
  const warm: number[] = [];
  const warmCpu: number[] = [];
  for (let i = 0; i < 20; i += 1) {
    const c = process.cpuUsage();
    const t = performance.now();
    await ledger.cashAtTill(deposit(`fresh-${process.pid}-${i}`));
    warm.push(performance.now() - t);
    const used = process.cpuUsage(c);
    warmCpu.push((used.user + used.system) / 1000);
  }
  await ledger.close();
  await store.close();
  console.log(`RESULT ${JSON.stringify({ restored: ledger.restoredStates.restored, first,
    firstCpu: (firstCpu.user + firstCpu.system) / 1000, warm: median(warm),
    warmCpu: median(warmCpu) })}`);
  process.exit(0);
}

const keys = generateKeyPairSync('ed25519');
const signed = { signingKey: keys.privateKey, verifyKey: keys.publicKey };
const freshRuns = Number(process.env.LONG_FRESH ?? 5);
interface Fresh { restored: number; first: number; firstCpu: number; warm: number;
  warmCpu: number }
const fresh = (dir: string, warmUp?: 'warm-up' | 'real-warm-up'): Fresh => {
  const r = spawnSync(process.execPath,
    ['--import', 'tsx', new URL(import.meta.url).pathname, 'fresh-child', dir,
      ...warmUp === undefined ? [] : [warmUp]],
    { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] });
  const line = /^RESULT (.*)$/m.exec(r.stdout)?.[1];
  if (r.status !== 0 || line === undefined) throw new Error(`fresh child failed: ${r.status}`);
  return JSON.parse(line) as Fresh;
};
const measureFile = async (n: number) => {
  const dir = await mkdtemp(join(tmpdir(), 'usha-long-stream-'));
  const file = join(dir, 'usha.ndjson');
  const open = () => openFileEventStore({ file, schema: ledgerEventSchema, ...signed });
  try {
    let store = await open();
    await history(store, n);
    await store.close();
    const out: Record<'kept' | 'none', { first: number; warm: number }> = {
      kept: { first: 0, warm: 0 }, none: { first: 0, warm: 0 } };
    for (const how of ['kept', 'none'] as const) {
      store = await open();
      const ledger = await testLedger(store,
        { indexCheckpoint: how === 'kept' ? everyClose : { ...everyClose, stateBytes: 0 } });
      if (how === 'kept' && ledger.restoredStates.restored !== 2) {
        throw new Error(`states restored: ${JSON.stringify(ledger.restoredStates)}`);
      }
      out[how] = await timed(ledger, how);
      await store.close();
    }
    await writeFile(join(dir, 'key.pem'),
      keys.privateKey.export({ type: 'pkcs8', format: 'pem' }));
    // Alternating, so that the machine's load falls on both alike.
    const runs: Fresh[] = [];
    const warmedUp: Fresh[] = [];
    const realWarmUp: Fresh[] = [];
    for (let i = 0; i < freshRuns; i += 1) {
      runs.push(fresh(dir));
      warmedUp.push(fresh(dir, 'warm-up'));
      realWarmUp.push(fresh(dir, 'real-warm-up'));
    }
    if ([...runs, ...warmedUp, ...realWarmUp].some((r) => r.restored !== 2)) {
      throw new Error('a fresh process restored no state');
    }
    const medians = (rs: Fresh[]) => {
      const m = (k: keyof Fresh) => median(rs.map((r) => r[k]));
      return { first: m('first'), firstCpu: m('firstCpu'), warm: m('warm'),
        warmCpu: m('warmCpu') };
    };
    return { ...out, fresh: medians(runs), warmedUp: medians(warmedUp),
      realWarmUp: medians(realWarmUp) };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
};

console.log('first cashAtTill after a restart on long streams, wall ms (memory store)');
let base: number | undefined;
for (const n of sizes) {
  const r = await measure(n);
  base ??= r.first;
  console.log(`  ${n.toLocaleString('en')} deposits before: first ${r.first.toFixed(1)} ms, `
    + `warm ${r.warm.toFixed(2)} ms, first / warm ${(r.first / r.warm).toFixed(1)}, `
    + `first / first at ${sizes[0]?.toLocaleString('en')} ${(r.first / base).toFixed(2)}`);
}

console.log('the same on a signed file store: states kept beside the checkpoint, and none');
for (const n of (process.env.LONG_FILE_DEPOSITS ?? '500,2000').split(',').map(Number)) {
  const r = await measureFile(n);
  console.log(`  ${n.toLocaleString('en')} deposits before: kept: first `
    + `${r.kept.first.toFixed(1)} `
    + `ms, warm ${r.kept.warm.toFixed(2)} ms, first / warm ${(r.kept.first / r.kept.warm)
      .toFixed(2)}; none: first ${r.none.first.toFixed(1)} ms, warm ${r.none.warm.toFixed(2)} `
    + `ms, first / warm ${(r.none.first / r.none.warm).toFixed(2)}; first kept / first none `
    + `${(r.kept.first / r.none.first).toFixed(3)}`);
  const rows = [['kept', r.fresh], ['kept, a throwaway warm-up first', r.warmedUp],
    ['kept, the same path through this store first (any warm-up\'s bound)', r.realWarmUp],
  ] as const;
  for (const [how, f] of rows) {
    console.log(`    ${how}, in ${freshRuns} fresh processes (medians): first `
      + `${f.first.toFixed(1)} ms (CPU ${f.firstCpu.toFixed(1)}), warm ${f.warm.toFixed(2)} ms `
      + `(CPU ${f.warmCpu.toFixed(2)}), first / warm ${(f.first / f.warm).toFixed(2)} `
      + `(CPU ${(f.firstCpu / f.warmCpu).toFixed(2)})`);
  }
}
