import { test } from 'uvu';
import * as assert from 'uvu/assert';
import fc from 'fast-check';
import * as E from 'fp-ts/lib/Either.js';
import { addDays, businessDate, type BusinessDate } from '../dates/businessDate.ts';
import {
  asMember, by, command, must, products, withFacts,
} from '../testing/fixtures.ts';
import { ProductCatalogue } from '../products/productCatalogue.ts';
import { accountHistory } from './accountHistory.ts';
import { createDepositDecider, type DepositDecision } from './decide.ts';
import { dormantSince } from './dormancy.ts';
import type { DepositEvent } from './events.ts';
import type { DepositState } from './state.ts';

// The same product twice: SBD makes an account dormant after one month without activity.
const catalogue = must(ProductCatalogue, {
  ...products, SBD: { ...products.SB, id: 'SBD', dormantAfterMonths: 1 },
});
const decider = createDepositDecider({ products: catalogue });
const A = { accountId: 'A1' };

interface Account { state: DepositState; events: DepositEvent[] }
const fresh = (): Account => ({ state: decider.initialState, events: [] });
const run = (a: Account, c: DepositDecision): boolean => {
  const r = decider.decide(c, a.state);
  if (E.isLeft(r)) return false;
  a.events.push(...r.right);
  a.state = r.right.reduce(decider.evolve, a.state);
  return true;
};

const move = fc.record({
  afterDays: fc.integer({ min: 0, max: 200 }),
  withdraw: fc.boolean(),
  rupees: fc.integer({ min: 1, max: 50_000 }),
});

test("a dormant account's interest equals an active one's with the same balances", () => {
  fc.assert(fc.property(fc.integer({ min: 1000, max: 200_000 }),
    fc.array(move, { maxLength: 12 }), fc.integer({ min: 92, max: 400 }),
    (first, moves, silenceDays) => {
      const active = fresh();
      const dormant = fresh();
      const open = (productId: string) => asMember(command('OpenSavingsAccount', {
        ...by('c0', '2024-04-01'), ...A, memberId: 'M1', productId }));
      const deposit = (id: string, on: BusinessDate, amount: string) =>
        asMember(command('MakeDeposit', { ...by(id, on), ...A, amount, source: 'cash' }));
      assert.ok(run(active, open('SB')) && run(dormant, open('SBD')));
      assert.ok(run(active, deposit('c1', businessDate('2024-04-01'), String(first))));
      assert.ok(run(dormant, deposit('c1', businessDate('2024-04-01'), String(first))));
      let on = businessDate('2024-04-01');
      moves.forEach((m, i) => {
        on = addDays(on, m.afterDays);
        const id = `m${i}`;
        const c = m.withdraw
          ? command('Withdraw', { ...by(id, on), ...A, amount: String(m.rupees) })
          : deposit(id, on, String(m.rupees));
        // Only what the active account takes is done to both: the balances stay the same.
        if (!run(active, c)) return;
        if (m.withdraw && dormant.state.status !== 'none'
          && dormantSince(dormant.state, { dormantAfterMonths: 1 }, on) !== null) {
          assert.ok(run(dormant, command('ReactivateAccount', { ...by(`r${i}`, on), ...A })));
        }
        assert.ok(run(dormant, c), `the dormant account refused ${c.type} on ${on}`);
      });
      const postOn = addDays(on, silenceDays);
      const post = (a: Account) => decider.decide(withFacts(command('PostInterest', {
        ...by('p', postOn), ...A, periodTo: postOn }), { history: accountHistory(a.events) }),
      a.state);
      // Not vacuous: one account is dormant on the posting day, the other never is.
      assert.ok(dormant.state.status !== 'none'
        && dormantSince(dormant.state, { dormantAfterMonths: 1 }, postOn) !== null);
      const credited = (r: ReturnType<typeof post>) => E.isLeft(r) ? r.left.type
        : r.right.map((e) => e.type === 'InterestPosted'
          ? `${e.data.periodFrom} ${e.data.periodTo} ${e.data.amount} ${e.data.balanceAfter}`
          : e.type);
      const expected = post(active);
      assert.ok(E.isRight(expected), 'a quarter has ended: there is interest to post');
      assert.equal(credited(post(dormant)), credited(expected));
    }), { numRuns: 150 });
});

test.run();
