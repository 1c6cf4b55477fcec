import { test } from 'uvu';
import * as assert from 'uvu/assert';
import fc from 'fast-check';
import * as E from 'fp-ts/lib/Either.js';
import { products, roundTrip, runCommands } from '../testing/fixtures.ts';
import { shareCommands } from '../testing/commandSequences.ts';
import { createShareDecider } from './decide.ts';
import { shareEvents, type ShareEvent } from './events.ts';

const decider = createShareDecider({ products });

test('share holdings stay within bounds', () => {
  fc.assert(fc.property(shareCommands, (commands) => {
    for (const s of runCommands(decider, commands).steps) {
      if (s.after.status === 'none' || E.isLeft(s.outcome)) continue;
      assert.ok(s.after.shares >= 0 && s.after.shares <= 500, `holding ${s.after.shares}`);
      const moved = s.outcome.right.some((e) => e.type === 'SharesPurchased' ||
        (e.type === 'SharesRedeemed' && !e.data.forExit));
      if (moved) assert.ok(s.after.shares >= 5, `below the minimum: ${s.after.shares}`);
    }
  }), { numRuns: 300 });
});

test('a rejected command emits nothing and changes nothing', () => {
  fc.assert(fc.property(shareCommands, (commands) => {
    for (const s of runCommands(decider, commands).steps) {
      if (E.isLeft(s.outcome)) assert.equal(s.after, s.before);
    }
  }), { numRuns: 200 });
});

test('folding the decided events, after a JSON round trip, reproduces the decider state', () => {
  fc.assert(fc.property(shareCommands, (commands) => {
    const { events, state } = runCommands(decider, commands);
    const replayed = roundTrip(events, (e): e is ShareEvent => Object.hasOwn(shareEvents, e.type));
    assert.equal(replayed.reduce(decider.evolve, decider.initialState), state);
  }), { numRuns: 200 });
});

test.run();
