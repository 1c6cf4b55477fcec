import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { balancesProjection } from '../balances/projection.ts';
import { combine } from '../combine.ts';
import { replay } from '../replay.ts';
import { collectionSheet, type CollectionLine } from './collectionSheet.ts';
import { collectionHistory } from './collectionSheet.fixture.ts';
import { collectionSheetFactsProjection } from './collectionSheetFacts.ts';
import { collectionSheetCsv, formatCollectionSheet } from './collectionSheetFormat.ts';

const h = collectionHistory();
const sheetOn = (on: string, fieldOfficer?: string) => {
  const s = replay(combine({ balances: balancesProjection(),
    facts: collectionSheetFactsProjection() }), h.events, { asOf: on }).states;
  return collectionSheet(s.balances, s.facts, { branchId: 'SONAGACHI', on,
    ...(fieldOfficer === undefined ? {} : { fieldOfficer }) });
};
const figures = (l: CollectionLine) => [l.memberId, l.accountId, l.kind, l.fieldOfficer,
  l.principal, l.interest, l.penalty, l.fees, l.deposit, l.instalments, l.overdue,
  l.daysPastDue, l.total];

test('the fixture is the history the figures were worked from', () => {
  assert.equal(h.refused, []);
});

// On 1 August L-0001 has three instalments due (1 June, 1 July, 1 August), the first paid:
// principal 1,970.09 + 1,989.79 = 3,959.88; interest 100.49 + 80.79 = 181.28; the penalty
// 50.00; the July instalment (2,070.58) overdue, 31 days. RD-0003 has three instalments due
// (10 May, 10 June, 10 July), one paid: 1,000.00, all overdue, the oldest 52 days. KALIGHAT's
// RD is not on SONAGACHI's sheet.
test('the sheet of a branch, line by line, against figures worked by hand', () => {
  const s = sheetOn('2024-08-01');
  assert.equal(s.lines.map(figures), [
    ['M-0001', 'L-0001', 'loan', 'fo-1', 395988n, 18128n, 5000n, 0n, 0n, 0, 207058n, 31,
      419116n],
    ['M-0003', 'RD-0003', 'recurring', 'fo-1', 0n, 0n, 0n, 0n, 100000n, 2, 100000n, 52,
      100000n],
  ]);
  assert.is(s.total, 519116n);
});

test('a field officer\'s sheet holds the members assigned to him on the date', () => {
  assert.equal(sheetOn('2024-07-31', 'fo-1').lines.map((l) => l.accountId), ['L-0001']);
  assert.equal(sheetOn('2024-07-31', 'fo-2').lines.map((l) => l.accountId), ['RD-0003']);
  assert.is(sheetOn('2024-07-31', 'fo-2').total, 100000n);
  assert.equal(sheetOn('2024-08-01', 'fo-1').lines.map((l) => l.accountId),
    ['L-0001', 'RD-0003']);
  assert.equal(sheetOn('2024-08-01', 'fo-2').lines, []);
  assert.is(sheetOn('2024-08-01', 'fo-2').total, 0n);
});

test('before anything falls due the sheet is empty', () => {
  const s = sheetOn('2024-05-09');
  assert.equal(s.lines, []);
  assert.is(s.total, 0n);
});

test('the sheet as a table and as CSV', () => {
  const s = sheetOn('2024-08-01', 'fo-1');
  const rule = '------  ----------  ---------  -------  ---------  --------  -------  ----'
    + '  --------------  ----------------  ---------  ----------';
  assert.equal(formatCollectionSheet(s).split('\n'), [
    'Collection sheet, SONAGACHI, field officer fo-1, 2024-08-01',
    'Member  Account     Kind       Officer  Principal  Interest  Penalty  Fees'
      + '  RD instalments  Of which overdue  Days late  To collect',
    rule,
    'M-0001  L-0001      loan       fo-1      3,959.88    181.28    50.00      '
      + '                          2,070.58         31    4,191.16',
    'M-0003  RD-0003     recurring  fo-1                                       '
      + '        1,000.00          1,000.00         52    1,000.00',
    rule,
    `Total   2 accounts${' '.repeat(105)}5,191.16`,
  ]);
  assert.is(collectionSheetCsv(s), 'branch,on,member,account,kind,field_officer,principal,'
    + 'interest,penalty,fees,rd_instalments,rd_instalment_count,overdue,days_past_due,total\r\n'
    + 'SONAGACHI,2024-08-01,M-0001,L-0001,loan,fo-1,3959.88,181.28,50.00,0.00,0.00,0,2070.58,'
    + '31,4191.16\r\n'
    + 'SONAGACHI,2024-08-01,M-0003,RD-0003,recurring,fo-1,0.00,0.00,0.00,0.00,1000.00,2,'
    + '1000.00,52,1000.00\r\n'
    + 'SONAGACHI,2024-08-01,total,,,fo-1,,,,,,,,,5191.16\r\n');
});

test.run();
