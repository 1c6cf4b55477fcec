// Commands per second through the Ledger (in-memory store; file store with group commit)
// beside Emmett's DeciderCommandHandler running the same deposit decider on its in-memory
// store, measured in one run. Each figure is the best of 3. Two workloads: long streams
// (200 accounts x 50 rounds, ~100 events a stream) and short ones (1000 x 5, ~11 events);
// `ACCOUNTS=100 ROUNDS=20` runs only that one.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as E from 'fp-ts/lib/Either.js';
import { DeciderCommandHandler, getInMemoryEventStore } from '@event-driven-io/emmett';
import {
  createDepositDecider, decodeCommand, type DepositCommand, type DepositDecision,
  type DepositEvent, type DepositState,
} from '@usha/domain';
import { activeMember, products } from '@usha/domain/testing';
import { inMemoryEventStore } from '../src/memory/inMemoryEventStore.ts';
import { openFileEventStore } from '../src/file/fileEventStore.ts';
import { createLedger } from '../src/app/ledger/createLedger.ts';
import { ledgerEventSchema } from '../src/app/log/ledgerEvent.ts';

const workloads: ReadonlyArray<readonly [number, number]> =
  process.env.ACCOUNTS !== undefined || process.env.ROUNDS !== undefined
    ? [[Number(process.env.ACCOUNTS ?? 200), Number(process.env.ROUNDS ?? 50)]]
    : [[200, 50], [1000, 5]];

// The workload: admit N members, open a savings account for each (only members do business),
// then rounds of a deposit and a withdrawal on each.
const workload = (
  accounts: number, rounds: number,
): Array<{ type: string; data: Record<string, unknown> }> => {
  const out: Array<{ type: string; data: Record<string, unknown> }> = [];
  const by = (id: string) => ({ commandId: id, actor: 'clerk', on: '2024-05-01' });
  for (let a = 0; a < accounts; a += 1) {
    out.push({ type: 'AdmitMember', data: { ...by(`m-${a}`), memberId: `M${a}`,
      branchId: 'B1', shareProductId: 'SH', shares: 5 } });
  }
  for (let a = 0; a < accounts; a += 1) {
    out.push({ type: 'OpenSavingsAccount', data: { ...by(`o-${a}`), accountId: `SB-${a}`,
      memberId: `M${a}`, productId: 'SB' } });
  }
  for (let r = 0; r < rounds; r += 1) {
    for (let a = 0; a < accounts; a += 1) {
      out.push({ type: 'MakeDeposit', data: { ...by(`d-${r}-${a}`), accountId: `SB-${a}`,
        amount: '500', source: 'cash' } });
      out.push({ type: 'Withdraw', data: { ...by(`w-${r}-${a}`), accountId: `SB-${a}`,
        amount: '250' } });
    }
  }
  return out;
};

const best = async (label: string, n: number, run: () => Promise<void>) => {
  let fastest = Infinity;
  for (let i = 0; i < 3; i += 1) {
    globalThis.gc?.();
    const t0 = performance.now();
    await run();
    fastest = Math.min(fastest, performance.now() - t0);
  }
  const rate = (n / fastest) * 1000;
  console.log(`${label.padEnd(52)} ${Math.round(rate).toLocaleString('en-US')} commands/s`);
  return rate;
};

// Commands on different accounts run concurrently, `lanes` at a time (a branch counter with
// several tellers); commands on one account stay in order.
const inLanes = async (lanes: number, commands: ReadonlyArray<Command>,
  send: (c: (typeof commands)[number]) => Promise<unknown>) => {
  let next = 0;
  const first = (c: Command) => c.type === 'AdmitMember';
  const opens = commands.filter((c) => c.type === 'OpenSavingsAccount');
  const rest = commands.filter((c) => c.type !== 'OpenSavingsAccount' && !first(c));
  const lane = async (list: typeof commands) => {
    while (next < list.length) { const c = list[next++]; if (c !== undefined) await send(c); }
  };
  await Promise.all(Array.from({ length: lanes }, () => lane(commands.filter(first))));
  next = 0;
  await Promise.all(Array.from({ length: lanes }, () => lane(opens)));
  next = 0;
  await Promise.all(Array.from({ length: lanes }, () => lane(rest)));
};

// The baseline is the decider alone: the member is taken as admitted, her stream unread.
const admitted = new Map<string, ReturnType<typeof activeMember>>();
const asAdmitted = (c: DepositCommand, s: DepositState): DepositDecision => {
  const member = (m: string) => {
    const held = admitted.get(m) ?? activeMember(m, 'B1');
    admitted.set(m, held);
    return held;
  };
  switch (c.type) {
    case 'OpenSavingsAccount': return { ...c, facts: member(c.data.memberId) };
    case 'MakeDeposit': return { ...c, facts: member(s.status === 'none' ? '' : s.memberId) };
    case 'Withdraw': return c;
    default: throw new Error(`${c.type} is not in the workload`);
  }
};

const emmett = () => {
  const decider = createDepositDecider({ products });
  const handle = DeciderCommandHandler<DepositState, DepositCommand, DepositEvent>({
    decide: (c, s) => {
      const r = decider.decide(asAdmitted(c, s), s);
      if (E.isLeft(r)) throw new Error(r.left.type);
      return [...r.right];
    },
    evolve: decider.evolve,
    initialState: () => decider.initialState,
  });
  return handle;
};

type Command = ReturnType<typeof workload>[number];

const main = async (accounts: number, rounds: number) => {
  const commands = workload(accounts, rounds);
  const n = commands.length;
  console.log(`${n} commands: ${accounts} accounts, ${rounds} rounds of deposit + withdrawal`);
  const decoded = commands.map((c) => {
    const d = decodeCommand(c);
    if (E.isLeft(d)) throw d.left;
    return d.right;
  });
  const handle = emmett();
  const emmettRate = await best('Emmett DeciderCommandHandler, in-memory (baseline)', n,
    async () => {
      const store = getInMemoryEventStore();
      for (const c of decoded) {
        if (c.type === 'AdmitMember' || !('accountId' in c.data)) continue;
        await handle(store, String(c.data.accountId), c as DepositCommand);
      }
    });
  const memoryRate = await best('Ledger, in-memory store', n, async () => {
    const ledger = await createLedger({ store: inMemoryEventStore({ schema: ledgerEventSchema }),
      products });
    for (const c of commands) await ledger.execute(c);
  });
  const dir = await mkdtemp(join(tmpdir(), 'usha-ledger-bench-'));
  let run = 0;
  const fileRate = await best('Ledger, file store, 32 lanes (group commit)', n, async () => {
    const store = await openFileEventStore({ file: join(dir, `log-${run += 1}.ndjson`),
      schema: ledgerEventSchema });
    const ledger = await createLedger({ store, products });
    await inLanes(32, commands, (c) => ledger.execute(c));
    await store.close();
  });
  await rm(dir, { recursive: true, force: true });
  console.log(`ratio in-memory / Emmett: ${(memoryRate / emmettRate).toFixed(2)} (target >= 1)`);
  console.log(`ratio file / Emmett:      ${(fileRate / emmettRate).toFixed(2)}`);
};

for (const [accounts, rounds] of workloads) await main(accounts, rounds);
