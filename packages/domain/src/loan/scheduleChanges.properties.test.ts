// Invariants of tranches and recalculation over generated histories.
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import fc from 'fast-check';
import * as E from 'fp-ts/lib/Either.js';
import { by, command, history } from '../testing/fixtures.ts';
import { moneyString } from '../shared/codecs.ts';
import { createLoanDecider, type LoanDecision } from './decide.ts';
import type { LoanState } from './state.ts';
import { approvedLoan, changeProducts, disburseOf } from './scheduleChanges.fixture.ts';

const decider = createLoanDecider({ products: changeProducts });
const days = ['2024-01-20', '2024-02-10', '2024-02-15', '2024-03-01', '2024-04-15', '2024-06-01'];
// 0.01 to 7000.00 in paise: a tranche sometimes passes what is left of the 12000.00 approved.
const paise = fc.bigInt({ min: 1n, max: 700_000n });

const run = (state: LoanState, commands: ReadonlyArray<LoanDecision>) => {
  let s = state;
  const states = [s];
  for (const c of commands) {
    const r = decider.decide(c, s);
    if (E.isRight(r)) s = r.right.reduce(decider.evolve, s);
    states.push(s);
  }
  return states;
};

const approved = (productId: string) => history(decider, approvedLoan('L1', productId, '12000'))
  .reduce(decider.evolve, decider.initialState);

const scheduled = (s: LoanState): bigint =>
  s.status === 'none' ? 0n : s.schedule.reduce((a, i) => a + i.principal, 0n);

test('the latest schedule repays exactly what was paid out, never more than approved, '
  + 'and keeps every instalment due before a tranche', () => {
  fc.assert(fc.property(paise, fc.subarray(days, { minLength: 1 }), fc.array(paise,
    { minLength: 6, maxLength: 6 }), (first, on, amounts) => {
    const commands = [
      disburseOf('L1', '2024-01-15', { amount: moneyString(first) }),
      ...on.map((d, k) => command('DisburseTranche', {
        ...by(`t${k}`, d, 'cash-1'), loanId: 'L1', amount: moneyString(amounts[k] ?? 1n) })),
    ];
    const states = run(approved('LT'), commands);
    states.forEach((s, k) => {
      if (s.status !== 'active') return;
      assert.is(scheduled(s), s.totals.disbursed);
      assert.ok(s.totals.disbursed <= 1_200_000n);
      assert.ok(s.disbursements.length <= 3);
      const before = states[k - 1];
      const day = on[k - 2];
      if (before?.status !== 'active' || day === undefined) return;
      assert.equal(s.schedule.filter((i) => i.dueOn < day),
        before.schedule.filter((i) => i.dueOn < day));
    });
  }), { numRuns: 60 });
});

test('a recalculated schedule still repays all principal paid out', () => {
  const activeLR = history(decider, [...approvedLoan('L1', 'LR', '12000'),
    disburseOf('L1', '2024-01-15')]).reduce(decider.evolve, decider.initialState);
  fc.assert(fc.property(fc.subarray(days.slice(1)), fc.array(paise,
    { minLength: 5, maxLength: 5 }), (on, amounts) => {
    const commands = on.map((d, k) => command('RecordRepayment', {
      ...by(`p${k}`, d, 'cash-1'), loanId: 'L1', amount: moneyString(amounts[k] ?? 1n) }));
    for (const s of run(activeLR, commands)) {
      if (s.status === 'active') assert.is(scheduled(s), 1_200_000n);
    }
  }), { numRuns: 60 });
});

test.run();
