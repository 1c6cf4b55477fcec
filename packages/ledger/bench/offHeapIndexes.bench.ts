// What the off-heap indexes cost per operation beside their plain twins (Maps on the heap),
// measured side by side in one process, alternating, best of 5: the command index as the
// Ledger uses it (each event observed when stored and again when its stream is read; a new
// command's id looked up, a miss, on every command; a retry's, a hit) and the member index.
// `COMMANDS=1000000` for a larger index.
import { AccountId, MemberId } from '@usha/domain';
import {
  commandIndex, type CommandEvent, type CommandIndex,
} from '../src/app/commands/commandIndex.ts';
import { memberIndex, type MemberIndex } from '../src/app/commands/memberIndex.ts';
import { plainCommandIndex } from '../src/app/commands/plainCommandIndex.ts';
import { plainMemberIndex } from '../src/app/commands/plainMemberIndex.ts';

const n = Number(process.env.COMMANDS ?? 200_000);
const idOf = <T>(is: (u: unknown) => u is T, s: string): T => {
  if (!is(s)) throw new Error(`not an id: ${s}`);
  return s;
};
const events: CommandEvent[] = Array.from({ length: n }, (_, i) => ({
  stream: `deposit-SB-${i % 5000}`, revision: BigInt(Math.floor(i / 5000)),
  metadata: { commandId: `d-${i}-${i % 5000}`, commandType: 'MakeDeposit',
    commandHash: (i * 2654435761 >>> 0).toString(16).padStart(32, '0') },
}));
const misses = events.map((e) => `w-${e.metadata.commandId}`);

const nsPer = (ops: number, f: () => void): number => {
  const t0 = process.hrtime.bigint();
  f();
  return Number(process.hrtime.bigint() - t0) / ops;
};

const commandCosts = (make: () => CommandIndex) => {
  const ix = make();
  let sink = 0;
  return {
    observe: nsPer(n, () => { for (const e of events) ix.observe(e); }),
    revisit: nsPer(n, () => { for (const e of events) ix.observe(e); }),
    miss: nsPer(n, () => { for (const id of misses) if (ix.get(id) === undefined) sink++; }),
    hit: nsPer(n, () => {
      for (const e of events) sink += ix.get(e.metadata.commandId)?.count ?? 0;
    }),
    sink,
  };
};

const members = Array.from({ length: n / 4 }, (_, i) => ({
  memberId: idOf(MemberId.is, `M-${i}`), accountId: idOf(AccountId.is, `SB-${i}`),
}));
const memberCosts = (make: () => MemberIndex) => {
  const ix = make();
  let sink = 0;
  return {
    observe: nsPer(2 * members.length, () => {
      for (const m of members) {
        ix.observe({ type: 'MemberAdmitted', data: { memberId: m.memberId } });
        ix.observe({ type: 'SavingsAccountOpened', data: m });
      }
    }),
    get: nsPer(members.length, () => {
      for (const m of members) sink += ix.get(m.memberId)?.deposits.length ?? 0;
    }),
    sink,
  };
};

type Costs = Record<string, number>;
const best = (runs: Costs[]): Costs => Object.fromEntries(Object.keys(runs[0] ?? {})
  .filter((k) => k !== 'sink').map((k) => [k, Math.min(...runs.map((r) => r[k] ?? Infinity))]));
const side = (label: string, plain: () => Costs, offHeap: () => Costs) => {
  const p: Costs[] = [];
  const o: Costs[] = [];
  for (let i = 0; i < 5; i++) {
    globalThis.gc?.();
    p.push(plain());
    globalThis.gc?.();
    o.push(offHeap());
  }
  const bp = best(p);
  const bo = best(o);
  for (const k of Object.keys(bp)) {
    console.log(`${label} ${k.padEnd(8)} plain ${(bp[k] ?? 0).toFixed(0).padStart(5)} ns, ` +
      `off-heap ${(bo[k] ?? 0).toFixed(0).padStart(5)} ns, ratio ${
        ((bo[k] ?? 0) / (bp[k] ?? 1)).toFixed(2)}`);
  }
};

console.log(`${n.toLocaleString('en')} commands, ${members.length.toLocaleString('en')} members`);
side('command index', () => commandCosts(plainCommandIndex), () => commandCosts(commandIndex));
side('member index ', () => memberCosts(plainMemberIndex), () => memberCosts(memberIndex));
