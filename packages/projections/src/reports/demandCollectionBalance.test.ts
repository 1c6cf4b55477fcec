import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { balancesProjection } from '../balances/projection.ts';
import { combine } from '../combine.ts';
import { replay } from '../replay.ts';
import { dcbPart, demandCollectionBalance } from './demandCollectionBalance.ts';
import {
  demandCollectionBalanceCsv, formatDemandCollectionBalance,
} from './demandCollectionBalanceFormat.ts';
import { reportsHistory } from './reportsHistory.fixture.ts';

// The fixture's L-0001 (SONAGACHI: EMI 2,070.58, the first paid on 1 June, none after), and
// L-0002 of M-0002 (KALIGHAT): 3,000 over 3 months at 1%, instalments due 1 June (990.07 +
// 30.00), 1 July (999.97 + 20.10) and 1 August (1,009.96 + 10.10); the first two paid late,
// together, on 10 July.
const h = reportsHistory();
h.run('ApplyForLoan', { on: '2024-05-01', loanId: 'L-0002', memberId: 'M-0002',
  productId: 'LN', principal: '3000', repayments: 3, firstRepaymentOn: null });
h.run('ApproveLoan', { on: '2024-05-01', actor: 'mgr-1', loanId: 'L-0002', principal: '3000' });
h.run('DisburseLoan', { on: '2024-05-01', loanId: 'L-0002' });
h.run('RecordRepayment', { on: '2024-07-10', loanId: 'L-0002', amount: '2040.14' });
const balances = (asOf: string) =>
  replay(combine({ balances: balancesProjection() }), h.events, { asOf }).states.balances;
const july = demandCollectionBalance(balances('2024-06-30'), balances('2024-07-31'),
  { from: '2024-07-01', to: '2024-07-31' });

test('the fixture is the history the figures were worked from', () => {
  assert.equal(h.refused, []);
});

test('DCB of July by branch: arrears collected first, then the month\'s demand', () => {
  const part = (p: ReturnType<typeof dcbPart>) => [p.arrears, p.current, p.collectedArrears,
    p.collectedCurrent, p.advance, p.balance];
  const kalighat = july.byBranch.get('KALIGHAT');
  assert.equal(part(kalighat?.principal ?? dcbPart(0n, 0n, 0n, 0n)),
    [99007n, 99997n, 99007n, 99997n, 0n, 0n]);
  assert.equal(part(kalighat?.interest ?? dcbPart(0n, 0n, 0n, 0n)),
    [3000n, 2010n, 3000n, 2010n, 0n, 0n]);
  const sonagachi = july.byBranch.get('SONAGACHI');
  assert.equal(part(sonagachi?.principal ?? dcbPart(0n, 0n, 0n, 0n)),
    [0n, 197009n, 0n, 0n, 0n, 197009n]);
  assert.equal(part(sonagachi?.interest ?? dcbPart(0n, 0n, 0n, 0n)),
    [0n, 10049n, 0n, 0n, 0n, 10049n]);
  assert.equal([july.total.loans, ...part(july.total.principal), ...part(july.total.interest)],
    [2, 99007n, 297006n, 99007n, 99997n, 0n, 197009n, 3000n, 12059n, 3000n, 2010n, 0n,
      10049n]);
});

test('a part: paid ahead before the period lowers its demand; paid beyond it is advance', () => {
  // Due 100 before, 50 paid: arrears 50. 300 due by the end, 400 paid: 50 against arrears,
  // 200 against the period's demand, 100 ahead; nothing overdue.
  assert.equal(dcbPart(100n, 50n, 300n, 400n), { arrears: 50n, current: 200n,
    collectedArrears: 50n, collectedCurrent: 200n, advance: 100n, balance: 0n });
  // 150 paid against 100 due before: 50 ahead, so of the 200 falling due only 150 is demand.
  assert.equal(dcbPart(100n, 150n, 300n, 150n), { arrears: 0n, current: 150n,
    collectedArrears: 0n, collectedCurrent: 0n, advance: 0n, balance: 150n });
});

