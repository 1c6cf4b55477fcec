import { test } from 'uvu';
import * as assert from 'uvu/assert';
import fc from 'fast-check';
import { addDays, businessDate, toEpochDay } from '@usha/domain';
import { balancesProjection } from '../balances/projection.ts';
import type { BalancesState, LoanBalance } from '../balances/state.ts';
import { combine } from '../combine.ts';
import { replay } from '../replay.ts';
import { histories } from '../testing/histories.ts';
import { dcbOpening } from './dcbOpening.ts';

const runs = { numRuns: 40 };

// The model: read straight off the whole state, instalment by instalment.
const model = (s: BalancesState, l: LoanBalance, day: number) => {
  let principal = 0n;
  let interest = 0n;
  for (let k = 0; k < l.scheduleLength; k += 1) {
    if ((s.schedules.dueDays[l.scheduleAt + k] ?? 0) > day) break;
    principal = s.schedules.cumPrincipal[l.scheduleAt + k] ?? 0n;
    interest = s.schedules.cumInterest[l.scheduleAt + k] ?? 0n;
  }
  if (l.status === 'closed') {
    if (principal > l.principalRepaid) principal = l.principalRepaid;
    const settled = l.interestPaid + l.interestWaived;
    if (interest > settled) interest = settled;
  }
  return { duePrincipal: principal, dueInterest: interest, principalRepaid: l.principalRepaid,
    interestPaid: l.interestPaid, interestWaived: l.interestWaived };
};

test('the opening figures are what the whole balances owed, paid and waived the day before '
  + 'the period, every loan of any history', () => {
  let owing = 0;
  fc.assert(fc.property(histories(), fc.nat(), (h, i) => {
    const from = h[i % h.length]?.metadata.effectiveOn ?? '2024-04-01';
    const day = toEpochDay(businessDate(from)) - 1;
    const s = replay(combine({ balances: balancesProjection() }), h,
      { asOf: addDays(businessDate(from), -1) }).states.balances;
    const opening = dcbOpening(s, from);
    for (const l of s.loans.values()) {
      const m = model(s, l, day);
      const zero = Object.values(m).every((x) => x === 0n);
      assert.equal(opening.figures(l.loanId), zero ? undefined : m);
      if (m.dueInterest > m.interestPaid) owing += 1;
    }
    assert.is(opening.figures('no such loan'), undefined);
  }), runs);
  // The property is about loans owing at the start: some generated ones must.
  assert.ok(owing > 0, 'no generated loan owed at the start of its period');
});

test.run();
