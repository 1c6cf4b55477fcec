import { test } from 'uvu';
import * as assert from 'uvu/assert';
import fc from 'fast-check';
import * as E from 'fp-ts/lib/Either.js';
import { businessDate } from './dates/businessDate.ts';
import { createDepositDecider } from './deposit/decide.ts';
import { createLoanDecider } from './loan/decide.ts';
import type { PeriodFact } from './periodFact.ts';
import { createShareDecider } from './shares/decide.ts';
import { loanCommands, savingsCommands, shareCommands } from './testing/commandSequences.ts';
import { products } from './testing/fixtures.ts';

// The sequences start on 2024-04-01 and run up to a few years on: a close of 2023-24 (nothing
// refused) to 2027-28 (everything refused), or none; closed, or with its close under way.
const period: fc.Arbitrary<PeriodFact> = fc.tuple(
  fc.option(fc.integer({ min: 2024, max: 2028 })), fc.boolean(),
).map(([y, closing]) => y === null ? { closedThrough: null }
  : { closedThrough: businessDate(`${y}-03-31`), ...closing ? { closing } : {} });

interface Dated {
  readonly type: string;
  readonly data: { readonly on: string; readonly periodTo?: string };
}

// While a year's close runs, its year-end interest still posts: interest posted to the day it
// is dated, that day the last of the year.
const yearEndInterest = (c: Dated, p: PeriodFact): boolean => p.closing === true
  && c.type === 'PostInterest' && c.data.periodTo === c.data.on && c.data.on === p.closedThrough;

// Runs the commands with the period and without: a command dated in the closed year (or the
// year being closed, but its year-end interest) is refused with period_closed naming both
// dates; any other is decided as if no year were closed.
const holds = <C extends Dated, Ev, S>(
  decide: (c: C & { period?: PeriodFact }, s: S) => E.Either<{ type: string }, ReadonlyArray<Ev>>,
  evolve: (s: S, e: Ev) => S, initial: S, commands: ReadonlyArray<C>, p: PeriodFact,
): void => {
  let state = initial;
  for (const c of commands) {
    const r = decide({ ...c, period: p }, state);
    const through = p.closedThrough;
    if (through !== null && c.data.on <= through && !yearEndInterest(c, p)) {
      assert.equal(r, E.left({ type: 'period_closed', closedThrough: through, on: c.data.on }));
      continue;
    }
    assert.equal(r, decide(c, state));
    if (E.isRight(r)) state = r.right.reduce(evolve, state);
  }
};

test('no command dated inside a closed year is ever accepted (shares)', () => {
  const d = createShareDecider({ products });
  fc.assert(fc.property(shareCommands, period, (cs, p) =>
    holds(d.decide, d.evolve, d.initialState, cs, p)), { numRuns: 200 });
});

test('no command dated inside a closed year is ever accepted (deposits)', () => {
  const d = createDepositDecider({ products });
  fc.assert(fc.property(savingsCommands, period, (cs, p) =>
    holds(d.decide, d.evolve, d.initialState, cs, p)), { numRuns: 200 });
});

// The year being closed ends on the date of one of the sequence's commands (a posting of
// interest to it, sometimes): only that posting, of all dated by then, is decided.
test('while a year\'s close runs, its year-end interest is the only entry dated in it that is '
  + 'decided (deposits)', () => {
  const d = createDepositDecider({ products });
  let exempted = 0;
  fc.assert(fc.property(savingsCommands, fc.nat(), (cs, k) => {
    const through = businessDate(cs[k % cs.length]?.data.on ?? '2024-04-01');
    const p = { closedThrough: through, closing: true };
    exempted += cs.filter((c) => yearEndInterest(c, p)).length;
    holds(d.decide, d.evolve, d.initialState, cs, p);
  }), { numRuns: 300 });
  assert.ok(exempted > 10, `${exempted} year-end postings decided`);
});

test('no command dated inside a closed year is ever accepted (loans)', () => {
  const d = createLoanDecider({ products });
  fc.assert(fc.property(loanCommands('LN'), period, (cs, p) =>
    holds(d.decide, d.evolve, d.initialState, cs, p)), { numRuns: 200 });
});

test.run();
