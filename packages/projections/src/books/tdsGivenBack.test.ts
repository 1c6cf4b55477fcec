// TDS given back and TDS on an early closing, in the books and the passbook: a reversed
// interest posting takes its deduction back out of TDS payable; an early closing's deduction
// leaves the deposit before the payout.
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { defaultTdsSettings } from '@usha/domain';
import { accountBalances, trialBalance } from './reports.ts';
import { passbook } from '../passbook/passbook.ts';
import { replay } from '../replay.ts';
import { products, projections } from '../testing/compare.ts';
import { simulator } from '../testing/simulator.ts';

// Her year at 39,900.00 before the credit: anything above 100.00 of interest is taxed.
const tds = { tds: { settings: defaultTdsSettings, exempt: false,
  interestEarlierInYearMinor: 3_990_000n } };
const member = (sim: ReturnType<typeof simulator>) => sim.run('AdmitMember', {
  on: '2024-04-01', memberId: 'M1', branchId: 'B1', shareProductId: 'SH', shares: 10 });

const reversed = simulator(products);
member(reversed);
reversed.run('OpenSavingsAccount', { on: '2024-04-01', accountId: 'A1', memberId: 'M1',
  productId: 'SB' });
reversed.run('MakeDeposit', { on: '2024-04-01', accountId: 'A1', amount: '20000',
  source: 'cash' });
// k4: 199.45 of interest, Rs 20 deducted; k5 reverses it.
reversed.run('PostInterest', { on: '2024-06-30', accountId: 'A1', periodTo: '2024-06-30' }, tds);
reversed.run('ReverseEvent', { on: '2024-07-01', aggregate: 'deposit', aggregateId: 'A1',
  eventId: 'k4.0', reason: 'wrong_amount' });
const afterReversal = replay(projections(), reversed.events);
const gl = (s: typeof afterReversal) =>
  new Map(accountBalances(s.states.books).map((b) => [b.account.code, b.balance]));
const balanced = (s: typeof afterReversal) => {
  const tb = trialBalance(s.states.books);
  const sum = (k: 'debit' | 'credit') => tb.rows.reduce((x, r) => x + r[k], 0n);
  return sum('debit') === sum('credit');
};

test('a reversed taxed posting gives its Rs 20 back: TDS payable and the expense at zero',
  () => {
    assert.equal(reversed.events.map((e) => e.type).slice(-2), ['EventReversed', 'TdsReversed']);
    const b = gl(afterReversal);
    assert.equal([b.get('2400') ?? 0n, b.get('2100'), b.get('5100') ?? 0n],
      [0n, -2_000_000n, 0n]);
    assert.ok(balanced(afterReversal));
  });

test('the passbook shows the reversal and the tax given back, ending on 20,000.00', () => {
  const page = passbook(afterReversal.states.passbook, 'M1').pages
    .find((p) => p.accountId === 'A1');
  assert.equal(page?.lines.slice(-2).map((l) => [l.particulars, l.withdrawal, l.deposit,
    l.balance]), [
    [page?.lines.at(-2)?.particulars, 19_945n, 0n, 1_998_000n],
    ['By TDS at 10% given back (posting reversed)', 0n, 2_000n, 2_000_000n]]);
  assert.match(page?.lines.at(-2)?.particulars ?? '', /^Reversal \(2024-06-30\)/);
});

const closed = simulator(products);
member(closed);
closed.run('OpenRecurringDeposit', { on: '2024-04-01', accountId: 'R1', memberId: 'M1',
  productId: 'RD', instalment: '10000', termMonths: 12 });
for (const m of ['04', '05', '06', '07', '08', '09']) {
  closed.run('MakeDeposit', { on: `2024-${m}-01`, accountId: 'R1', amount: '10000',
    source: 'cash' });
}
closed.run('CloseDepositEarly', { on: '2024-10-01', accountId: 'R1' }, tds);
const afterClosing = replay(projections(), closed.events);

test('an early closing\'s Rs 106 goes to TDS payable; the deposit is cleared; books balance',
  () => {
    // 1,058.23 of interest at 7% - 1% on six instalments; 10% of it, 105.823 -> Rs 106. Cash:
    // 60,000 in, 60,952.23 paid out.
    assert.equal(closed.events.map((e) => e.type).slice(-2),
      ['TdsDeducted', 'DepositClosedEarly']);
    const b = gl(afterClosing);
    assert.equal([b.get('2400'), b.get('2110') ?? 0n, b.get('5100'), b.get('1100')],
      [-10_600n, 0n, 105_823n, -95_223n]);
    assert.ok(balanced(afterClosing));
  });

test.run();
