// The bound on folded states changes what is held, never what is decided: a state let go is
// folded again from the store, and every state is brought up to date before a decision.
import fc from 'fast-check';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { ProductCatalogue } from '@usha/domain';
import { must, products } from '@usha/domain/testing';
import type { EventStore } from '../../eventStore/port.ts';
import type { LedgerEvent } from '../log/ledgerEvent.ts';
import { allEvents, memberWithSavings, memoryStore, ok, testLedger } from '../testSupport.ts';
import { aggregateDecider } from './aggregateDecider.ts';
import type { CommandOutcome } from './outcome.ts';
import {
  setUp, settingUp, unset, type Input, type Scenario,
} from './severalLedgers.scenarios.fixture.ts';
import { defaultStateCacheEntries, maxStateCacheEntries } from './stateCacheEntries.ts';
import { streamStates } from './streamStates.ts';
import { recentStates, recordsPerState, stateRecords } from './stateRecords.ts';

// The several-Ledgers catalogue: LO lends one loan at a time, so two applications race.
const catalogue = must(ProductCatalogue, { ...products,
  LO: { ...products.LN, id: 'LO', maxLoansAtOnce: 1 } });
const decider = aggregateDecider(catalogue);

type Op = { readonly kind: 'load' | 'cached'; readonly stream: number };
const ops = fc.array(fc.record({ kind: fc.constantFrom('load' as const, 'cached' as const),
  stream: fc.nat({ max: 5 }) }), { maxLength: 40 });

// The plain twin: an array, most recently used last.
const modelRun = (entries: number, run: ReadonlyArray<Op>): string[] => {
  let held: string[] = [];
  for (const op of run) {
    const s = `member-M${op.stream}`;
    if (op.kind === 'cached' && !held.includes(s)) continue;
    const used = [...held.filter((x) => x !== s), s];
    held = used.slice(Math.max(0, used.length - entries));
  }
  return held;
};

test('the states held are those the least recently used model holds, never more than N',
  async () => {
    await fc.assert(fc.asyncProperty(fc.nat({ max: 4 }), ops, async (entries, run) => {
      const store = memoryStore();
      const states = streamStates({ store, decider, observe: () => undefined, entries });
      for (const [i, op] of run.entries()) {
        const s = `member-M${op.stream}`;
        if (op.kind === 'load') await states.load(s, 'member');
        else states.cached(s);
        assert.ok(states.size() <= entries);
        assert.is(states.size(), modelRun(entries, run.slice(0, i + 1)).length);
      }
      // Probed least recent first, so each probe moves nothing still to be probed.
      const expected = modelRun(entries, run);
      const all = [0, 1, 2, 3, 4, 5].map((n) => `member-M${n}`);
      const order = [...expected, ...all.filter((x) => !expected.includes(x))];
      assert.equal(order.filter((x) => states.cached(x) !== undefined), expected);
    }), { numRuns: 200 });
  });

// An outcome as compared: what was decided and stored, where. An acceptance's `duplicate`
// says whether this Ledger found the command stored already, which depends on what it held:
// a Ledger holding a stale state, whose retry the store takes at the revision decided,
// answers `false` where one that read the stream first answers `true` (the log is the same);
// an event read back from the store carries its position and time, not part of a decision.
const decided = (o: CommandOutcome): unknown => plain(o.status === 'rejected' ? o : {
  ...o, duplicate: undefined,
  events: o.events.map((e) => ({ eventId: e.eventId, revision: e.revision, type: e.event.type,
    data: e.event.data, metadata: e.event.metadata })),
});
const plain = (v: unknown): unknown => JSON.parse(JSON.stringify(v, (_k, x: unknown) =>
  typeof x === 'bigint' ? `${x}n` : x));

type Send = { readonly command: number; readonly ledger: number };

// Two Ledgers over one fresh store, opened before the setup (so each is stale at first), each
// holding at most `entries` states; the setup through the first, then the sends in order.
const world = async (scenario: Scenario, entries: number, sends: ReadonlyArray<Send>) => {
  const store: EventStore<LedgerEvent> = memoryStore();
  const open = (n: number) => testLedger(store, { products: catalogue, resume: false,
    stateCacheEntries: entries, processClaims: { claimant: `instance-${n}` } });
  const ledgers = [await open(0), await open(1)];
  const outcomes: unknown[] = [];
  const send = async (ledger: number, input: Input | undefined) => {
    outcomes.push(decided(await (ledgers[ledger] ?? ledgers[0])!.execute(input)));
  };
  for (const input of scenario.setup) await send(0, input);
  for (const s of sends) await send(s.ledger, scenario.pool[s.command]?.input);
  const log = (await allEvents(store)).map((e) => [e.stream, e.revision, e.type, e.data]);
  return { outcomes, log };
};

// The third scenario sets the society and the first staff up as the commands run: a refusal
// there is checked against the set-up notes stored, so a Ledger that let the target's stream
// go, like one that never held it, refuses as one holding it does (after the set-up).
// The plan that first showed it (command/Ledger): M1's exit, a deposit into her account
// refused (none), the board appointed, her account opened as 'clerk' (not staff), her exit.
const foundOnce: Send[] = [[0, 0], [2, 1], [11, 0], [1, 1], [0, 0]]
  .map(([command, ledger]) => ({ command: command ?? 0, ledger: ledger ?? 0 }));

