// Liens under concurrent commands: two Ledgers over one store, withdrawals and lien
// placements and releases interleaved as fast-check's scheduler chooses.
import fc from 'fast-check';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import type { CommandOutcome } from './outcome.ts';
import { allEvents, memberWithSavings, memoryStore, testLedger } from '../testSupport.ts';
import { scheduledStore } from './scheduledStore.fixture.ts';

const paise = (s: string): bigint => BigInt(s.replace('.', ''));
const minimumBalance = 10000n;

type Op =
  | { readonly kind: 'withdraw'; readonly amount: number }
  | { readonly kind: 'lien'; readonly loan: number; readonly amount: number }
  | { readonly kind: 'release'; readonly loan: number };
const op: fc.Arbitrary<Op> = fc.oneof(
  fc.record({ kind: fc.constant('withdraw' as const), amount: fc.integer({ min: 1, max: 700 }) }),
  fc.record({ kind: fc.constant('lien' as const), loan: fc.integer({ min: 1, max: 3 }),
    amount: fc.integer({ min: 1, max: 700 }) }),
  fc.record({ kind: fc.constant('release' as const), loan: fc.integer({ min: 1, max: 3 }) }),
);

test('no withdrawal ever breaks a lien or the minimum balance, under concurrent commands',
  async () => {
    // Across the runs, withdrawals and liens both happen (else the property says nothing).
    const seen = { withdrawn: 0, placed: 0 };
    await fc.assert(fc.asyncProperty(fc.scheduler(), fc.array(op, { minLength: 2,
      maxLength: 8 }), async (s, ops) => {
      const store = memoryStore();
      await memberWithSavings(await testLedger(store), 'M1', '1000', '2024-05-01');
      const ledgers = [await testLedger(scheduledStore(s, store)),
        await testLedger(scheduledStore(s, store))];
      const on = '2024-05-02';
      const send = (o: Op, i: number): Promise<CommandOutcome> => {
        const l = ledgers[i % 2]!;
        const base = { commandId: `op-${i}`, on, accountId: 'SB-M1' };
        if (o.kind === 'withdraw') {
          return l.withdraw({ ...base, actor: 'clerk', amount: String(o.amount) });
        }
        if (o.kind === 'lien') {
          return l.placeLien({ ...base, actor: 'mgr', loanId: `L-${o.loan}`,
            amount: String(o.amount) });
        }
        return l.releaseLien({ ...base, actor: 'mgr', loanId: `L-${o.loan}` });
      };
      const all = Promise.all(ops.map(send));
      await s.waitFor(all);
      // The model: fold the account's stream with plain sums, checking after every event.
      let balance = 0n;
      const liens = new Map<string, bigint>();
      const held = () => [...liens.values()].reduce((a, b) => a + b, 0n);
      for (const e of await allEvents(store)) {
        if (e.type === 'Deposited') balance += paise(e.data.amount);
        if (e.type === 'Withdrawn') {
          balance -= paise(e.data.amount);
          seen.withdrawn += 1;
          assert.ok(balance >= held() + minimumBalance,
            `a withdrawal left ${balance} under liens of ${held()}`);
        }
        if (e.type === 'LienPlaced') {
          liens.set(e.data.loanId, paise(e.data.amount));
          seen.placed += 1;
          assert.ok(balance >= held() + minimumBalance,
            `a lien of ${e.data.amount} placed over ${balance}`);
        }
        if (e.type === 'LienReleased') liens.delete(e.data.loanId);
      }
    }), { numRuns: 60 });
    assert.ok(seen.withdrawn > 0 && seen.placed > 0, JSON.stringify(seen));
  });

test.run();