test('a part: interest waived in the period comes off the arrears first, then the demand',
  () => {
    // 16.22 overdue at the start, none due in the period, 1.00 collected and 0.01 waived:
    // arrears 16.21 after the waiver, 1.00 collected against them, 15.21 still overdue.
    assert.equal(dcbPart(1622n, 0n, 1622n, 100n, 1n), { arrears: 1621n, current: 0n,
      collectedArrears: 100n, collectedCurrent: 0n, advance: 0n, balance: 1521n });
    // 1.00 overdue, 2.00 due in the period, 1.50 waived: 1.00 off the arrears, 0.50 off the
    // period's demand; nothing collected: 1.50 overdue at the end.
    assert.equal(dcbPart(100n, 0n, 300n, 0n, 150n), { arrears: 0n, current: 150n,
      collectedArrears: 0n, collectedCurrent: 0n, advance: 0n, balance: 150n });
  });

test('a part: a payment made before the period, reversed in it, spends the advance first, '
  + 'then the demand it had met is owed again', () => {
  // Paid 100 ahead of nothing due; 50 falls due in the period; 80 of the payment reversed:
  // 50 of it was advance, 30 had met the period's demand, which is unpaid again.
  assert.equal(dcbPart(0n, 100n, 50n, 20n), { arrears: 0n, current: 0n,
    collectedArrears: 0n, collectedCurrent: -30n, advance: -50n, balance: 30n });
  // Arrears of 20 at the start, 30 due in the period, 20 of an earlier payment reversed.
  assert.equal(dcbPart(50n, 30n, 80n, 10n), { arrears: 20n, current: 30n,
    collectedArrears: 0n, collectedCurrent: -20n, advance: 0n, balance: 70n });
  // A reversal within the advance leaves the balance nil.
  assert.equal(dcbPart(0n, 100n, 50n, 90n), { arrears: 0n, current: 0n,
    collectedArrears: 0n, collectedCurrent: 0n, advance: -10n, balance: 0n });
});

test('the DCB as a table and as CSV', () => {
  assert.equal(formatDemandCollectionBalance(july).split('\n'), [
    'Demand, collection and balance of loans, 2024-07-01 to 2024-07-31',
    'Branch        Part       Loans  Arrears   Current    Demand '
      + ' Coll. arrears  Coll. current  Advance   Balance',
    '------------  ---------  -----  -------  --------  -------- '
      + ' -------------  -------------  -------  --------',
    'KALIGHAT      principal      1   990.07    999.97  1,990.04 '
      + '        990.07         999.97     0.00      0.00',
    'KALIGHAT      interest       1    30.00     20.10     50.10 '
      + '         30.00          20.10     0.00      0.00',
    'SONAGACHI     principal      1     0.00  1,970.09  1,970.09 '
      + '          0.00           0.00     0.00  1,970.09',
    'SONAGACHI     interest       1     0.00    100.49    100.49 '
      + '          0.00           0.00     0.00    100.49',
    '------------  ---------  -----  -------  --------  -------- '
      + ' -------------  -------------  -------  --------',
    'All branches  principal      2   990.07  2,970.06  3,960.13 '
      + '        990.07         999.97     0.00  1,970.09',
    'All branches  interest       2    30.00    120.59    150.59 '
      + '         30.00          20.10     0.00    100.49',
  ]);
  assert.is(demandCollectionBalanceCsv(july), 'branch,part,loans,arrears_demand,current_demand,'
    + 'total_demand,collected_arrears,collected_current,advance,balance_overdue\r\n'
    + 'KALIGHAT,principal,1,990.07,999.97,1990.04,990.07,999.97,0.00,0.00\r\n'
    + 'KALIGHAT,interest,1,30.00,20.10,50.10,30.00,20.10,0.00,0.00\r\n'
    + 'SONAGACHI,principal,1,0.00,1970.09,1970.09,0.00,0.00,0.00,1970.09\r\n'
    + 'SONAGACHI,interest,1,0.00,100.49,100.49,0.00,0.00,0.00,100.49\r\n'
    + 'All branches,principal,2,990.07,2970.06,3960.13,990.07,999.97,0.00,1970.09\r\n'
    + 'All branches,interest,2,30.00,120.59,150.59,30.00,20.10,0.00,100.49\r\n');
});

test.run();
