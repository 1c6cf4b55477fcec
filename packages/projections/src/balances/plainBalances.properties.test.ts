import { test } from 'uvu';
import * as assert from 'uvu/assert';
import fc from 'fast-check';
import { fromEpochDay } from '@usha/domain';
import { combine } from '../combine.ts';
import { replay } from '../replay.ts';
import { histories, historyOf, type Op } from '../testing/histories.ts';
import { plainBalances, type PlainBalances } from './plainBalances.ts';
import { balancesProjection } from './projection.ts';
import type { BalancesState } from './state.ts';

// The columnar state in the plain fold's form: each loan's schedule rows read back from the
// shared store as (due date, principal, interest), every map as its entries in order.
const asPlain = (s: BalancesState) => ({
  through: s.through,
  members: [...s.members.entries()],
  deposits: [...s.deposits.entries()],
  loans: [...s.loans.entries()].map(([id, { scheduleAt, scheduleLength, ...l }]) => {
    const st = s.schedules;
    const cum = (a: BigInt64Array, k: number) => (k < scheduleAt ? 0n : a[k] ?? 0n);
    const schedule = Array.from({ length: scheduleLength }, (_, j) => {
      const k = scheduleAt + j;
      return [fromEpochDay(st.dueDays[k] ?? 0), cum(st.cumPrincipal, k)
        - cum(st.cumPrincipal, k - 1), cum(st.cumInterest, k) - cum(st.cumInterest, k - 1)];
    });
    return [id, { ...l, schedule }];
  }),
});
const entries = (b: PlainBalances) => ({ through: b.through, members: [...b.members.entries()],
  deposits: [...b.deposits.entries()], loans: [...b.loans.entries()] });

test('the columnar balances answer as the plain fold does, for any history and any as-of date',
  () => {
    fc.assert(fc.property(histories(), fc.nat(), (h, k) => {
      const asOf = h[k % h.length]?.metadata.effectiveOn ?? '2024-04-01';
      const p = combine({ balances: balancesProjection() });
      const fast = replay(p, h, { asOf }).states.balances;
      const plain = plainBalances(h.filter((e) => e.metadata.effectiveOn <= asOf));
      assert.equal(asPlain(fast), entries(plain));
      const all = replay(p, h).states.balances;
      assert.equal(asPlain(all), entries(plainBalances(h)));
    }), { numRuns: 60 });
  });

// Generated histories seldom reverse a repayment that paid a fee: this one does.
test('a reversed repayment that paid a penalty and a fee undoes each part, in both folds', () => {
  const ops: Op[] = [{ k: 'loan', m: 0, rupees: 6000, weekly: false },
    { k: 'penalty', m: 0, paise: 1234 }, { k: 'fee', m: 0, paise: 5678 },
    { k: 'repay', m: 0, paise: 50_000 }];
  // The repayment comes after the first instalment falls due, so it pays interest too.
  const steps = ops.map((op) => ({ gap: op.k === 'repay' ? 30 : 3, op }));
  const before = historyOf(steps);
  const money = before.filter((e) => 'eventId' in e.data && e.type !== 'InterestPosted');
  const pick = money.findIndex((e) => e.type === 'RepaymentReceived');
  const h = historyOf([...steps, { gap: 1, op: { k: 'reverse', pick } }]);
  assert.is(h.at(-1)?.type, 'EventReversed');
  const p = combine({ balances: balancesProjection() });
  const paid = (s: { loans: ReadonlyMap<string, { penaltiesPaid: bigint; feesPaid: bigint;
    penaltiesCharged: bigint; feesCharged: bigint }> }) => {
    const l = s.loans.get('LN-0001');
    return [l?.penaltiesCharged, l?.penaltiesPaid, l?.feesCharged, l?.feesPaid];
  };
  assert.equal(paid(replay(p, before).states.balances), [1234n, 1234n, 5678n, 5678n]);
  assert.equal(paid(replay(p, h).states.balances), [1234n, 0n, 5678n, 0n]);
  assert.equal(paid(plainBalances(h)), [1234n, 0n, 5678n, 0n]);
  assert.equal(asPlain(replay(p, h).states.balances), entries(plainBalances(h)));
});

test.run();
