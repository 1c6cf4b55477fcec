import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { balancesProjection } from '../balances/projection.ts';
import { combine } from '../combine.ts';
import { replay } from '../replay.ts';
import { collectionHistory } from './collectionSheet.fixture.ts';
import { collectionSheetFactsProjection } from './collectionSheetFacts.ts';
import { dues, type DueLine, type DuesOptions } from './dues.ts';
import { duesCsv, formatDues } from './duesFormat.ts';

const h = collectionHistory();
const duesOf = (o: DuesOptions) => {
  const s = replay(combine({ balances: balancesProjection(),
    facts: collectionSheetFactsProjection() }), h.events, { asOf: o.to }).states;
  return dues(s.balances, s.facts, o);
};
const row = (l: DueLine) => [l.dueOn, l.branchId, l.accountId, l.instalmentNumber,
  l.principal, l.interest, l.unpaid, l.daysOverdue];

// June and July as at 31 July: L-0001's first instalment (1,950.58 + 120.00) paid on its day,
// its second (1,970.09 + 100.49) unpaid 30 days; each RD's second (10 June, 51 days) and third
// (10 July, 21 days) unpaid, 500.00 each.
test('the due list of a period, every branch, against figures worked by hand', () => {
  const d = duesOf({ from: '2024-06-01', to: '2024-07-31' });
  assert.equal(d.lines.map(row), [
    ['2024-06-01', 'SONAGACHI', 'L-0001', 1, 195058n, 12000n, 0n, 0],
    ['2024-06-10', 'KALIGHAT', 'RD-0002', 2, 50000n, 0n, 50000n, 51],
    ['2024-06-10', 'SONAGACHI', 'RD-0003', 2, 50000n, 0n, 50000n, 51],
    ['2024-07-01', 'SONAGACHI', 'L-0001', 2, 197009n, 10049n, 207058n, 30],
    ['2024-07-10', 'KALIGHAT', 'RD-0002', 3, 50000n, 0n, 50000n, 21],
    ['2024-07-10', 'SONAGACHI', 'RD-0003', 3, 50000n, 0n, 50000n, 21],
  ]);
  assert.is(d.totalDue, 614116n);
  assert.is(d.totalUnpaid, 407058n);
});

test('the overdue list of a branch leaves out what is paid and other branches', () => {
  const d = duesOf({ branchId: 'SONAGACHI', from: '2024-06-01', to: '2024-07-31',
    overdueOnly: true });
  assert.equal(d.lines.map((l) => [l.dueOn, l.accountId, l.unpaid]), [
    ['2024-06-10', 'RD-0003', 50000n], ['2024-07-01', 'L-0001', 207058n],
    ['2024-07-10', 'RD-0003', 50000n],
  ]);
  assert.is(d.totalUnpaid, 307058n);
});

test('an instalment due on the last day is due, not yet overdue', () => {
  const d = duesOf({ branchId: 'SONAGACHI', from: '2024-08-01', to: '2024-08-01' });
  assert.equal(d.lines.map(row), [['2024-08-01', 'SONAGACHI', 'L-0001', 3, 198979n, 8079n,
    207058n, 0]]);
  assert.equal(duesOf({ branchId: 'SONAGACHI', from: '2024-08-01', to: '2024-08-01',
    overdueOnly: true }).lines, []);
});

test('the overdue list as a table and as CSV', () => {
  const d = duesOf({ branchId: 'SONAGACHI', from: '2024-06-01', to: '2024-07-31',
    overdueOnly: true });
  const rule = '----------  ---------  ------  -------------  ---------  ---  ---------  --------'
    + '  --------  ------------';
  assert.equal(formatDues(d).split('\n'), [
    'Overdue list, SONAGACHI, 2024-06-01 to 2024-07-31 (unpaid as at 2024-07-31)',
    'Due on      Branch     Member  Account        Kind       No.  Principal  Interest'
      + '    Unpaid  Days overdue',
    rule,
    '2024-06-10  SONAGACHI  M-0003  RD-0003        recurring    2     500.00          '
      + '    500.00            51',
    '2024-07-01  SONAGACHI  M-0001  L-0001         loan         2   1,970.09    100.49'
      + '  2,070.58            30',
    '2024-07-10  SONAGACHI  M-0003  RD-0003        recurring    3     500.00          '
      + '    500.00            21',
    rule,
    'Total                          3 instalments                   2,970.09    100.49'
      + '  3,070.58',
  ]);
  assert.is(duesCsv(d), 'due_on,branch,member,account,kind,instalment,principal,interest,'
    + 'unpaid,days_overdue\r\n'
    + '2024-06-10,SONAGACHI,M-0003,RD-0003,recurring,2,500.00,0.00,500.00,51\r\n'
    + '2024-07-01,SONAGACHI,M-0001,L-0001,loan,2,1970.09,100.49,2070.58,30\r\n'
    + '2024-07-10,SONAGACHI,M-0003,RD-0003,recurring,3,500.00,0.00,500.00,21\r\n'
    + 'total,,,,,,2970.09,100.49,3070.58,\r\n');
});

test.run();
