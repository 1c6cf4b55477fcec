import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { balanceSheet, incomeStatement, trialBalance } from '../books/reports.ts';
import { passbook } from '../passbook/passbook.ts';
import { parReport } from '../portfolio/parReport.ts';
import { replay } from '../replay.ts';
import { allProjections } from '../allProjections.ts';
import { csv } from './csv.ts';
import { reportsHistory } from './reportsHistory.fixture.ts';
import {
  balanceSheetCsv, incomeStatementCsv, parReportCsv, passbookCsv, trialBalanceCsv,
} from './statementsCsv.ts';

const asOf = '2024-08-15';
const s = replay(allProjections({ passbookMembers: ['M-0001', 'M-0002'] }),
  reportsHistory().events, { asOf }).states;

test('every CSV record ends with CRLF, the last one too (RFC 4180)', () => {
  for (const text of [trialBalanceCsv(trialBalance(s.books)), balanceSheetCsv(balanceSheet(
    s.books)), incomeStatementCsv(incomeStatement(s.books, { financialYear: '2024-25' })),
  parReportCsv(parReport(s.balances, { asOf })), passbookCsv(passbook(s.passbook, 'M-0001'))]) {
    assert.ok(text.endsWith('\r\n'), text);
    assert.not.match(text.replace(/\r\n/g, ''), /[\r\n]/);
  }
  // A field with a comma, a quote or a line break is quoted, its quotes doubled.
  assert.is(csv(['a', 'b'], [['1,5', 'say "no"\n']]), 'a,b\r\n"1,5","say ""no""\n"\r\n');
});

test('the trial balance as CSV: accounts with a balance, then the totals', () => {
  // Cash 13,270.58 and bank 1,000.00 as in the receipts and payments account's August.
  assert.is(trialBalanceCsv(trialBalance(s.books)), 'code,account,debit,credit\r\n'
    + '1100,Cash in hand,13270.58,0.00\r\n1110,Cash at bank,1000.00,0.00\r\n'
    + '1200,Loans to members,10049.42,0.00\r\n'
    + '2100,Members\' savings deposits,0.00,24000.00\r\n3100,Share capital,0.00,200.00\r\n'
    + '4100,Interest on loans,0.00,120.00\r\n,Total,24320.00,24320.00\r\n');
});

test('the balance sheet and income statement as CSV: section, code, account, amount', () => {
  assert.is(incomeStatementCsv(incomeStatement(s.books, { financialYear: '2024-25' })),
    'section,code,account,amount\r\nincome,4100,Interest on loans,120.00\r\n'
    + 'total,,Total income,120.00\r\ntotal,,Total expenses,0.00\r\n'
    + 'total,,Net profit,120.00\r\n');
  assert.is(balanceSheetCsv(balanceSheet(s.books)).split('\r\n').slice(-4).join('|'),
    'equity,,Surplus not yet closed,120.00|total,,Total equity,320.00|'
    + 'total,,Total liabilities and equity,24320.00|');
});

test('PAR and the passbook as CSV', () => {
  // L-0001 on 15 August: the 1 July instalment 45 days late; arrears 2,070.58 (1 July) and
  // 2,070.58 (1 August).
  assert.is(parReportCsv(parReport(s.balances, { asOf })), 'branch,loans,outstanding,'
    + 'dpd_1_30,dpd_31_60,dpd_61_90,dpd_over_90,arrears,par30_percent,par90_percent\r\n'
    + 'SONAGACHI,1,10049.42,0.00,10049.42,0.00,0.00,4141.16,100.00,0.00\r\n'
    + 'All branches,1,10049.42,0.00,10049.42,0.00,0.00,4141.16,100.00,0.00\r\n');
  assert.is(passbookCsv(passbook(s.passbook, 'M-0002')).split('\r\n').slice(0, 6).join('|'),
    'account,kind,date,particulars,debit,credit,balance|'
    + 'SH-0002,shares,2024-04-01,By 10 shares,0.00,100.00,100.00|'
    + 'SB-0002,savings,2024-04-01,By cash,0.00,5000.00,5000.00|'
    + 'SB-0002,savings,2024-04-02,By transfer,0.00,1000.00,6000.00|'
    + 'SB-0002,savings,2024-08-01,By cash,0.00,300.00,6300.00|'
    + 'SB-0002,savings,2024-08-05,Reversal (2024-08-01): By cash,300.00,0.00,6000.00');
});

test.run();
