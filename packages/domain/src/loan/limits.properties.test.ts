import { test } from 'uvu';
import * as assert from 'uvu/assert';
import fc from 'fast-check';
import * as E from 'fp-ts/lib/Either.js';
import { activeMember, by, command, runCommands, withFacts } from '../testing/fixtures.ts';
import { createDepositDecider } from '../deposit/decide.ts';
import { minorOf } from '../shared/codecs.ts';
import { createLoanDecider } from './decide.ts';
import { lendingFacts, limitProducts, loanFact, savingsOf, sharesOf } from './lending.fixture.ts';
import type { LoanStatus } from './state.ts';

// LG's limits (lending.fixture.ts), stated again here as the model's: 3x, 2 loans at once,
// a guarantor above 20000.00. 50 shares of 10.00 are 500.00 of her basis.
const multiple = 3n;
const maxAtOnce = 2;
const sharesPaise = 50000n;
const loanDecider = createLoanDecider({ products: limitProducts });
const depositDecider = createDepositDecider({ products: limitProducts });

const rupees = (lo: number, hi: number) => fc.integer({ min: lo, max: hi }).map(String);
const moves = fc.array(fc.record({ withdraw: fc.boolean(), amount: rupees(1, 6000) }),
  { maxLength: 8 });
const statuses = fc.array(fc.constantFrom<LoanStatus>('applied', 'approved', 'active',
  'written_off', 'closed', 'rejected'), { maxLength: 3 });

// Her savings after money moves between the application and the approval, with the model's
// own balance: what was paid in less what was paid out, counted only when accepted.
const savingsAfter = (ms: ReadonlyArray<{ withdraw: boolean; amount: string }>) => {
  const start = savingsOf('M1', 'A1', '3000');
  let paise = 300000n;
  const commands = ms.map((m, i) => m.withdraw
    ? command('Withdraw', { ...by(`m${i}`, '2024-05-05'), accountId: 'A1', amount: m.amount })
    : withFacts(command('MakeDeposit', { ...by(`m${i}`, '2024-05-05'), accountId: 'A1',
      amount: m.amount, source: 'cash' }), activeMember('M1')));
  let state = start;
  for (const c of commands) {
    const r = depositDecider.decide(c, state);
    if (E.isLeft(r)) continue;
    state = r.right.reduce(depositDecider.evolve, state);
    paise += (c.type === 'Withdraw' ? -1n : 1n) * minorOf(c.data.amount);
  }
  return { state, paise };
};

test('no loan is ever approved beyond the limits in force on its approval date', () => {
  fc.assert(fc.property(rupees(1000, 30000), rupees(1000, 30000), moves, statuses,
    (applied, approvedAsked, ms, others) => {
      const apply = withFacts(command('ApplyForLoan', {
        ...by('c1', '2024-05-01'), loanId: 'L1', memberId: 'M1', productId: 'LG',
        principal: applied, repayments: 12, firstRepaymentOn: null,
      }), { ...activeMember('M1'), lending: lendingFacts() });
      const day = savingsAfter(ms);
      const loans = others.map((s, i) => loanFact(`L${i + 2}`, s));
      const approve = withFacts(command('ApproveLoan', {
        ...by('c2', '2024-05-10', 'mgr-1'), loanId: 'L1', principal: approvedAsked,
      }), { ...activeMember('M1'), lending: { shares: sharesOf('M1', 50),
        deposits: [day.state], loans, guarantors: {} } });
      const { steps } = runCommands(loanDecider, [apply, approve]);
      const approval = steps[1]?.outcome;
      if (approval === undefined || E.isLeft(approval)) return;
      const principal = minorOf(approve.data.principal);
      const open = others.filter((s) => s !== 'closed' && s !== 'rejected').length;
      assert.ok(principal <= multiple * (sharesPaise + day.paise),
        `approved ${principal} on a basis of ${sharesPaise + day.paise}`);
      assert.ok(open + 1 <= maxAtOnce, `approved with ${open} others open`);
      assert.ok(principal <= 2000000n, 'approved above 20000.00 with no guarantor');
    }), { numRuns: 300 });
});

test('an approval within the limits on its date is not refused for them', () => {
  fc.assert(fc.property(moves, (ms) => {
    const day = savingsAfter(ms);
    const most = multiple * (sharesPaise + day.paise);
    const ceiling = most < 2000000n ? most : 2000000n;
    // At least the product's minimum of 1000.00 (a smaller basis lends nothing here).
    fc.pre(ceiling >= 100000n);
    const principal = `${ceiling / 100n}.${String(ceiling % 100n).padStart(2, '0')}`;
    const facts = { ...activeMember('M1'), lending: { ...lendingFacts(),
      deposits: [day.state] } };
    const { steps } = runCommands(loanDecider, [
      withFacts(command('ApplyForLoan', { ...by('c1', '2024-05-01'), loanId: 'L1',
        memberId: 'M1', productId: 'LG', principal, repayments: 12, firstRepaymentOn: null }),
      { ...activeMember('M1'), lending: { ...lendingFacts(),
        deposits: [savingsOf('M1', 'A1', '10000')] } }),
      withFacts(command('ApproveLoan', { ...by('c2', '2024-05-10', 'mgr-1'), loanId: 'L1',
        principal }), facts),
    ]);
    assert.ok(steps.every((s) => E.isRight(s.outcome)), JSON.stringify(steps[1]?.outcome));
  }), { numRuns: 200 });
});

test.run();
