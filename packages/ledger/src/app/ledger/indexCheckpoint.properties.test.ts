// A Ledger reopened from its index checkpoint, after more events were stored past it, is the
// Ledger that reads the whole log: over random command sequences (members coming and going,
// accounts, loans, repayments from savings, retries, reused ids), both decide every later
// command alike, recognise the same retries, and end with the same indexes.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import type { EventStore } from '../../eventStore/port.ts';
import type { LedgerEvent } from '../log/ledgerEvent.ts';
import { everyClose, memoryStore, testLedger } from '../testSupport.ts';
import type { Ledger } from './createLedger.ts';
import { emptyIndexes, readIndexCheckpoint } from './indexCheckpoint.ts';

const pool = ['M1', 'M2', 'M3'] as const;
const kinds = ['admit', 'purchase', 'open', 'deposit', 'withdraw', 'apply', 'approve',
  'disburse', 'repay', 'redeem', 'exit'] as const;
type Step =
  | { readonly kind: (typeof kinds)[number]; readonly member: string; readonly slot: number }
  | { readonly kind: 'retry' | 'reuse'; readonly of: number };

const step: fc.Arbitrary<Step> = fc.oneof(
  { weight: 8, arbitrary: fc.record({ kind: fc.constantFrom(...kinds),
    member: fc.constantFrom(...pool), slot: fc.integer({ min: 0, max: 1 }) }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constantFrom('retry' as const,
    'reuse' as const), of: fc.nat() }) },
);

// Each sequence opens with M1 and M2 admitted, holding shares and a savings account with
// money in it, so that later steps are accepted as often as refused.
const opening: ReadonlyArray<Step> = ['M1', 'M2'].flatMap((member) =>
  (['admit', 'purchase', 'open', 'deposit'] as const).map((kind) => ({ kind, member,
    slot: 0 })));

// The command of step i: its id is `c<i>` (a retry's and a reuse's that of the step it names).
const send = (ledger: Ledger<undefined>, steps: ReadonlyArray<Step>, i: number):
  Promise<unknown> => {
  const s = steps[i];
  if (s === undefined) throw new Error(`no step ${i}`);
  if ('of' in s) {
    const j = i === 0 ? 0 : s.of % i;
    const earlier = steps[j];
    if (i === 0 || earlier === undefined) return Promise.resolve('nothing to retry');
    // A reuse sends another command under the earlier id: refused as command_id_reused.
    if (s.kind === 'reuse') {
      return ledger.makeDeposit({ commandId: `c${j}`, actor: 'clerk', on: '2024-04-02',
        accountId: 'SB-M10', amount: '7', source: 'cash' });
    }
    return sendAs(ledger, earlier, j);
  }
  return sendAs(ledger, s, i);
};

const sendAs = (ledger: Ledger<undefined>, s: Step, i: number): Promise<unknown> => {
  if ('of' in s) return Promise.resolve('a retry of a retry');
  const m = s.member;
  const by = (actor: string, on = '2024-04-02') => ({ commandId: `c${i}`, actor, on });
  const account = `SB-${m}${s.slot}`;
  const loan = `L-${m}${s.slot}`;
  switch (s.kind) {
    case 'admit': return ledger.admitMember({ ...by('clerk', '2024-04-01'), memberId: m,
      branchId: 'B-1', shareProductId: 'SH', shares: 5 });
    case 'purchase': return ledger.purchaseShares({ ...by('cashier'), accountId: `SH-${m}`,
      memberId: m, productId: 'SH', shares: 5 });
    case 'open': return ledger.openSavingsAccount({ ...by('clerk'), accountId: account,
      memberId: m, productId: 'SB' });
    case 'deposit': return ledger.makeDeposit({ ...by('cashier'), accountId: account,
      amount: '700', source: 'cash' });
    case 'withdraw': return ledger.withdraw({ ...by('cashier'), accountId: account,
      amount: '150' });
    case 'apply': return ledger.applyForLoan({ ...by('maker'), loanId: loan, memberId: m,
      productId: 'LP', principal: '2000', repayments: 4, firstRepaymentOn: null });
    case 'approve': return ledger.approveLoan({ ...by('checker'), loanId: loan,
      principal: '2000' });
    case 'disburse': return ledger.disburseLoan({ ...by('checker'), loanId: loan });
    case 'repay': return ledger.repayFromSavings({ ...by('clerk', '2024-05-20'), loanId: loan,
      accountId: account, amount: '300' });
    case 'redeem': return ledger.redeemShares({ ...by('cashier', '2025-06-01'),
      accountId: `SH-${m}`, memberId: m, shares: 5, forExit: true });
    case 'exit': return ledger.exitMember({ ...by('clerk', '2025-06-01'), memberId: m });
  }
};

