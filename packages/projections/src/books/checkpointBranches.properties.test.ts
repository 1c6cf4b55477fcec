import { test } from 'uvu';
import * as assert from 'uvu/assert';
import fc from 'fast-check';
import { combine } from '../combine.ts';
import { replay } from '../replay.ts';
import { histories } from '../testing/histories.ts';
import { financialYearLabel } from './financialYearLabel.ts';
import { booksProjection } from './projection.ts';
import {
  accountBalances, BranchBooksUnavailableError, incomeStatement, trialBalance,
} from './reports.ts';

type Json = { states: { books: Record<string, unknown> & {
  ledger: Array<[string, string[][]]>; } } };

// A checkpoint as the books wrote it before they kept branches: no branch part, and ledger
// lines of four fields.
const older = (j: Json): Json => {
  const { branchBooks: _, ...books } = j.states.books;
  return { ...j, states: { ...j.states, books: { ...books,
    ledger: j.states.books.ledger.map(([code, ls]) => [code, ls.map((l) => l.slice(0, 4))]) } } };
};

test('books resumed from a checkpoint made before branches keep the society\'s figures exact '
  + 'and refuse a branch\'s', () => {
  const run = combine({ books: booksProjection({ keepLedger: { accounts: ['1100', '3300'] } }) });
  fc.assert(fc.property(histories(), fc.nat(), (h, cut) => {
    const at = cut % (h.length + 1);
    const first = replay(run, h.slice(0, at));
    const opened = run.deserialize(older(JSON.parse(JSON.stringify(run.serialize(first)))));
    const resumed = replay(run, h.slice(at), { state: opened }).states.books;
    const whole = replay(run, h).states.books;
    for (const asOf of ['2000-01-01', ...whole.daily.keys()]) {
      assert.equal(accountBalances(resumed, { asOf }), accountBalances(whole, { asOf }));
    }
    for (const financialYear of new Set([...whole.daily.keys()].map(financialYearLabel))) {
      assert.equal(incomeStatement(resumed, { financialYear }),
        incomeStatement(whole, { financialYear }));
    }
    assert.is(resumed.branchesComplete, false);
    assert.throws(() => trialBalance(resumed, { branchId: 'B1' }),
      (e: unknown) => e instanceof BranchBooksUnavailableError && e.branchId === 'B1');
    // Still without branches when checkpointed again: never books by branch of a part.
    const again = JSON.stringify(run.serialize({ ...opened, states: { books: resumed } }));
    assert.is(again.includes('"branchBooks"'), false);
  }), { numRuns: 25 });
});

test.run();
