import fc from 'fast-check';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { businessDate } from '../dates/businessDate.ts';
import { createDepositDecider, type DepositDecision } from '../deposit/decide.ts';
import { asMember, by, command, history, products } from '../testing/fixtures.ts';
import type { BranchDayFact } from './branchDayFact.ts';

const decider = createDepositDecider({ products });
const opened = history(decider, [asMember(command('OpenSavingsAccount', {
  ...by('c1', '2024-04-01'), accountId: 'A1', memberId: 'M1', productId: 'SB' }))]);
const state = opened.reduce(decider.evolve, decider.initialState);
const april = (day: number) => businessDate(`2024-04-${String(day).padStart(2, '0')}`);
const deposit = (on: string): DepositDecision => asMember(command('MakeDeposit', {
  ...by('c2', on), accountId: 'A1', amount: '700', source: 'cash' }));

test('after the branch\'s last closed day a deposit decides as if none closed; on or before '
  + 'it, it is refused branch_day_closed', () => {
  fc.assert(fc.property(fc.integer({ min: 1, max: 30 }), fc.integer({ min: 1, max: 30 }),
    fc.boolean(), (day, closed, tillMoved) => {
      const c = deposit(april(day));
      const branchDay: BranchDayFact = { branchId: 'SONAGACHI' as BranchDayFact['branchId'],
        closedThrough: april(closed), tillMoved };
      const decided = decider.decide({ ...c, branchDay }, state);
      if (day > closed || tillMoved) {
        assert.equal(decided, decider.decide(c, state));
      } else {
        assert.equal(decided, { _tag: 'Left', left: { type: 'branch_day_closed',
          branchId: 'SONAGACHI', closedThrough: april(closed), on: april(day) } });
      }
    }));
});

test.run();
