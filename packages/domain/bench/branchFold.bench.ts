// Benchmark: folding a branch's cash stream (a till movement per member's cash at a counter,
// a count and a day's close every 200), per event, at 2,000, 20,000 and 200,000 movements,
// as ratios to the 2,000-movement fold measured in the same run. Beside it, the same fold with
// the movements held in a `Map` copied per event (as the state was folded before): its cost
// per event grows with the history, so it is run at 2,000 and 8,000 only.
// The state holds the movements of the days not yet closed only (a close lets them go): the
// movements it holds after each fold are printed beside it.
// Run: npx pnpm@10 bench branchFold
//   (= node --expose-gc --import tsx packages/domain/bench/branchFold.bench.ts)
import { mapGet, mapSet, emptyPersistentMap } from '../src/shared/persistentMap.ts';
import {
  evolveBranchCash, initialBranchCashState, type BranchCashState, type TillMove,
} from '../src/branch/state.ts';
import { branchEvents, type BranchEvent } from '../src/branch/events.ts';
import { addDays, businessDate } from '../src/dates/businessDate.ts';

const start = businessDate('2025-04-01');

// The stream as a store read gives it: decoded events, one day per 200 movements.
const streamOf = (moves: number): BranchEvent[] => {
  const raw: Array<{ type: keyof typeof branchEvents; data: unknown }> = [
    { type: 'VaultCashTakenOver',
      data: { branchId: 'SONAGACHI', on: start, amount: '100000.00' } }];
  for (let i = 0; i < moves; i += 1) {
    const on = addDays(start, Math.floor(i / 200));
    raw.push({ type: 'TillCashMoved', data: { branchId: 'SONAGACHI', tillId: 'T1', on,
      purpose: 'deposit', amount: `${100 + (i % 900)}.00`, accountStream: `deposit-SB-${i % 400}`,
      stepId: `cash-${i}:account` } });
    if (i % 200 === 199) {
      raw.push({ type: 'TillCashCounted', data: { branchId: 'SONAGACHI', tillId: 'T1', on,
        book: '0.00', counted: '0.00', difference: '0.00' } });
      raw.push({ type: 'BranchDayClosed', data: { branchId: 'SONAGACHI', on, vault: '0.00',
        tills: [] } });
    }
  }
  return raw.map((r) => {
    const e = branchEvents[r.type].decode(r);
    if (e._tag === 'Left') throw new Error(JSON.stringify(r));
    return e.right;
  });
};

// The fold before the persistent map: every movement copies the map of all before it.
const copyingFold = (events: ReadonlyArray<BranchEvent>): number => {
  let moves: ReadonlyMap<string, TillMove> = new Map();
  let s: BranchCashState = initialBranchCashState;
  for (const e of events) {
    s = evolveBranchCash(s, e);
    if (e.type === 'TillCashMoved') {
      const next = new Map(moves);
      next.set(e.data.stepId, mapGet(s.moves, e.data.stepId) as TillMove);
      moves = next;
    }
  }
  return moves.size;
};

// The state as it was before a close let its day's movements go: every movement kept.
const keptMoves = (events: ReadonlyArray<BranchEvent>): BranchCashState => {
  let moves = emptyPersistentMap<TillMove>();
  let s: BranchCashState = initialBranchCashState;
  for (const e of events) {
    s = evolveBranchCash(s, e);
    if (e.type === 'TillCashMoved') {
      moves = mapSet(moves, e.data.stepId, mapGet(s.moves, e.data.stepId) as TillMove);
    }
  }
  return { ...s, moves };
};
const keepingFold = (events: ReadonlyArray<BranchEvent>): number => keptMoves(events).moves.size;

const fold = (events: ReadonlyArray<BranchEvent>): number =>
  events.reduce(evolveBranchCash, initialBranchCashState).moves.size;

// Nanoseconds per event, the best of `rounds` folds.
const perEvent = (events: ReadonlyArray<BranchEvent>, f: typeof fold, rounds: number) => {
  let best = Infinity;
  for (let r = 0; r < rounds; r += 1) {
    globalThis.gc?.();
    const t0 = process.hrtime.bigint();
    f(events);
    best = Math.min(best, Number(process.hrtime.bigint() - t0));
  }
  return best / events.length;
};

const sizes = [2_000, 20_000, 200_000];
const streams = new Map(sizes.map((n) => [n, streamOf(n)]));
const ns = (n: number, f: typeof fold, rounds: number) =>
  perEvent(streams.get(n) ?? streamOf(n), f, rounds);
const base = ns(2_000, fold, 9);
console.log('branch cash stream fold, ns an event (best of several); ratio to 2,000 movements');
for (const n of sizes) {
  const x = n === 2_000 ? base : ns(n, fold, n === 200_000 ? 3 : 5);
  const held = fold(streams.get(n) ?? []);
  console.log(`  persistent map, ${n.toLocaleString('en')} movements: ${x.toFixed(0)} ns, `
    + `ratio ${(x / base).toFixed(2)}; movements held after it: ${held.toLocaleString('en')}`);
}
for (const n of sizes) {
  const x = ns(n, keepingFold, n === 200_000 ? 3 : 5);
  console.log(`  every movement kept, ${n.toLocaleString('en')} movements: ${x.toFixed(0)} ns, `
    + `ratio ${(x / base).toFixed(2)}; movements held after it: `
    + `${keepingFold(streams.get(n) ?? []).toLocaleString('en')}`);
}
// The heap a folded state holds: measured around the fold, the state kept alive, after a gc.
const held = (f: () => unknown): number => {
  globalThis.gc?.();
  const h0 = process.memoryUsage().heapUsed;
  const kept = f();
  globalThis.gc?.();
  const bytes = process.memoryUsage().heapUsed - h0;
  if (kept === undefined) throw new Error('nothing folded');
  return bytes;
};
for (const n of sizes) {
  const events = streams.get(n) ?? [];
  const mine = held(() => events.reduce(evolveBranchCash, initialBranchCashState));
  const every = held(() => keptMoves(events));
  // A state of no movement is within the heap's noise (a few KiB either way).
  const mineText = mine < 4096 ? 'under 4 KiB' : `${mine.toLocaleString('en')} B`;
  console.log(`  heap held by the state after ${n.toLocaleString('en')} movements: `
    + `${mineText}; every movement kept: ${every.toLocaleString('en')} B`);
}
const copy2 = ns(2_000, copyingFold, 3);
const copy8 = perEvent(streamOf(8_000), copyingFold, 1);
console.log(`  Map copied per event, 2,000 movements: ${copy2.toFixed(0)} ns, `
  + `ratio ${(copy2 / base).toFixed(2)}`);
console.log(`  Map copied per event, 8,000 movements: ${copy8.toFixed(0)} ns, `
  + `ratio ${(copy8 / base).toFixed(2)}`);
