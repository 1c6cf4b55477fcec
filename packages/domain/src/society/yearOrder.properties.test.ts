import { test } from 'uvu';
import * as assert from 'uvu/assert';
import fc from 'fast-check';
import * as E from 'fp-ts/lib/Either.js';
import { SignedMoneyInput } from '../shared/codecs.ts';
import { by, command, history, must, withFacts } from '../testing/fixtures.ts';
import { createSocietyDecider } from './decide.ts';
import { nextFinancialYear } from './financialYearDates.ts';
import type { SocietyState } from './state.ts';
import { zeroYearEndEntries } from './yearEndEntries.fixture.ts';

const decider = createSocietyDecider();
const S = { societyId: 'USHA' };
const label = (first: number) => `${first}-${String((first + 1) % 100).padStart(2, '0')}`;
// Every close is dated 10 April 2040, after all the years tried, so only the order decides.
const close = (first: number, i: number) => withFacts(command('CloseFinancialYear', {
  ...by(`c${i}`, '2040-04-10'), ...S, financialYear: label(first),
}), { netProfit: must(SignedMoneyInput, '100') });
const configured = history(decider, [command('ConfigureSociety', {
  ...by('c0', '2020-04-01'), ...S, statutoryReservePercent: '25', dividendRateCapPercent: '15',
})]).reduce(decider.evolve, decider.initialState);

// Attempts: years 2020-21 to 2029-30, in any order, some more than once.
const attemptsArb = fc.array(fc.integer({ min: 2020, max: 2029 }), { minLength: 1,
  maxLength: 15 });

test('closing in any order other than the year order is refused', () => {
  fc.assert(fc.property(attemptsArb, (attempts) => {
    let state: SocietyState = configured;
    let last: string | null = null;
    const closed = new Set<string>();
    // A year before the first one closed is never closed: it is refused as not the next.
    attempts.forEach((first, i) => {
      const fy = label(first);
      // The year-end entries go first, as the close asks; refused too for a year out of order.
      for (const entry of zeroYearEndEntries(fy)) {
        const recorded = decider.decide(entry, state);
        if (E.isRight(recorded)) for (const e of recorded.right) state = decider.evolve(state, e);
      }
      const decided = decider.decide(close(first, i), state);
      if (last === null || fy === nextFinancialYear(last)) {
        assert.ok(E.isRight(decided), `${fy} after ${last ?? 'none'} is accepted`);
        for (const e of decided.right) state = decider.evolve(state, e);
        last = fy;
        closed.add(fy);
      } else if (E.isLeft(decided)) {
        const already = closed.has(fy);
        assert.equal(decided.left, already
          ? { type: 'financial_year_already_closed', financialYear: fy }
          : { type: 'year_not_next', financialYear: fy, expected: nextFinancialYear(last) });
      } else {
        assert.unreachable(`${fy} after ${last} was accepted`);
      }
    });
  }));
});

test.run();
