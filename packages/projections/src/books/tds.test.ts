// TDS in the books and the passbook: the deduction moves from her deposit to TDS payable.
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { defaultTdsSettings } from '@usha/domain';
import { accountBalances, trialBalance } from './reports.ts';
import { passbook } from '../passbook/passbook.ts';
import { replay } from '../replay.ts';
import { products, projections } from '../testing/compare.ts';
import { simulator } from '../testing/simulator.ts';

const sim = simulator(products);
sim.run('AdmitMember', { on: '2024-04-01', memberId: 'M1', branchId: 'B1',
  shareProductId: 'SH', shares: 10 });
sim.run('OpenSavingsAccount', { on: '2024-04-01', accountId: 'A1', memberId: 'M1',
  productId: 'SB' });
sim.run('MakeDeposit', { on: '2024-04-01', accountId: 'A1', amount: '20000', source: 'cash' });
// 199.45 of interest takes her year from 39,900.00 past 40,000: 10% of it, 19.945 -> Rs 20.
sim.run('PostInterest', { on: '2024-06-30', accountId: 'A1', periodTo: '2024-06-30' },
  { tds: { settings: defaultTdsSettings, exempt: false,
    interestEarlierInYearMinor: 3_990_000n } });
const all = replay(projections(), sim.events);

test('the deduction is its own event after the interest', () => {
  assert.equal(sim.events.map((e) => e.type).slice(-2), ['InterestPosted', 'TdsDeducted']);
});

test('the books move Rs 20 from her savings to TDS payable, and balance', () => {
  const gl = new Map(accountBalances(all.states.books).map((b) => [b.account.code, b.balance]));
  assert.is(gl.get('2400'), -2_000n);
  assert.is(gl.get('2100'), -2_017_945n);
  assert.is(gl.get('5100'), 19_945n);
  const tb = trialBalance(all.states.books);
  const sum = (k: 'debit' | 'credit') => tb.rows.reduce((s, r) => s + r[k], 0n);
  assert.is(sum('debit'), sum('credit'));
});

test('the passbook shows the deduction as a withdrawal line, ending on 20,179.45', () => {
  const page = passbook(all.states.passbook, 'M1').pages.find((p) => p.accountId === 'A1');
  const last = page?.lines[page.lines.length - 1];
  assert.equal(last, { on: '2024-06-30', particulars: 'To TDS at 10%', withdrawal: 2_000n,
    deposit: 0n, balance: 2_017_945n });
});

test.run();
