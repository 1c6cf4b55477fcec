import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { defaultProvisioningNorms } from '@usha/domain';
import { balancesProjection } from '../balances/projection.ts';
import { combine } from '../combine.ts';
import { replay } from '../replay.ts';
import { npaSchedule } from './npaSchedule.ts';
import { formatNpaSchedule, npaScheduleCsv } from './npaScheduleFormat.ts';
import { reportsHistory } from './reportsHistory.fixture.ts';

// The fixture's L-0001 (SONAGACHI) unpaid since its second instalment, due 1 July 2024, and
// L-0002 (KALIGHAT): 3,000 over 3 months, the first two instalments paid, the third (1,009.96
// of principal, due 1 August 2024) not; L-0003 (KALIGHAT) disbursed 1 March 2025, not yet due.
const h = reportsHistory();
const lend = (loanId: string, memberId: string, on: string, principal: string) => {
  h.run('ApplyForLoan', { on, loanId, memberId, productId: 'LN', principal, repayments: 3,
    firstRepaymentOn: null });
  h.run('ApproveLoan', { on, actor: 'mgr-1', loanId, principal });
  h.run('DisburseLoan', { on, loanId });
};
lend('L-0002', 'M-0002', '2024-05-01', '3000');
h.run('RecordRepayment', { on: '2024-07-10', loanId: 'L-0002', amount: '2040.14' });
lend('L-0003', 'M-0002', '2025-03-01', '1000');
const asOf = '2025-03-31';
const n = npaSchedule(replay(combine({ balances: balancesProjection() }), h.events, { asOf })
  .states.balances, defaultProvisioningNorms, { asOf });

test('the fixture is the history the figures were worked from', () => {
  assert.equal(h.refused, []);
});

test('each loan classified by days past due on 31 March, provided for by its class', () => {
  // 1 July 2024 to 31 March 2025: 273 days; from 1 August: 242. Both sub-standard (91 to 365
  // days), 10%, rounded up: 1,004.942 -> 1,004.95; 100.996 -> 101.00. L-0003: standard, 0.4%.
  assert.equal(n.loans.map((l) => [l.loanId, l.memberId, l.branchId, l.daysPastDue,
    l.assetClass, l.principalOutstanding, l.provisionPercent, l.provision]), [
    ['L-0001', 'M-0001', 'SONAGACHI', 273, 'subStandard', 1004942n, '10', 100495n],
    ['L-0002', 'M-0002', 'KALIGHAT', 242, 'subStandard', 100996n, '10', 10100n],
    ['L-0003', 'M-0002', 'KALIGHAT', 0, 'standard', 100000n, '0.4', 400n],
  ]);
});

test('class totals round once, as the close does: 10% of 11,059.38 is 1,105.94', () => {
  assert.equal(n.byClass.subStandard,
    { loans: 2, outstanding: 1105938n, percent: '10', provision: 110594n });
  assert.equal(n.byClass.standard, { loans: 1, outstanding: 100000n, percent: '0.4',
    provision: 400n });
  assert.equal(n.byClass.loss, { loans: 0, outstanding: 0n, percent: '100', provision: 0n });
  assert.equal([n.totalOutstanding, n.npaOutstanding, n.totalProvision],
    [1205938n, 1105938n, 110994n]);
});

test('the schedule as tables and as CSV', () => {
  // The lines' provisions add to 1,109.95; the class totals, rounded once, to 1,109.94.
  assert.equal(formatNpaSchedule(n).split('\n'), [
    'NPA classification and provision schedule as of 2025-03-31',
    'Loan    Member  Branch     Days past due         Class  Outstanding  Percent  Provision',
    '------  ------  ---------  -------------  ------------  -----------  -------  ---------',
    'L-0001  M-0001  SONAGACHI            273  Sub-standard    10,049.42      10%   1,004.95',
    'L-0002  M-0002  KALIGHAT             242  Sub-standard     1,009.96      10%     101.00',
    'L-0003  M-0002  KALIGHAT               0      Standard     1,000.00     0.4%       4.00',
    '',
    'Class         Loans  Outstanding  Percent  Provision',
    '------------  -----  -----------  -------  ---------',
    'Standard          1     1,000.00     0.4%       4.00',
    'Sub-standard      2    11,059.38      10%   1,105.94',
    'Doubtful          0         0.00      25%       0.00',
    'Loss              0         0.00     100%       0.00',
    '------------  -----  -----------  -------  ---------',
    'Total             3    12,059.38            1,109.94',
  ]);
  assert.is(npaScheduleCsv(n), 'line,loan_id,member_id,branch,days_past_due,asset_class,'
    + 'loans,outstanding,provision_percent,provision\r\n'
    + 'loan,L-0001,M-0001,SONAGACHI,273,subStandard,1,10049.42,10,1004.95\r\n'
    + 'loan,L-0002,M-0002,KALIGHAT,242,subStandard,1,1009.96,10,101.00\r\n'
    + 'loan,L-0003,M-0002,KALIGHAT,0,standard,1,1000.00,0.4,4.00\r\n'
    + 'class,,,,,standard,1,1000.00,0.4,4.00\r\n'
    + 'class,,,,,subStandard,2,11059.38,10,1105.94\r\n'
    + 'class,,,,,doubtful,0,0.00,25,0.00\r\nclass,,,,,loss,0,0.00,100,0.00\r\n'
    + 'total,,,,,,3,12059.38,,1109.94\r\n');
});

test.run();
