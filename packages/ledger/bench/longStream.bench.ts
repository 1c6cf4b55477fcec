// Benchmark: the first command on long streams after a restart, against a warm one. A member's
// cash at a counter goes onto two streams that grow all their lives: her branch's (a till
// movement) and her account's. After LONG_DEPOSITS deposits (default 500, 2,000, 8,000)
// through one till into one savings account, a new Ledger over the same store (memory store:
// no parse, no disk) times its first cashAtTill deposit, which loads both streams, then the
// median of 20 more, held warm. Prints wall ms and first / warm (the target: within 2),
// and how the first grows with the streams.
// Run: npx pnpm@10 bench longStream
//   (= node --expose-gc --import tsx packages/ledger/bench/longStream.bench.ts)
import { performance } from 'node:perf_hooks';
import { memberWithSavings, memoryStore, ok, testLedger } from '../src/app/testSupport.ts';

const sizes = (process.env.LONG_DEPOSITS ?? '500,2000,8000').split(',').map(Number);
const on = '2024-04-02';
const at = { branchId: 'SONAGACHI', tillId: 'T1' };
const deposit = (commandId: string) => ({ commandId, actor: 'cashier', on, ...at,
  type: 'MakeDeposit' as const, accountId: 'SB-M1', amount: '10' });
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? 0;

const measure = async (n: number) => {
  const store = memoryStore();
  const writer = await testLedger(store);
  await memberWithSavings(writer, 'M1', '5000');
  ok(await writer.takeOverVaultCash({ commandId: 'v0', actor: 'manager', on,
    branchId: 'SONAGACHI', amount: '100000' }));
  for (let i = 0; i < n; i += 1) {
    const o = await writer.cashAtTill(deposit(`d-${i}`));
    if (o.status !== 'completed') throw new Error(JSON.stringify(o));
  }
  await writer.close();
  const ledger = await testLedger(store);
  (globalThis as { gc?: () => void }).gc?.();
  const t0 = performance.now();
  ok((await ledger.cashAtTill(deposit('first'))).steps[1]);
  const first = performance.now() - t0;
  const warm: number[] = [];
  for (let i = 0; i < 20; i += 1) {
    const t = performance.now();
    await ledger.cashAtTill(deposit(`warm-${i}`));
    warm.push(performance.now() - t);
  }
  await ledger.close();
  return { first, warm: median(warm) };
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