// An outcome as text, without the time each event was recorded (the two logs were written at
// different times; everything else, positions included, is the same).
const text = (o: unknown): string => JSON.stringify(o, (k, v: unknown) =>
  k === 'recordedAt' ? undefined : typeof v === 'bigint' ? `${v}n` : v);

// The same log in another store: every event as stored, in the same order.
const copyOf = async (store: EventStore<LedgerEvent>): Promise<EventStore<LedgerEvent>> => {
  const copy = memoryStore();
  for await (const { stream, revision: _r, position: _p, recordedAt: _t, ...e }
    of store.readAll()) {
    await copy.appendToStream(stream, [e]);
  }
  return copy;
};

const dir = await mkdtemp(join(tmpdir(), 'usha-reopen-'));
let runs = 0;
const seen = { fromCheckpoint: 0, duplicates: 0, accepted: 0, eventsAfter: 0 };

test('a Ledger reopened from its checkpoint decides every command as one that read the whole '
  + 'log: same outcomes, same retries recognised, same indexes', async () => {
  const property = fc.asyncProperty(fc.array(step, { minLength: 6, maxLength: 40 }),
    fc.nat(), fc.nat(), async (random, a, b) => {
      const run = runs++;
      const steps = [...opening, ...random];
      // The checkpoint after at least the first step; the crash after it.
      const [cut, crash] = [1 + (a % steps.length), 1 + (b % steps.length)]
        .sort((x, y) => x - y);
      const file = join(dir, `a-${run}.ledger-index`);
      const store = memoryStore();
      const first = await testLedger(store, { indexCheckpoint: { file, ...everyClose } });
      for (let i = 0; i < (cut ?? 0); i++) await send(first, steps, i);
      await first.close(); // the checkpoint
      const after = await testLedger(store, { indexCheckpoint: false });
      for (let i = cut ?? 0; i < (crash ?? 0); i++) await send(after, steps, i);
      const copy = await copyOf(store);
      const restored = await testLedger(store, { indexCheckpoint: { file, ...everyClose } });
      const read = await testLedger(copy, { indexCheckpoint: false });
      assert.is(read.opened.from, 'log');
      if (restored.opened.from === 'checkpoint') seen.fromCheckpoint += 1;
      seen.eventsAfter += restored.opened.eventsRead;
      assert.equal(text(restored.resumed), text(read.resumed));
      // The rest, then every step again: each a retry or a reuse of an id stored or refused.
      const rest = [...steps.keys()].slice(crash).concat([...steps.keys()]);
      for (const i of rest) {
        const [x, y] = [await send(restored, steps, i), await send(read, steps, i)];
        assert.is(text(x), text(y), `step ${i}`);
        if (Reflect.get(Object(x), 'duplicate') === true) seen.duplicates += 1;
        if (Reflect.get(Object(x), 'status') === 'accepted') seen.accepted += 1;
      }
      await restored.close();
      await read.close();
      // The indexes the restored Ledger ended with (as its checkpoint keeps them) are those
      // built by reading the whole log.
      const kept = await readIndexCheckpoint(file);
      if (!kept.found) throw new Error(`no checkpoint kept: ${kept.reason}`);
      const x = kept.indexes;
      const y = emptyIndexes();
      let last;
      for await (const e of store.readAll()) {
        y.members.observe(e); y.commands.observe(e); y.processes.observe(e);
        y.society.observe(e); y.staff.observe(e);
        last = { position: e.position, eventId: e.eventId };
      }
      for (const m of [...pool, 'M9']) assert.equal(x.members.get(m), y.members.get(m), m);
      assert.equal([...x.members.members()], [...y.members.members()]);
      assert.is(x.commands.size(), y.commands.size());
      for (let i = 0; i < steps.length; i++) {
        assert.equal(x.commands.get(`c${i}`), y.commands.get(`c${i}`), `c${i}`);
      }
      assert.equal(x.processes.unfinished(), y.processes.unfinished());
      for (let i = 0; i < steps.length; i++) {
        assert.equal(x.processes.get(`c${i}`), y.processes.get(`c${i}`), `process c${i}`);
      }
      assert.is(x.society.id(), y.society.id());
      assert.is(x.staff.exists(), y.staff.exists());
      assert.equal(kept.seen, last);
    });
  await fc.assert(property, { numRuns: 60 });
  // The property met what it is about: opens from a checkpoint with events after it, retries
  // recognised, commands accepted.
  assert.ok(seen.fromCheckpoint > 30, JSON.stringify(seen));
  assert.ok(seen.eventsAfter > 0 && seen.duplicates > 0 && seen.accepted > 0,
    JSON.stringify(seen));
});

test.after(() => rm(dir, { recursive: true, force: true }));
test.run();