for (const scenario of [unset, setUp, settingUp]) {
  test('a Ledger with a cache of any size (0, 1, 2, default) decides every command of a '
    + `generated sequence exactly as one with an unbounded cache (${scenario.name})`,
  async () => {
    let accepted = 0;
    const sends = fc.array(fc.record({ command: fc.nat({ max: scenario.pool.length - 1 }),
      ledger: fc.nat({ max: 1 }) }), { minLength: 1, maxLength: 12 });
    await fc.assert(fc.asyncProperty(sends, async (plan) => {
      const model = await world(scenario, maxStateCacheEntries, plan);
      for (const entries of [0, 1, 2, defaultStateCacheEntries]) {
        const bounded = await world(scenario, entries, plan);
        assert.equal(bounded.outcomes, model.outcomes, `${entries} states`);
        assert.equal(bounded.log, model.log, `${entries} states`);
      }
      accepted += model.outcomes.slice(scenario.setup.length)
        .filter((o) => (o as CommandOutcome).status === 'accepted').length;
    }), { numRuns: 50, examples: scenario === settingUp ? [[foundOnce]] : [] });
    // Commands of the sequences were stored, not only refused.
    assert.ok(accepted > 25, `${accepted} accepted`);
  });
}

// Savings accounts of 0 (eight of them), 40, 70, 100 and 130 deposits after their opening
// one, on one store: each state's records are its postings and itself (stateRecords.ts).
const sizes = [0, 0, 0, 0, 0, 0, 0, 0, 40, 70, 100, 130];
const accounts = sizes.map((_, m) => `deposit-SB-M${m}`);
const longAccounts = async () => {
  const store = memoryStore();
  const ledger = await testLedger(store);
  for (const [m, n] of sizes.entries()) {
    await memberWithSavings(ledger, `M${m}`, '100');
    for (let i = 0; i < n; i += 1) {
      ok(await ledger.makeDeposit({ commandId: `d-${m}-${i}`, actor: 'clerk', on: '2024-04-02',
        accountId: `SB-M${m}`, amount: '1', source: 'cash' }));
    }
  }
  return store;
};

test('the records the held states keep are the least recently used model\'s: never more than '
  + `N times ${recordsPerState}, but while no more than the ${recentStates} used last are held`,
async () => {
  const store = await longAccounts();
  const all = streamStates({ store, decider, observe: () => undefined });
  const weights = new Map<string, number>();
  for (const a of accounts) weights.set(a, stateRecords((await all.load(a, 'deposit')).state));
  assert.equal([...weights.values()], sizes.map((n) => n + 2));
  await fc.assert(fc.asyncProperty(fc.integer({ min: recentStates - 1, max: sizes.length }),
    fc.array(fc.nat({ max: sizes.length - 1 }), { maxLength: 40, size: 'max' }),
    async (entries, run) => {
      const states = streamStates({ store, decider, observe: () => undefined, entries });
      let held: string[] = [];
      const sum = () => held.reduce((n, x) => n + (weights.get(x) ?? 0), 0);
      for (const i of run) {
        const a = accounts[i] ?? '';
        await states.load(a, 'deposit');
        held = [...held.filter((x) => x !== a), a];
        while (held.length > entries
          || (sum() > entries * recordsPerState && held.length > recentStates)) {
          held = held.slice(1);
        }
        assert.is(states.records(), sum());
        assert.ok(states.records() <= entries * recordsPerState || states.size() <= recentStates);
        assert.equal(states.held().map((h) => h.stream), [...held].reverse());
      }
    }), { numRuns: 150 });
});

test('states kept across a restart are restored most recently used first, within both bounds '
  + 'as a use holds them',
  async () => {
    const store = await longAccounts();
    const all = streamStates({ store, decider, observe: () => undefined });
    const kept = async (m: number) => {
      const s = await all.load(`deposit-SB-M${m}`, 'deposit');
      return { stream: s.stream, revision: s.revision ?? 0n, eventId: 'e', digest: 'd',
        state: s.state };
    };
    // Of 12 states' 192 records: the first 8 whatever their records (16), then 132 (148);
    // 102 and 72 would pass it and are passed over; 42 fits (190).
    const states = streamStates({ store, decider, observe: () => undefined, entries: 12 });
    const order = [0, 1, 2, 3, 4, 5, 6, 7, 11, 10, 9, 8];
    assert.is(states.restore(await Promise.all(order.map(kept))), 10);
    assert.is(states.records(), 190);
    assert.equal(states.held().map((h) => h.stream),
      [0, 1, 2, 3, 4, 5, 6, 7, 11, 8].map((m) => accounts[m]));
    // Within the 8 used last a state is taken whatever its records, as a use holds it.
    const one = streamStates({ store, decider, observe: () => undefined, entries: 1 });
    assert.is(one.restore([await kept(11)]), 1);
    assert.is(one.records(), 132);
    // A state out of its kind's shape (no postings to count) is passed over, not thrown on.
    const odd = { ...await kept(11), state: { kind: 'loan', state: { status: 'active' } } };
    const other = streamStates({ store, decider, observe: () => undefined, entries: 2 });
    assert.is(other.restore([odd as unknown as Awaited<ReturnType<typeof kept>>,
      await kept(0)]), 1);
    assert.equal(other.held().map((h) => h.stream), [accounts[0]]);
  });

test.run();
