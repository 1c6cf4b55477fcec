import fc from 'fast-check';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import type { CommandOutcome } from './outcome.ts';
import {
  allEvents, balanceOf, memberWithSavings, memoryStore, ok, testLedger,
} from '../testSupport.ts';
import { scheduledStore } from './scheduledStore.fixture.ts';

// The i-th of several Ledgers, round robin.
const nth = <A>(xs: ReadonlyArray<A>, i: number): A => {
  const x = xs[i % xs.length];
  if (x === undefined) throw new RangeError('no Ledger');
  return x;
};

const setUp = async (s: fc.Scheduler, instances: number) => {
  const store = memoryStore();
  await memberWithSavings(await testLedger(store), 'M1', '1000');
  const ledgers = [];
  for (let i = 0; i < instances; i += 1) ledgers.push(await testLedger(scheduledStore(s, store)));
  return { store, ledgers };
};

const settle = async (s: fc.Scheduler, work: Array<Promise<CommandOutcome>>) => {
  const all = Promise.all(work);
  await s.waitFor(all);
  return all;
};

test('concurrent withdrawals never overdraw an account and lose no update', async () => {
  await fc.assert(fc.asyncProperty(fc.scheduler(),
    fc.array(fc.integer({ min: 1, max: 400 }), { minLength: 2, maxLength: 8 }),
    async (s, amounts) => {
      const { store, ledgers } = await setUp(s, 3);
      const outcomes = await settle(s, amounts.map((a, i) =>
        nth(ledgers, i).withdraw({ commandId: `w-${i}`, actor: 'clerk',
          on: '2024-05-01', accountId: 'SB-M1', amount: String(a) })));
      const taken = amounts.filter((_, i) => outcomes[i]?.status === 'accepted')
        .reduce((x, a) => x + BigInt(a) * 100n, 0n);
      const balance = await balanceOf(nth(ledgers, 0), store, 'SB-M1');
      assert.is(balance, 100000n - taken);
      assert.ok(balance >= 10000n, 'never below the minimum balance');
      for (const o of outcomes) {
        if (o.status === 'rejected') {
          assert.ok(['below_minimum_balance', 'insufficient_balance', 'concurrency_conflict']
            .includes(o.rejection.type), o.rejection.type);
        }
      }
    }), { numRuns: 60 });
});

test('concurrent retries of one command have exactly one effect', async () => {
  await fc.assert(fc.asyncProperty(fc.scheduler(), fc.integer({ min: 2, max: 6 }),
    async (s, copies) => {
      const { store, ledgers } = await setUp(s, 3);
      const request = { commandId: 'w-once', actor: 'clerk', on: '2024-05-01',
        accountId: 'SB-M1', amount: '300' };
      const outcomes = await settle(s, Array.from({ length: copies },
        (_, i) => nth(ledgers, i).withdraw(request)));
      const stored = (await allEvents(store)).filter((e) => e.metadata.commandId === 'w-once');
      assert.is(stored.length, 1);
      assert.ok(outcomes.every((o) => o.status === 'accepted'));
      assert.is(outcomes.filter((o) => o.status === 'accepted' && !o.duplicate).length >= 1, true);
      assert.is(await balanceOf(nth(ledgers, 0), store, 'SB-M1'), 70000n);
    }), { numRuns: 60 });
});

test('a command id is stored at most once, whichever streams and Ledgers it is sent to',
  async () => {
    await fc.assert(fc.asyncProperty(fc.scheduler(),
      fc.array(fc.record({ id: fc.constantFrom('K-1', 'K-2', 'K-3'),
        account: fc.constantFrom('SB-M1', 'SB-M2'), deposit: fc.boolean(),
        amount: fc.integer({ min: 1, max: 50 }) }), { minLength: 2, maxLength: 8 }),
      async (s, sends) => {
        const store = memoryStore();
        const setup = await testLedger(store);
        await memberWithSavings(setup, 'M1', '1000');
        await memberWithSavings(setup, 'M2', '1000');
        const ledgers: Array<Awaited<ReturnType<typeof testLedger>>> = [];
        for (let i = 0; i < 3; i += 1) ledgers.push(await testLedger(scheduledStore(s, store)));
        const outcomes = await settle(s, sends.map((x, i) => {
          const request = { commandId: x.id, actor: 'clerk', on: '2024-05-01',
            accountId: x.account, amount: String(x.amount) };
          return x.deposit ? nth(ledgers, i).makeDeposit({ ...request, source: 'cash' })
            : nth(ledgers, i).withdraw(request);
        }));
        const events = await allEvents(store);
        for (const id of ['K-1', 'K-2', 'K-3']) {
          const stored = events.filter((e) => e.metadata.commandId === id);
          assert.ok(stored.length <= 1, `${id} stored ${stored.length} times`);
          // Every acceptance of the id is that one stored event; any other send was refused.
          for (const [i, o] of outcomes.entries()) {
            if (sends[i]?.id !== id || o.status !== 'accepted') continue;
            assert.equal(o.events.map((e) => e.eventId), stored.map((e) => e.eventId));
          }
        }
        for (const o of outcomes) {
          if (o.status === 'rejected') {
            assert.ok(['command_id_reused', 'concurrency_conflict'].includes(o.rejection.type),
              o.rejection.type);
          }
        }
      }), { numRuns: 60 });
  });

test('a loan approved, disbursed and repaid concurrently ends consistent', async () => {
  await fc.assert(fc.asyncProperty(fc.scheduler(), async (s) => {
    const store = memoryStore();
    const setup = await testLedger(store);
    await memberWithSavings(setup, 'M1', '1000');
    ok(await setup.applyForLoan({ commandId: 'apply', actor: 'maker', on: '2024-05-01',
      loanId: 'L1', memberId: 'M1', productId: 'LP', principal: '2000', repayments: 4,
      firstRepaymentOn: null }));
    const [a, b, c] = [await testLedger(scheduledStore(s, store)),
      await testLedger(scheduledStore(s, store)), await testLedger(scheduledStore(s, store))];
    const day = { actor: 'checker', on: '2024-05-02' };
    const outcomes = await settle(s, [
      a.approveLoan({ ...day, commandId: 'approve', loanId: 'L1', principal: '2000' }),
      b.disburseLoan({ ...day, commandId: 'disburse', loanId: 'L1' }),
      c.recordRepayment({ ...day, commandId: 'repay', loanId: 'L1', amount: '100' }),
    ]);
    const stream = (await allEvents(store)).filter((e) => e.stream === 'loan-L1');
    assert.equal(stream.map((e) => e.revision), stream.map((_, i) => BigInt(i)));
    const types: string[] = stream.map((e) => e.type);
    // Each accepted command is in the stream once, in a legal order; a refused one is not.
    for (const [o, type] of [[outcomes[0], 'LoanApproved'], [outcomes[1], 'LoanDisbursed'],
      [outcomes[2], 'RepaymentReceived']] as const) {
      assert.is(types.filter((t) => t === type).length, o?.status === 'accepted' ? 1 : 0, type);
    }
    const at = (t: string) => types.indexOf(t);
    if (at('LoanDisbursed') >= 0) assert.ok(at('LoanApproved') < at('LoanDisbursed'));
    if (at('RepaymentReceived') >= 0) assert.ok(at('LoanDisbursed') < at('RepaymentReceived'));
  }), { numRuns: 60 });
});

test.run();
