import { test } from 'uvu';
import * as assert from 'uvu/assert';
import fc from 'fast-check';
import { balancesProjection } from './balances/projection.ts';
import { booksProjection } from './books/projection.ts';
import { combine } from './combine.ts';
import { ReversibleIdsIncompleteError } from './core/unresolvedReversal.ts';
import { replay } from './replay.ts';
import { histories } from './testing/histories.ts';

const set = () => ({ balances: balancesProjection(), books: booksProjection() });

test('keeping only the money events a reversal names changes no state, for any history', () => {
  let reversals = 0;
  fc.assert(fc.property(histories(), (h) => {
    const named = new Set<string>(h.flatMap((e) => (e.type === 'EventReversed'
      ? [e.data.reversedEventId] : [])));
    reversals += named.size;
    const all = combine(set());
    const kept = combine(set(), { reversible: (id) => named.has(id) });
    const a = replay(all, h);
    const k = replay(kept, h);
    const states = (json: unknown): unknown => (json as { readonly states: unknown }).states;
    assert.equal(states(kept.serialize(k)), states(all.serialize(a)));
    assert.ok(k.reversals.rows.size <= named.size);
  }));
  assert.ok(reversals > 0, 'the histories reverse some events');
});

test('a reversal of an event the reversible ids leave out is refused, never applied short',
  () => {
    let refused = 0;
    fc.assert(fc.property(histories(), (h) => {
      const first = h.find((e) => e.type === 'EventReversed');
      if (first?.type !== 'EventReversed') return;
      const left = first.data.reversedEventId;
      const kept = combine(set(), { reversible: (id) => id !== left });
      assert.throws(() => replay(kept, h), (e: unknown) =>
        e instanceof ReversibleIdsIncompleteError && e.reversedEventId === left);
      refused += 1;
    }));
    assert.ok(refused > 0, 'the histories reverse some events');
  });

test.run();
