import { test } from 'uvu';
import * as assert from 'uvu/assert';
import fc from 'fast-check';
import { combine } from '../combine.ts';
import { replay } from '../replay.ts';
import { histories } from '../testing/histories.ts';
import { financialYearLabel } from './financialYearLabel.ts';
import { booksProjection } from './projection.ts';
import { accountBalances, branchesOf, incomeStatement, trialBalance } from './reports.ts';
import type { BooksState } from './state.ts';

const runs = { numRuns: 40 };
const booksOf = (h: Parameters<typeof replay>[1]): BooksState =>
  replay(combine({ books: booksProjection() }), h).states.books;

// Every business date of the history, and the day before the first (nothing yet).
const datesOf = (s: BooksState): string[] => ['2000-01-01', ...[...s.daily.keys()].sort()];

test('the society\'s books are the sum of its branches\', for every account and every date',
  () => {
    fc.assert(fc.property(histories(), (h) => {
      const s = booksOf(h);
      const branches = branchesOf(s);
      assert.ok(branches.length >= 1);
      for (const asOf of [...datesOf(s), undefined]) {
        const all = accountBalances(s, asOf === undefined ? {} : { asOf });
        const sums = all.map(() => 0n);
        for (const branchId of branches) {
          accountBalances(s, asOf === undefined ? { branchId } : { asOf, branchId })
            .forEach((b, i) => { sums[i] = (sums[i] ?? 0n) + b.balance; });
        }
        all.forEach((b, i) => assert.is(sums[i], b.balance, `${b.account.code} ${asOf}`));
      }
    }), runs);
  });

test('each financial year\'s income statement is the sum of the branches\'', () => {
  fc.assert(fc.property(histories(), (h) => {
    const s = booksOf(h);
    for (const financialYear of new Set(datesOf(s).slice(1).map(financialYearLabel))) {
      const all = incomeStatement(s, { financialYear });
      const parts = branchesOf(s).map((branchId) =>
        incomeStatement(s, { financialYear, branchId }));
      assert.is(parts.reduce((a, p) => a + p.netProfit, 0n), all.netProfit);
      assert.is(parts.reduce((a, p) => a + p.totalIncome, 0n), all.totalIncome);
    }
  }), runs);
});

test('every branch\'s trial balance is zero on every date, after any history', () => {
  fc.assert(fc.property(histories(), (h) => {
    const s = booksOf(h);
    for (const asOf of datesOf(s)) {
      for (const branchId of branchesOf(s)) {
        const tb = trialBalance(s, { asOf, branchId });
        assert.is(tb.totalDebit, tb.totalCredit, `${branchId} ${asOf}`);
      }
    }
  }), runs);
});

test('the inter-branch account is zero for the society on every date', () => {
  fc.assert(fc.property(histories(), (h) => {
    const s = booksOf(h);
    for (const asOf of datesOf(s)) {
      const ib = accountBalances(s, { asOf }).find((b) => b.account.code === '1900');
      assert.is(ib?.balance, 0n, asOf);
    }
  }), runs);
});

test('books by branch checkpointed and reopened are the same books', () => {
  fc.assert(fc.property(histories(), (h) => {
    const books = booksProjection();
    const json = books.serialize(booksOf(h));
    assert.equal(books.serialize(books.deserialize(JSON.parse(JSON.stringify(json)))), json);
  }), { numRuns: 15 });
});

test.run();
