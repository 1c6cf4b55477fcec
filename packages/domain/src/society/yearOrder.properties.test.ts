import { test } from 'uvu';
import * as assert from 'uvu/assert';
import fc from 'fast-check';
import * as E from 'fp-ts/lib/Either.js';
import { SignedMoneyInput } from '../shared/codecs.ts';
import { by, command, history, must, withFacts } from '../testing/fixtures.ts';
import { createSocietyDecider } from './decide.ts';
import { financialYearDates, nextFinancialYear } from './financialYearDates.ts';
import { addDays, businessDate, type BusinessDate } from '../dates/businessDate.ts';
import { financialYearOf } from '../dates/financialYear.ts';
import type { SocietyState } from './state.ts';
import { noEntries, zeroYearEndEntries } from './yearEndEntries.fixture.ts';

const decider = createSocietyDecider();
const S = { societyId: 'USHA' };
const label = (first: number) => `${first}-${String((first + 1) % 100).padStart(2, '0')}`;
// Every close is dated 10 April 2040, after all the years tried, so only the order decides.
const close = (first: number, i: number) => withFacts(command('CloseFinancialYear', {
  ...by(`c${i}`, '2040-04-10'), ...S, financialYear: label(first),
}), { netProfit: must(SignedMoneyInput, '100'), ...noEntries });
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

// A first close on books whose first entry is on `first` (null: none), of years 2020-21 to
// 2029-30: begun after the year ends, its entries at its end, closed after.
const none = { loans: 0, outstanding: '0.00' };
const yearEnd = (kind: number, fy: string, first: BusinessDate | null) => {
  const facts = { booksFirstEntryOn: first };
  const { end } = financialYearDates(fy);
  switch (kind) {
    case 0: return withFacts(command('BeginYearClose', { ...by('b', '2040-04-10'), ...S,
      financialYear: fy }), facts);
    case 1: return withFacts(command('RecordYearEndAccruals', { ...by('a', end), ...S,
      financialYear: fy, depositInterestPayable: '0.00', loanInterestReceivable: '0.00',
      loanInterestNotRecognised: '0.00' }), facts);
    case 2: return withFacts(command('SetLoanLossProvision', { ...by('p', end), ...S,
      financialYear: fy, byClass: { standard: none, subStandard: none, doubtful: none,
        loss: none } }), facts);
    default: return withFacts(command('CloseFinancialYear', { ...by('c', '2040-04-10'), ...S,
      financialYear: fy }), { netProfit: must(SignedMoneyInput, '100'), ...facts });
  }
};
// First entries from 2018-19 on: some before every year tried, and before 2020-21, the year
// after the one closed below.
const dayArb = fc.integer({ min: 0, max: 4380 }).map((d) => addDays(businessDate('2018-04-01'), d));
const firstArb = fc.option(dayArb, { nil: null });
const yearArb = fc.integer({ min: 2020, max: 2029 }).map(label);
const kindArb = fc.integer({ min: 0, max: 3 });
// Only the order refusal, or what the command's own rules say after it (a close's entries).
const orderOf = (r: ReturnType<typeof decider.decide>) => E.isRight(r) ? 'accepted'
  : r.left.type === 'year_not_next' ? r.left : r.left.type;

test('a society\'s first close is of the year of its books\' first entry or an earlier one: '
  + 'every year-end command of a later year is refused, naming that year', () => {
  fc.assert(fc.property(kindArb, yearArb, firstArb, (kind, fy, first) => {
    const skips = first !== null && first < financialYearDates(fy).start;
    const got = orderOf(decider.decide(yearEnd(kind, fy, first), configured));
    // A close whose entries are not recorded says so after the order, never before it.
    const otherwise = kind === 3 ? 'year_end_entries_missing' : 'accepted';
    assert.equal(got, skips && first !== null
      ? { type: 'year_not_next', financialYear: fy, expected: financialYearOf(first).label }
      : otherwise);
  }));
});

