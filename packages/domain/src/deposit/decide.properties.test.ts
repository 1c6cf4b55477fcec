import { test } from 'uvu';
import * as assert from 'uvu/assert';
import fc from 'fast-check';
import * as E from 'fp-ts/lib/Either.js';
import { products, roundTrip, runCommands } from '../testing/fixtures.ts';
import { savingsCommands } from '../testing/commandSequences.ts';
import { createDepositDecider } from './decide.ts';
import { depositEvents, type DepositEvent } from './events.ts';

const decider = createDepositDecider({ products });
const minimumBalance = 10000n;

test('balances never go below what the product allows', () => {
  fc.assert(fc.property(savingsCommands, (commands) => {
    const { steps } = runCommands(decider, commands);
    for (const s of steps) {
      if (s.after.status === 'none') continue;
      assert.ok(s.after.balance >= 0n, `balance ${s.after.balance}`);
      if (E.isRight(s.outcome) && s.outcome.right.some((e) => e.type === 'Withdrawn')) {
        assert.ok(s.after.balance >= minimumBalance, `after a withdrawal ${s.after.balance}`);
      }
    }
  }), { numRuns: 300 });
});

test('a rejected command emits nothing and changes nothing', () => {
  fc.assert(fc.property(savingsCommands, (commands) => {
    for (const s of runCommands(decider, commands).steps) {
      if (E.isLeft(s.outcome)) assert.equal(s.after, s.before);
    }
  }), { numRuns: 200 });
});

test('folding the decided events, after a JSON round trip, reproduces the decider state', () => {
  fc.assert(fc.property(savingsCommands, (commands) => {
    const { events, state } = runCommands(decider, commands);
    const replayed = roundTrip(events,
      (e): e is DepositEvent => Object.hasOwn(depositEvents, e.type));
    assert.equal(replayed.reduce(decider.evolve, decider.initialState), state);
  }), { numRuns: 200 });
});

test.run();
