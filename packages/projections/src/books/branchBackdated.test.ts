// An entry dated before her transfer but recorded after it (another stream: her deposit or
// repayment is not held to her member stream's dates): posted at the branch she was at on its
// date, and carried to her new branch on the transfer's date, so that the books by branch on
// any date are those of the events dated on or before it, in whatever order they were recorded.
import fc from 'fast-check';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { addDays, businessDate } from '@usha/domain';
import { combine } from '../combine.ts';
import type { ProjectedEvent } from '../core/projectedEvent.ts';
import { replay } from '../replay.ts';
import { products } from '../testing/histories.ts';
import { simulator } from '../testing/simulator.ts';
import { booksProjection } from './projection.ts';
import { accountBalances, branchesOf } from './reports.ts';
import type { BooksState } from './state.ts';

const books = () => combine({ books: booksProjection() });
const booksOf = (events: ReadonlyArray<ProjectedEvent>, asOf?: string): BooksState =>
  replay(books(), events, asOf === undefined ? {} : { asOf }).states.books;
// Non-zero balances by account code, in paise, debit positive.
const figures = (s: BooksState, o: { asOf?: string; branchId?: string }) => Object.fromEntries(
  accountBalances(s, o).filter((b) => b.balance !== 0n).map((b) => [b.account.code, b.balance]));

const member = (sim: ReturnType<typeof simulator>, on: string) => {
  sim.run('AdmitMember', { on, memberId: 'M1', branchId: 'B1', shareProductId: 'SH', shares: 5 });
  sim.run('OpenSavingsAccount', { on, accountId: 'A-1', memberId: 'M1', productId: 'SB' });
  sim.run('MakeDeposit', { on, accountId: 'A-1', amount: '1000.00', source: 'cash' });
};

test('a deposit dated before her transfer, recorded after it, is her old branch\'s on its date '
  + 'and carried to the new branch on the transfer\'s', () => {
  const sim = simulator(products);
  member(sim, '2025-04-02');
  sim.run('TransferMember', { on: '2025-11-03', memberId: 'M1', to: 'B2' });
  sim.run('MakeDeposit', { on: '2025-11-01', accountId: 'A-1', amount: '500.00',
    source: 'cash' });
  assert.equal(sim.events.map((e) => e.type).slice(-2), ['MemberTransferred', 'Deposited']);
  const s = booksOf(sim.events);
  for (const asOf of ['2025-11-01', '2025-11-02']) {
    assert.equal(figures(s, { asOf, branchId: 'B1' }), { 1100: 150_000n, 2100: -150_000n });
    assert.equal(figures(s, { asOf, branchId: 'B2' }), {});
  }
  // The cash stays where it was paid in; her savings, 1,500.00, are B2's from 3 November.
  for (const asOf of ['2025-11-03', undefined]) {
    const o = asOf === undefined ? {} : { asOf };
    assert.equal(figures(s, { ...o, branchId: 'B1' }), { 1100: 150_000n, 1900: -150_000n });
    assert.equal(figures(s, { ...o, branchId: 'B2' }), { 1900: 150_000n, 2100: -150_000n });
  }
});

test('a repayment dated before her transfer, recorded after it: its interest is the old '
  + 'branch\'s income, and the loan it paid down is carried on the transfer\'s date', () => {
  const sim = simulator(products);
  member(sim, '2025-04-02');
  const on = '2025-04-10';
  sim.run('ApplyForLoan', { on, loanId: 'L-1', memberId: 'M1', productId: 'LN',
    principal: '12000', repayments: 12, firstRepaymentOn: null });
  sim.run('ApproveLoan', { on, actor: 'mgr-1', loanId: 'L-1', principal: '12000' });
  sim.run('DisburseLoan', { on, loanId: 'L-1' });
  sim.run('TransferMember', { on: '2025-06-01', memberId: 'M1', to: 'B2' });
  sim.run('RecordRepayment', { on: '2025-05-10', loanId: 'L-1', amount: '1000.00' });
  assert.is(sim.lastRejection(), undefined);
  const s = booksOf(sim.events);
  // Rs 1,000.00 paid on 10 May: Rs 120.00 of a month's interest at 12% on Rs 12,000.00, and
  // Rs 880.00 of principal, at B1 (she was transferred on 1 June), the loan then Rs 11,120.00.
  assert.equal(figures(s, { asOf: '2025-05-31', branchId: 'B1' }),
    { 1100: -1_000_000n, 1200: 1_112_000n, 2100: -100_000n, 4100: -12_000n });
  assert.equal(figures(s, { asOf: '2025-05-31', branchId: 'B2' }), {});
  // From 1 June the loan and her savings are B2's; the interest earned stays B1's income.
  assert.equal(figures(s, { asOf: '2025-06-01', branchId: 'B1' }),
    { 1100: -1_000_000n, 1900: 1_012_000n, 4100: -12_000n });
  assert.equal(figures(s, { asOf: '2025-06-01', branchId: 'B2' }),
    { 1200: 1_112_000n, 1900: -1_012_000n, 2100: -100_000n });
});

// A history of one member: deposits and withdrawals dated anywhere from her admission on
// (recorded in any order), transfers dated on or after everything recorded before them.
type Step =
  | { readonly k: 'deposit' | 'withdraw'; readonly day: number; readonly paise: number }
  | { readonly k: 'transfer'; readonly to: number; readonly after: number };
const step: fc.Arbitrary<Step> = fc.oneof(
  fc.record({ k: fc.constantFrom('deposit' as const, 'withdraw' as const),
    day: fc.integer({ min: 0, max: 60 }), paise: fc.integer({ min: 100, max: 500_000 }) }),
  fc.record({ k: fc.constant('transfer' as const), to: fc.nat(2),
    after: fc.integer({ min: 0, max: 10 }) }),
);
const start = businessDate('2025-04-01');
const historyOf = (steps: ReadonlyArray<Step>): ProjectedEvent[] => {
  const sim = simulator(products);
  member(sim, '2025-04-01');
  let last = 0;
  for (const st of steps) {
    if (st.k === 'transfer') {
      last += st.after;
      sim.run('TransferMember', { on: addDays(start, last), memberId: 'M1',
        to: `B${st.to + 1}` });
      continue;
    }
    const on = addDays(start, st.day);
    const amount = `${Math.floor(st.paise / 100)}.${String(st.paise % 100).padStart(2, '0')}`;
    if (st.k === 'deposit') sim.run('MakeDeposit', { on, accountId: 'A-1', amount, source: 'cash' });
    else sim.run('Withdraw', { on, accountId: 'A-1', amount });
    if (sim.lastRejection() === undefined && st.day > last) last = st.day;
  }
  return sim.events;
};

test('the books by branch on any date are the books of the events dated on or before it, '
  + 'whatever order they were recorded in', () => {
  fc.assert(fc.property(fc.array(step, { maxLength: 14 }), (steps) => {
    const events = historyOf(steps);
    const s = booksOf(events);
    const dates = [...new Set(events.map((e) => e.metadata.effectiveOn))].sort();
    for (const asOf of [addDays(start, -1), ...dates]) {
      const then = booksOf(events, asOf);
      for (const branchId of new Set([...branchesOf(s), 'B1', 'B2', 'B3'])) {
        assert.equal(figures(s, { asOf, branchId }), figures(then, { asOf, branchId }),
          `${branchId} as of ${asOf}`);
      }
    }
  }), { numRuns: 150 });
});

test.run();