test('a year with a year-end entry of its own, or a society with a year closed, is not held to '
  + 'the books\' first entry; a year only begun is, and an earlier year may begin instead', () => {
  fc.assert(fc.property(kindArb, yearArb, firstArb, (kind, fy, first) => {
    const skips = first !== null && first < financialYearDates(fy).start;
    const otherwise = kind === 3 ? 'year_end_entries_missing' : 'accepted';
    const after = (state: SocietyState, c: ReturnType<typeof yearEnd>) => {
      const d = decider.decide(c, state);
      if (E.isLeft(d)) throw new Error(d.left.type);
      return d.right.reduce(decider.evolve, state);
    };
    // Begun on books that held no earlier entry then (one dated before stored since).
    const begun = after(configured, yearEnd(0, fy, null));
    const onBegun = orderOf(decider.decide(yearEnd(kind, fy, first), begun));
    if (skips && first !== null) {
      const expected = financialYearOf(first).label;
      assert.equal(onBegun, { type: 'year_not_next', financialYear: fy, expected });
      // The year of that entry begins in its place (nothing of the other year's recorded).
      const instead = after(begun, yearEnd(0, expected, first));
      assert.is(instead.status === 'none' ? undefined : instead.closing, expected);
    } else {
      assert.equal(onBegun, otherwise);
    }
    // Its accruals recorded on books that held no earlier entry then: it goes on.
    const started = after(configured, yearEnd(1, fy, null));
    const onStarted = orderOf(decider.decide(yearEnd(kind, fy, first), started));
    assert.equal(onStarted, kind === 1 ? 'year_end_accruals_already_recorded'
      : kind === 3 ? 'year_end_entries_missing' : 'accepted');
    // Once 2019-20 is closed, the next is 2020-21 whatever the books' first entry.
    let closed: SocietyState = configured;
    for (const c of [...zeroYearEndEntries('2019-20'), close(2019, 0)]) {
      const d = decider.decide(c, closed);
      if (E.isLeft(d)) throw new Error(d.left.type);
      for (const e of d.right) closed = decider.evolve(closed, e);
    }
    const next = orderOf(decider.decide(yearEnd(kind, '2020-21', first), closed));
    assert.equal(next, otherwise);
  }));
});

test('the year-end commands\' own refusals come before the books\' first entry is looked at',
  () => {
    const first = { booksFirstEntryOn: businessDate('2018-05-01') };
    const refusal = (c: Parameters<typeof decider.decide>[0]) => {
      const d = decider.decide(c, configured);
      return E.isLeft(d) ? d.left : 'accepted';
    };
    assert.equal(refusal(withFacts(command('BeginYearClose', { ...by('b', '2021-03-31'), ...S,
      financialYear: '2020-21' }), first)), { type: 'financial_year_not_ended',
      financialYear: '2020-21', endsOn: '2021-03-31' });
    assert.equal(refusal(withFacts(command('CloseFinancialYear', { ...by('c', '2021-03-31'),
      ...S, financialYear: '2020-21' }), { netProfit: must(SignedMoneyInput, '1'), ...first })),
    { type: 'financial_year_not_ended', financialYear: '2020-21', endsOn: '2021-03-31' });
    assert.equal(refusal(withFacts(command('RecordYearEndAccruals', { ...by('a', '2021-03-30'),
      ...S, financialYear: '2020-21', depositInterestPayable: '0.00',
      loanInterestReceivable: '0.00', loanInterestNotRecognised: '0.00' }), first)),
    { type: 'accruals_not_at_year_end', financialYear: '2020-21', endsOn: '2021-03-31' });
    assert.equal(refusal(withFacts(command('SetLoanLossProvision', { ...by('p', '2021-03-30'),
      ...S, financialYear: '2020-21', byClass: { standard: none, subStandard: none,
        doubtful: none, loss: none } }), first)),
    { type: 'provision_not_at_year_end', financialYear: '2020-21', endsOn: '2021-03-31' });
    // And then the rule, naming the year of that entry.
    assert.equal(refusal(yearEnd(0, '2020-21', first.booksFirstEntryOn)),
      { type: 'year_not_next', financialYear: '2020-21', expected: '2018-19' });
  });

test.run();
