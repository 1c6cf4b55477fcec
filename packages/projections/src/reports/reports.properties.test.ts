import { test } from 'uvu';
import * as assert from 'uvu/assert';
import fc from 'fast-check';
import { businessDate, toEpochDay } from '@usha/domain';
import { balancesProjection } from '../balances/projection.ts';
import { booksProjection } from '../books/projection.ts';
import { accountBalances } from '../books/reports.ts';
import { combine } from '../combine.ts';
import { loanPosition } from '../portfolio/loanStatus.ts';
import { replay } from '../replay.ts';
import { histories } from '../testing/histories.ts';
import { cashBookProjection } from './cashBook.ts';
import { demandCollectionBalance } from './demandCollectionBalance.ts';
import { receiptsAndPayments } from './receiptsAndPayments.ts';

const runs = { numRuns: 30 };
const dates = (h: ReadonlyArray<{ metadata: { effectiveOn: string } }>, i: number, j: number) => {
  const a = h[i % h.length]?.metadata.effectiveOn ?? '2024-04-01';
  const b = h[j % h.length]?.metadata.effectiveOn ?? '2024-04-01';
  return a <= b ? { from: a, to: b } : { from: b, to: a };
};

test('closing = opening + receipts - payments, and is cash and bank in the books, '
  + 'for any period of any history', () => {
  fc.assert(fc.property(histories(), fc.nat(), fc.nat(), (h, i, j) => {
    const s = replay(combine({ books: booksProjection(), cash: cashBookProjection() }), h);
    const o = dates(h, i, j);
    const r = receiptsAndPayments(s.states.books, s.states.cash, o);
    assert.is(r.closing, r.opening + r.totalReceipts - r.totalPayments);
    const funds = accountBalances(s.states.books, { asOf: o.to })
      .filter((b) => b.account.code === '1100' || b.account.code === '1110')
      .reduce((a, b) => a + b.balance, 0n);
    assert.is(r.closing, funds);
  }), runs);
});

test('the DCB balance is what is due and unpaid at the end of the period, for any history',
  () => {
    fc.assert(fc.property(histories(), fc.nat(), fc.nat(), (h, i, j) => {
      const o = dates(h, i, j);
      const at = (asOf: string) =>
        replay(combine({ balances: balancesProjection() }), h, { asOf }).states.balances;
      const day = toEpochDay(businessDate(o.from)) - 1;
      const before = h.filter((e) => toEpochDay(businessDate(e.metadata.effectiveOn)) <= day);
      const start = replay(combine({ balances: balancesProjection() }), before).states.balances;
      const end = at(o.to);
      const d = demandCollectionBalance(start, end, o);
      // The model: the position of each active loan at the end (principal and interest due).
      const last = toEpochDay(businessDate(o.to));
      let principal = 0n;
      let interest = 0n;
      for (const l of end.loans.values()) {
        const p = loanPosition(end.schedules, l, last);
        principal += p.principalDue;
        interest += p.interestDue;
      }
      assert.is(d.total.principal.balance, principal);
      assert.is(d.total.interest.balance, interest);
      const parts = [d.total.principal, d.total.interest];
      for (const p of parts) {
        assert.is(p.arrears + p.current - p.collectedArrears - p.collectedCurrent, p.balance);
      }
    }), runs);
  });

test.run();
