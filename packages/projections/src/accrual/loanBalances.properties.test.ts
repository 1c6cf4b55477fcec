import { test } from 'uvu';
import * as assert from 'uvu/assert';
import fc from 'fast-check';
import { balancesProjection } from '../balances/projection.ts';
import type { BalancesState } from '../balances/state.ts';
import { combine } from '../combine.ts';
import { replay } from '../replay.ts';
import { histories } from '../testing/histories.ts';
import { loanAccruals } from './loanAccrual.ts';
import { loanBalancesProjection } from './loanBalances.ts';

// Every loan row as a plain object, in the table's order, with its schedule's rows.
const loansOf = (s: BalancesState) => [...s.loans.values()].map((l) => {
  const rows = (a: ArrayLike<number | bigint>) =>
    Array.from({ length: l.scheduleLength }, (_, k) => a[l.scheduleAt + k]);
  const { scheduleAt: _at, ...rest } = l;
  return { ...rest, due: rows(s.schedules.dueDays), principal: rows(s.schedules.cumPrincipal),
    interest: rows(s.schedules.cumInterest) };
});

test('the loan balances equal the whole balances\' loans, schedules, latest date and loan '
  + 'accruals, for any history cut at any date', () => {
  let lent = 0;
  fc.assert(fc.property(histories(), fc.nat(), (h, i) => {
    const asOf = h[i % h.length]?.metadata.effectiveOn ?? '2024-04-01';
    const whole = replay(combine({ b: balancesProjection() }), h, { asOf }).states.b;
    const loans = replay(combine({ b: loanBalancesProjection() }), h, { asOf }).states.b;
    assert.equal(loansOf(loans), loansOf(whole));
    assert.is(loans.through, whole.through);
    assert.equal(loanAccruals(loans), loanAccruals(whole));
    if (whole.loans.size > 0) lent += 1;
  }), { numRuns: 40 });
  assert.ok(lent > 10, `only ${lent} of 40 histories lent`);
});

test('the loan balances keep no deposit account', () => {
  fc.assert(fc.property(histories(), (h) => {
    const s = replay(combine({ b: loanBalancesProjection() }), h).states.b;
    assert.is(s.deposits.size, 0);
  }), { numRuns: 10 });
});

test.run();
