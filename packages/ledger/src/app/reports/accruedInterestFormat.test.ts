import { moneyString } from '@usha/domain';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import type { AccruedInterest } from './accruedInterest.ts';
import {
  accruedInterestCsv, accruedInterestCsvRecords, accruedInterestLines, formatAccruedInterest,
} from './accruedInterestFormat.ts';

// Two deposit accounts and two loans, one of them non-performing; ids of unequal widths.
const report: AccruedInterest = {
  asOf: '2025-06-10',
  deposits: [
    { accountId: 'SB-1', memberId: 'M-1', kind: 'savings', accrued: 1130n, interestPosted: 0n },
    { accountId: 'RD-204', memberId: 'M-17', kind: 'recurring', accrued: 12345678n,
      interestPosted: 500n },
  ],
  loans: [
    { loanId: 'LN-1', memberId: 'M-1', interestDue: 1670n, interestAccruing: 90n,
      accrued: 1760n, daysPastDue: 38, principalOutstanding: 100000n, nonPerforming: false },
    { loanId: 'LN-22', memberId: 'M-17', interestDue: 250000n, interestAccruing: 0n,
      accrued: 250000n, daysPastDue: 120, principalOutstanding: 5000000n, nonPerforming: true },
  ],
  depositInterestPayable: moneyString(12346808n),
  loanInterestReceivable: moneyString(1760n),
  loanInterestNotRecognised: moneyString(250000n),
  productsMissing: [],
};

const text = [
  'Accrued interest as of 2025-06-10',
  '',
  'Deposit  Member  Kind           Accrued',
  '-------  ------  ---------  -----------',
  'SB-1     M-1     savings          11.30',
  'RD-204   M-17    recurring  1,23,456.78',
  '',
  'Loan   Member  Days past due       Due  Accruing   Accrued  NPA',
  '-----  ------  -------------  --------  --------  --------  ---',
  'LN-1   M-1                38     16.70      0.90     17.60   no',
  'LN-22  M-17              120  2,500.00      0.00  2,500.00  yes',
  '',
  '                                             Rs',
  '----------------------------------  -----------',
  'Deposit interest payable            1,23,468.08',
  'Loan interest receivable                  17.60',
  'Loan interest not recognised (NPA)     2,500.00',
].join('\n');

test('the streamed lines, joined by line feeds, are the printed statement, exactly', () => {
  assert.is(formatAccruedInterest(report), text);
  assert.is([...accruedInterestLines(report)].join('\n'), text);
});

test('the totals alone, streamed, are the summary statement', () => {
  const summary = formatAccruedInterest(report, { detail: false });
  assert.is(summary, [...text.split('\n').slice(0, 2), ...text.split('\n').slice(-5)].join('\n'));
  assert.is([...accruedInterestLines(report, { detail: false })].join('\n'), summary);
});

test('the streamed CSV records, joined, are the CSV, CRLF after each', () => {
  const csv = 'line,id,member_id,days_past_due,interest_due,interest_accruing,accrued,'
    + 'non_performing\r\ndeposit,SB-1,M-1,,,,11.30,\r\ndeposit,RD-204,M-17,,,,123456.78,\r\n'
    + 'loan,LN-1,M-1,38,16.70,0.90,17.60,no\r\nloan,LN-22,M-17,120,2500.00,0.00,2500.00,yes\r\n'
    + 'payable,,,,,,123468.08,\r\nreceivable,,,,,,17.60,\r\nnot_recognised,,,,,,2500.00,\r\n';
  assert.is(accruedInterestCsv(report), csv);
  const records = [...accruedInterestCsvRecords(report)];
  assert.is(records.length, 8);
  assert.is(records.join(''), csv);
});

test('an empty log: a title with no date and empty tables, streamed as printed', () => {
  const empty: AccruedInterest = { asOf: '', deposits: [], loans: [],
    depositInterestPayable: moneyString(0n), loanInterestReceivable: moneyString(0n),
    loanInterestNotRecognised: moneyString(0n), productsMissing: [] };
  assert.is(formatAccruedInterest(empty).split('\n')[0], 'Accrued interest as of -');
  assert.is([...accruedInterestLines(empty)].join('\n'), formatAccruedInterest(empty));
});

test.run();
