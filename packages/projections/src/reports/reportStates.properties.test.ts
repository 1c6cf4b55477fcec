import { test } from 'uvu';
import * as assert from 'uvu/assert';
import fc from 'fast-check';
import { businessDate, financialYearOf } from '@usha/domain';
import { balancesProjection } from '../balances/projection.ts';
import { booksProjection } from '../books/projection.ts';
import { combine } from '../combine.ts';
import type { ProjectedEvent } from '../core/projectedEvent.ts';
import { idleProjection } from '../idleProjection.ts';
import { parReport } from '../portfolio/parReport.ts';
import { replay } from '../replay.ts';
import { histories } from '../testing/histories.ts';
import { profitAppropriation } from './profitAppropriation.ts';
import { shareCapitalRegister } from './shareCapitalRegister.ts';
import { yearFactsProjection } from './yearFacts.ts';

// A report replays only the states it reads, the others idle (their initial state): each
// answer must be the one the full fold gives, for any history and any year of it.
const folded = (h: ProjectedEvent[], idle: { balances?: boolean; books?: boolean }) => {
  const balances = balancesProjection();
  const books = booksProjection();
  return replay(combine({
    balances: idle.balances === true ? idleProjection(balances) : balances,
    books: idle.books === true ? idleProjection(books) : books,
    facts: yearFactsProjection(),
  }), h).states;
};

// Every financial year a history touches.
const yearsOf = (h: ProjectedEvent[]) => [...new Set(h.map((e) =>
  financialYearOf(businessDate(e.metadata.effectiveOn, 'on')).label))];

test('the share register from balances and year facts alone is the full fold\'s, any history',
  () => {
    let holding = 0;
    fc.assert(fc.property(histories(), (h) => {
      const full = folded(h, {});
      const trimmed = folded(h, { books: true });
      for (const financialYear of yearsOf(h)) {
        const a = shareCapitalRegister(full.balances, full.facts, { financialYear });
        const b = shareCapitalRegister(trimmed.balances, trimmed.facts, { financialYear });
        assert.equal(b, a);
        holding += a.membersHolding;
      }
    }));
    assert.ok(holding > 0, 'the histories hold shares');
  });

test('the appropriation from books and year facts alone is the full fold\'s, any history', () => {
  let closed = 0;
  fc.assert(fc.property(histories(), (h) => {
    const full = folded(h, {});
    const trimmed = folded(h, { balances: true });
    for (const financialYear of yearsOf(h)) {
      const a = profitAppropriation(full.books, full.facts, financialYear);
      assert.equal(profitAppropriation(trimmed.books, trimmed.facts, financialYear), a);
      if (a !== undefined) closed += 1;
    }
  }));
  assert.ok(closed > 0, 'the histories close some years');
});

test('PAR from the balances alone (books idle) is the full fold\'s, any history', () => {
  let loans = 0;
  fc.assert(fc.property(histories(), (h) => {
    const a = parReport(folded(h, {}).balances);
    assert.equal(parReport(folded(h, { books: true }).balances), a);
    loans += a.loans.length;
  }));
  assert.ok(loans > 0, 'the histories lend');
});

test.run();
