import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { accountBalances } from '../books/reports.ts';
import { booksProjection } from '../books/projection.ts';
import { combine } from '../combine.ts';
import { replay } from '../replay.ts';
import { cashBookProjection } from './cashBook.ts';
import { receiptsAndPayments } from './receiptsAndPayments.ts';
import {
  formatReceiptsAndPayments, receiptsAndPaymentsCsv,
} from './receiptsAndPaymentsFormat.ts';
import { reportsHistory } from './reportsHistory.fixture.ts';

const { events, refused } = reportsHistory();
const s = replay(combine({ books: booksProjection(), cash: cashBookProjection() }), events);
const year = { from: '2024-04-01', to: '2025-03-31' };

test('the fixture is the history the figures were worked from', () => {
  assert.equal(refused, []);
});

test('receipts and payments of 2024-25 by head, opening and closing from the books', () => {
  const r = receiptsAndPayments(s.states.books, s.states.cash, year);
  // Opening: M-0001's shares, bought 15 March 2024.
  assert.equal(r.funds.map((f) => [f.code, f.opening, f.closing]),
    [['1100', 10000n, 1327058n], ['1110', 0n, 100000n]]);
  // Deposits: 20,000 + 5,000 in cash and 1,000 by transfer; the 300 deposit reversed nets out.
  // The repayment: 2,070.58 = interest 120.00 (1% of 12,000) + principal 1,950.58.
  assert.equal(r.receipts.map((h) => [h.head, h.code, h.amount]), [
    ['Share capital', '3100', 10000n], ['Savings deposits', '2100', 2600000n],
    ['Loan principal repaid', '1200', 195058n], ['Loan interest', '4100', 12000n],
  ]);
  assert.equal(r.payments.map((h) => [h.head, h.code, h.amount]), [
    ['Loans disbursed', '1200', 1200000n], ['Savings withdrawn', '2100', 200000n],
  ]);
  assert.equal([r.opening, r.totalReceipts, r.totalPayments, r.closing],
    [10000n, 2817058n, 1400000n, 1427058n]);
});

test('closing = opening + receipts - payments, and agrees with cash and bank in the books',
  () => {
    for (const o of [year, { from: '2024-08-01', to: '2024-08-31' },
      { from: '2024-03-01', to: '2025-04-30' }]) {
      const r = receiptsAndPayments(s.states.books, s.states.cash, o);
      assert.is(r.closing, r.opening + r.totalReceipts - r.totalPayments, o.from);
      const gl = accountBalances(s.states.books, { asOf: o.to })
        .filter((b) => b.account.code === '1100' || b.account.code === '1110')
        .reduce((a, b) => a + b.balance, 0n);
      assert.is(r.closing, gl, o.to);
    }
    // August: the mistaken deposit and its reversal cancel: no head, nothing moved.
    const august = receiptsAndPayments(s.states.books, s.states.cash,
      { from: '2024-08-01', to: '2024-08-31' });
    assert.equal([august.receipts, august.payments, august.opening, august.closing],
      [[], [], 1427058n, 1427058n]);
  });

test('the statement and the CSV list the same rows', () => {
  const r = receiptsAndPayments(s.states.books, s.states.cash, year);
  assert.equal(formatReceiptsAndPayments(r).split('\n'), [
    'Receipts and payments, 2024-04-01 to 2025-03-31',
    '                            Code         Rs',
    '--------------------------  ----  ---------',
    'Opening balance',
    '  Cash in hand              1100     100.00',
    '  Cash at bank              1110       0.00',
    'Receipts',
    '  Share capital             3100     100.00',
    '  Savings deposits          2100  26,000.00',
    '  Loan principal repaid     1200   1,950.58',
    '  Loan interest             4100     120.00',
    'Total receipts                    28,170.58',
    '--------------------------  ----  ---------',
    'Payments',
    '  Loans disbursed           1200  12,000.00',
    '  Savings withdrawn         2100   2,000.00',
    'Total payments                    14,000.00',
    '--------------------------  ----  ---------',
    'Closing balance',
    '  Cash in hand              1100  13,270.58',
    '  Cash at bank              1110   1,000.00',
    'Closing balance, all funds        14,270.58',
  ]);
  assert.is(receiptsAndPaymentsCsv(r), 'section,item,code,amount\r\n'
    + 'opening,Cash in hand,1100,100.00\r\nopening,Cash at bank,1110,0.00\r\n'
    + 'receipt,Share capital,3100,100.00\r\nreceipt,Savings deposits,2100,26000.00\r\n'
    + 'receipt,Loan principal repaid,1200,1950.58\r\nreceipt,Loan interest,4100,120.00\r\n'
    + 'total receipts,Total receipts,,28170.58\r\n'
    + 'payment,Loans disbursed,1200,12000.00\r\npayment,Savings withdrawn,2100,2000.00\r\n'
    + 'total payments,Total payments,,14000.00\r\n'
    + 'closing,Cash in hand,1100,13270.58\r\nclosing,Cash at bank,1110,1000.00\r\n');
});

test.run();
