import { test } from 'uvu';
import * as assert from 'uvu/assert';
import fc from 'fast-check';
import { Decimal } from '@usha/domain';
import { depositAccruals } from './accrual/depositAccrual.ts';
import { replay } from './replay.ts';
import { historyOf, steps } from './testing/histories.ts';
import { products, projections } from './testing/compare.ts';
import { countDecimals } from './testing/countDecimals.ts';

// A fixed sample with a busy account (the accrual test below checks it has 10 changes or more;
// seed 6 since loans in tranches, reschedules and top-ups joined the generated steps).
const events = fc.sample(steps(), { numRuns: 40, seed: 6 }).flatMap((s, i) =>
  // Forty co-operatives one after another: command ids made distinct, positions rising.
  historyOf(s, products, `c${i}-`).map((e, k) => ({
    ...e, position: { commit: BigInt(i * 1000 + k), prepare: 0n },
  })));

test('the counter sees every Decimal made', () => {
  const { count } = countDecimals(() => new Decimal(1).plus(2).times(3));
  assert.is(count, 3);
});

test('no Decimal is allocated per event: a replay of every projection allocates none', () => {
  assert.ok(events.length > 1000, `${events.length} events`);
  const { result, count } = countDecimals(() => replay(projections(), events));
  assert.is(count, 0);
  assert.ok(result.cursor.applied > 1000);
});

test('accrual allocates a fixed number of Decimals per account, whatever its history', () => {
  const t = replay(projections(), events).states.accrual;
  const byKind = new Map<string, Set<number>>();
  let changes = 0;
  for (const [id, a] of t.accounts) {
    const one = { ...t, accounts: new Map([[id, a]]) };
    const { result, count } = countDecimals(() => depositAccruals(one, products));
    if (result.length === 0) continue;
    changes = Math.max(changes, a.count);
    byKind.set(a.kind, (byKind.get(a.kind) ?? new Set()).add(count));
  }
  assert.ok(changes >= 10, `the busiest account had ${changes} balance changes`);
  // One rounding point per account (14 Decimals for a savings account: rate, periods, the
  // rounding of its unrounded interest), however many balance changes it had.
  assert.equal([...(byKind.get('savings') ?? [])], [14]);
  for (const counts of byKind.values()) assert.is(counts.size, 1);
});

test.run();
