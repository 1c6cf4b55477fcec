// Two Ledgers over one memory store, each opened before the setup (so each decides on what it
// reads from the store, not on what it wrote), send deposits without a till and the close of
// the members' branch day in an interleaving fast-check's scheduler chooses. A deposit touches
// only her account's stream: its append is conditioned on the branch stream's revision read.
import fc from 'fast-check';
import * as E from 'fp-ts/lib/Either.js';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { ProductCatalogue } from '@usha/domain';
import type { EventStore } from '../../eventStore/port.ts';
import type { Ledger } from '../ledger/createLedger.ts';
import type { LedgerEvent } from '../log/ledgerEvent.ts';
import type { CommandOutcome } from './outcome.ts';
import {
  allEvents, memberWithSavings, memoryStore, ok, products, testLedger,
} from '../testSupport.ts';
import { scheduledStore } from './scheduledStore.fixture.ts';

const day = '2024-04-02';
const members = ['M1', 'M2'] as const;

const plans = fc.record({
  // Whether the branch keeps a stream before the day (a vault taken over) or the close is its
  // first event.
  vault: fc.boolean(),
  closeBy: fc.nat({ max: 1 }),
  closeAt: fc.nat({ max: 4 }),
  deposits: fc.array(fc.record({
    ledger: fc.nat({ max: 1 }),
    member: fc.constantFrom(...members),
    amount: fc.constantFrom('100.00', '250.00', '400.00'),
  }), { minLength: 1, maxLength: 4 }),
});

const paise = (s: string) => BigInt(s.replace('.', ''));

/**
 * Sends the commands with the close of the day slipped in at `closeAt` (by Ledger `closeBy`),
 * in the scheduler's order; checks each one was stored before the close or refused
 * `branch_day_closed` and not stored; returns which were stored, in the order sent.
 */
const raceTheClose = async (
  s: fc.Scheduler, store: EventStore<LedgerEvent>, ledgers: ReadonlyArray<Ledger<undefined>>,
  plan: { readonly closeBy: number; readonly closeAt: number },
  sent: ReadonlyArray<{ readonly id: string; readonly outcome: Promise<CommandOutcome> }>,
): Promise<boolean[]> => {
  const close = ledgers[plan.closeBy]!.closeBranchDay({ commandId: 'close',
    actor: 'manager', on: day, branchId: 'SONAGACHI' });
  const all = sent.map((c) => c.outcome);
  all.splice(Math.min(plan.closeAt, all.length), 0, close);
  const work = Promise.all(all);
  await s.waitFor(work);
  const outcomes = await work;
  const log = await allEvents(store);
  const at = (commandId: string) => log.findIndex((e) => e.metadata.commandId === commandId);
  const closedAt = at('close');
  assert.ok(closedAt >= 0, 'the day closed');
  return sent.map(({ id }) => {
    const o = outcomes.find((x) => 'commandId' in x && x.commandId === id);
    if (o?.status === 'accepted') {
      assert.ok(at(id) < closedAt, `${id} was stored after the close`);
      return true;
    }
    assert.equal(o?.status === 'rejected' ? o.rejection : o, { type: 'branch_day_closed',
      branchId: 'SONAGACHI', closedThrough: day, on: day });
    assert.is(at(id), -1);
    return false;
  });
};

test('a deposit racing the close of its branch day is stored before the close or refused',
  async () => {
    const seen = { before: 0, refused: 0 };
    await fc.assert(fc.asyncProperty(fc.scheduler(), plans, async (s, plan) => {
      const store = memoryStore();
      const ledgers = [await testLedger(scheduledStore(s, store)),
        await testLedger(scheduledStore(s, store))];
      const setup = await testLedger(store);
      for (const m of members) await memberWithSavings(setup, m, '1000');
      if (plan.vault) {
        ok(await setup.takeOverVaultCash({ commandId: 'v0', actor: 'manager',
          on: '2024-04-01', branchId: 'SONAGACHI', amount: '5000' }));
      }
      const stored = await raceTheClose(s, store, ledgers, plan,
        plan.deposits.map((d, n) => ({ id: `d${n}`, outcome: ledgers[d.ledger]!.makeDeposit({
          commandId: `d${n}`, actor: 'clerk', on: day, accountId: `SB-${d.member}`,
          amount: d.amount, source: 'cash' }) })));
      let total = 0n;
      plan.deposits.forEach((d, n) => { if (stored[n] === true) total += paise(d.amount); });
      stored.forEach((x) => { if (x) seen.before += 1; else seen.refused += 1; });
      // The day's books hold exactly the deposits stored: 2 x (1,000.00 saved + 100.00 of
      // shares) from the setup, and those stored before the close.
      const tb = await (await testLedger(store)).trialBalance({ branchId: 'SONAGACHI',
        asOf: day });
      assert.is(tb.rows.find((r) => r.code === '1100')?.debit, 220_000n + total);
    }), { numRuns: 60 });
    // Both outcomes occur, or the property held of nothing.
    assert.ok(seen.before > 0 && seen.refused > 0, JSON.stringify(seen));
  });

// Her admission is appended to her new stream only, conditioned on her branch stream's revision
// read: its fee of 47.00 is in the closed day's books only when stored before the close.
const decoded = ProductCatalogue.decode({ ...products,
  SHF: { ...products['SH'], id: 'SHF', admissionFee: { amount: '47.00' } } });
if (E.isLeft(decoded)) throw new Error('bad catalogue');
const withFee = { products: decoded.right };

const admissionPlans = fc.record({
  vault: fc.boolean(),
  closeBy: fc.nat({ max: 1 }),
  closeAt: fc.nat({ max: 4 }),
  admissions: fc.array(fc.nat({ max: 1 }), { minLength: 1, maxLength: 4 }),
});

test('an admission racing the close of its branch day is stored before the close or refused',
  async () => {
    const seen = { before: 0, refused: 0 };
    await fc.assert(fc.asyncProperty(fc.scheduler(), admissionPlans, async (s, plan) => {
      const store = memoryStore();
      const ledgers = [await testLedger(scheduledStore(s, store), withFee),
        await testLedger(scheduledStore(s, store), withFee)];
      if (plan.vault) {
        ok(await (await testLedger(store, withFee)).takeOverVaultCash({ commandId: 'v0',
          actor: 'manager', on: '2024-04-01', branchId: 'SONAGACHI', amount: '5000' }));
      }
      const stored = await raceTheClose(s, store, ledgers, plan,
        plan.admissions.map((by, n) => ({ id: `a${n}`, outcome: ledgers[by]!.admitMember({
          commandId: `a${n}`, actor: 'clerk', on: day, memberId: `M${n}`,
          branchId: 'SONAGACHI', shareProductId: 'SHF', shares: 10 }) })));
      stored.forEach((x) => { if (x) seen.before += 1; else seen.refused += 1; });
      // The closed day's admission fees (4700) are exactly those stored before the close.
      const tb = await (await testLedger(store, withFee)).trialBalance({
        branchId: 'SONAGACHI', asOf: day });
      assert.is(tb.rows.find((r) => r.code === '4700')?.credit ?? 0n,
        4_700n * BigInt(stored.filter((x) => x).length));
    }), { numRuns: 60 });
    // Both outcomes occur, or the property held of nothing.
    assert.ok(seen.before > 0 && seen.refused > 0, JSON.stringify(seen));
  });

test.run();
