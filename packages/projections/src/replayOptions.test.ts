// A replay's filters of another kind are refused, typed: a symbol asOf threw a TypeError, a
// number filtered nothing (every event kept), and a report's asOf of an object threw too.
import fc from 'fast-check';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { AsOfError } from './books/reports.ts';
import { memberBalances } from './balances/memberStatement.ts';
import { replay, ReplayOptionsError } from './replay.ts';
import { historyOf, steps } from './testing/histories.ts';
import { products, projections, statesText } from './testing/compare.ts';
import { balancesProjection } from './balances/projection.ts';
import { combine } from './combine.ts';

const events = historyOf(fc.sample(steps(), { numRuns: 1, seed: 3 })[0] ?? [], products);

test('asOf and asKnownAt of no date and no position are refused with ReplayOptionsError', () => {
  const p = projections();
  const trap = new Proxy({}, { get: () => { throw new Error('trap'); } });
  const cases: Array<[unknown, string]> = [
    [{ asOf: Symbol('d') }, 'asOf'], [{ asOf: 20250331 }, 'asOf'],
    [{ asOf: '2025-13-01' }, 'asOf'], [{ asOf: {} }, 'asOf'], [{ asKnownAt: 'C:1/P:1' }, 'asKnownAt'],
    [{ asKnownAt: { commit: 1, prepare: 1 } }, 'asKnownAt'], [null, ''], [trap, ''],
  ];
  for (const [options, field] of cases) {
    try {
      Reflect.apply(replay, undefined, [p, events, options]);
      assert.unreachable(`replayed with ${String(field)}`);
    } catch (e) {
      assert.instance(e, ReplayOptionsError);
      assert.is(e instanceof ReplayOptionsError && e.field, field);
    }
  }
  // A date of its kind filters as before.
  assert.is(statesText(replay(p, events, { asOf: '2199-12-31' })),
    statesText(replay(p, events)));
});

test('a statement\'s asOf of another kind is refused with AsOfError', () => {
  const state = replay(combine({ balances: balancesProjection() }), events).states.balances;
  const member = events.find((e) => e.type === 'MemberAdmitted')?.data.memberId ?? '';
  assert.ok(memberBalances(state, member) !== undefined);
  for (const asOf of [Symbol('d'), {}, 42]) {
    assert.throws(() => Reflect.apply(memberBalances, undefined, [state, member, { asOf }]),
      (e: unknown) => e instanceof AsOfError);
  }
});

test.run();
