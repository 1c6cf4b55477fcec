// A small co-operative's year, computed by hand, figure by figure.
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { depositAccruals } from './accrual/depositAccrual.ts';
import { loanAccruals } from './accrual/loanAccrual.ts';
import { memberBalances } from './balances/memberStatement.ts';
import {
  accountBalances, balanceSheet, incomeStatement, trialBalance, yearEnd,
} from './books/reports.ts';
import { formatTrialBalance } from './books/format.ts';
import { passbook, formatPassbook } from './passbook/passbook.ts';
import { parReport } from './portfolio/parReport.ts';
import { replay } from './replay.ts';
import { products, projections } from './testing/compare.ts';
import { simulator } from './testing/simulator.ts';

const sim = simulator(products);
const run = sim.run;
run('ConfigureSociety', { on: '2024-04-01', societyId: 'U', statutoryReservePercent: '25',
  dividendRateCapPercent: '15' });
run('AdmitMember', { on: '2024-04-01', memberId: 'M1', branchId: 'B1', shareProductId: 'SH',
  shares: 10 });
run('PurchaseShares', { on: '2024-04-01', accountId: 'S1', memberId: 'M1', productId: 'SH',
  shares: 10 });
run('OpenSavingsAccount', { on: '2024-04-01', accountId: 'A1', memberId: 'M1', productId: 'SB' });
run('MakeDeposit', { on: '2024-04-01', accountId: 'A1', amount: '20000', source: 'cash' });
run('ApplyForLoan', { on: '2024-05-01', loanId: 'L1', memberId: 'M1', productId: 'LN',
  principal: '12000', repayments: 6, firstRepaymentOn: null });
run('ApproveLoan', { on: '2024-05-01', actor: 'mgr-1', loanId: 'L1', principal: '12000' });
run('DisburseLoan', { on: '2024-05-01', loanId: 'L1' });
run('ChargeFee', { on: '2024-05-01', loanId: 'L1', amount: '100', reason: 'processing' });
// EMI of 12,000 over 6 months at 1% a month: 12000 * 0.01 / (1 - 1.01^-6) = 2,070.58.
run('RecordRepayment', { on: '2024-06-01', loanId: 'L1', amount: '2170.58' });
// 20,000 at 4% for the 91 days of April to June: 199.4520... -> 199.45.
run('PostInterest', { on: '2024-06-30', accountId: 'A1', periodTo: '2024-06-30' });
run('ChargePenalty', { on: '2024-07-10', loanId: 'L1', amount: '50', reason: 'late_payment' });
run('Withdraw', { on: '2024-07-15', accountId: 'A1', amount: '2000' });
// The year-end entries a close needs, of zero: the figures below are those before accruals
// and provision (the Ledger's yearEndAccruals and loanLossProvision tests cover those).
// Each is decided on the books' first entry (her admission on 1 April 2024): the first close.
const none = { loans: 0, outstanding: '0.00' };
const booksFirstEntryOn = '2024-04-01';
run('RecordYearEndAccruals', { on: '2025-03-31', societyId: 'U', financialYear: '2024-25',
  depositInterestPayable: '0.00', loanInterestReceivable: '0.00',
  loanInterestNotRecognised: '0.00' }, { booksFirstEntryOn });
run('SetLoanLossProvision', { on: '2025-03-31', societyId: 'U', financialYear: '2024-25',
  byClass: { standard: none, subStandard: none, doubtful: none, loss: none } },
{ booksFirstEntryOn });
run('CloseFinancialYear', { on: '2025-04-01', societyId: 'U', financialYear: '2024-25' },
  { netProfit: '70.55', booksFirstEntryOn });
const h = sim.events;
const p = projections();
const all = replay(p, h);
const rs = (x: bigint | undefined) => (x === undefined ? 'none' : (Number(x) / 100).toFixed(2));

test('every command was accepted', () => {
  assert.is(h.length, 16);
  assert.is(h.find((e) => e.type === 'RepaymentReceived')?.type, 'RepaymentReceived');
});

test('the repayment paid the fee, a month of interest, then principal', () => {
  const r = h.find((e) => e.type === 'RepaymentReceived');
  assert.ok(r !== undefined && r.type === 'RepaymentReceived');
  assert.equal(r.data.allocation, { penalties: '0.00', fees: '100.00', interest: '120.00',
    principal: '1950.58' });
});

test('the income statement of 2024-25, figure by figure', () => {
  const is = incomeStatement(all.states.books, { financialYear: '2024-25' });
  assert.equal(is.income.map((l) => [l.code, rs(l.amount)]),
    [['4100', '120.00'], ['4200', '50.00'], ['4300', '100.00'], ['4400', '0.00'],
      ['4500', '0.00'], ['4600', '0.00'], ['4700', '0.00']]);
  assert.is(rs(is.totalExpenses), '199.45');
  assert.is(rs(is.netProfit), '70.55');
});

test('closing the year moves the surplus and 25% of it, rounded up, to the reserve', () => {
  const y = yearEnd(all.states.books, '2024-25');
  assert.is(rs(y?.netProfitBooks), '70.55');
  assert.is(rs(y?.statutoryReserve), '17.64');
  assert.is(rs(y?.distributableSurplus), '52.91');
  const gl = new Map(accountBalances(all.states.books).map((b) => [b.account.code, b.balance]));
  assert.is(gl.get('4100'), 0n);
  assert.is(gl.get('5100'), 0n);
  assert.is(rs(-(gl.get('3200') ?? 0n)), '17.64');
  assert.is(rs(-(gl.get('3300') ?? 0n)), '52.91');
});

test('the balance sheet after the close, figure by figure', () => {
  const bs = balanceSheet(all.states.books);
  // Cash: 100 + 20,000 - 12,000 + 2,170.58 - 2,000 = 8,270.58.
  assert.equal(bs.assets.map((l) => rs(l.amount)), ['8270.58', '0.00', '10049.42', '50.00',
    '0.00', '0.00', '0.00', '0.00', '0.00']);
  assert.is(rs(bs.totalAssets), '18370.00');
  assert.is(rs(bs.totalLiabilitiesAndEquity), '18370.00');
  assert.is(rs(bs.liabilities[0]?.amount), '18199.45');
  const tb = trialBalance(all.states.books);
  assert.is(tb.totalDebit, tb.totalCredit);
  assert.match(formatTrialBalance(tb), /8,270\.58/);
});

test('member balances agree with the books', () => {
  const m = memberBalances(all.states.balances, 'M1');
  assert.is(rs(m?.shareCapital), '100.00');
  assert.is(rs(m?.deposits[0]?.balance), '18199.45');
  assert.is(rs(m?.loans[0]?.position.principalOutstanding), '10049.42');
  assert.is(rs(m?.loans[0]?.position.penaltiesDue), '50.00');
});

test('days past due and PAR as of dates in the year', () => {
  const july = replay(p, h, { asOf: '2024-07-10' });
  const r = parReport(july.states.balances, { asOf: '2024-07-10' });
  assert.is(r.loans[0]?.daysPastDue, 9);
  assert.is(r.loans[0]?.bucket, '1-30');
  assert.is(r.overall.par30BasisPoints, 0);
  const august = replay(p, h, { asOf: '2024-08-15' });
  const a = parReport(august.states.balances, { asOf: '2024-08-15' });
  assert.is(a.loans[0]?.daysPastDue, 45);
  assert.is(a.overall.par30BasisPoints, 10000);
  // Arrears: instalments 2 (1 July) and 3 (1 August) unpaid, principal and interest.
  assert.is(rs(a.overall.arrears), '4141.16');
});

test('interest accrued on the savings and on the loan, as of dates', () => {
  const june = replay(p, h, { asOf: '2024-06-16' });
  const loan = loanAccruals(june.states.balances, { asOf: '2024-06-16' })[0];
  // Instalment 2: 10,049.42 at 1% = 100.49, 16 of its 30 days run by the end of 16 June
  // (1 to 16 June, both included): 53.5947 -> 53.59.
  assert.is(rs(loan?.interestAccruing), '53.59');
  assert.is(loan?.interestDue, 0n);
  const d = depositAccruals(june.states.accrual, products, { asOf: '2024-06-16' })[0];
  // 20,000 at 4% for the 77 days 1 April to 16 June: 168.767... -> 168.77.
  assert.is(rs(d?.accrued), '168.77');
});

test('the passbook prints line by line', () => {
  const pb = passbook(all.states.passbook, 'M1');
  const savings = pb.pages.find((pg) => pg.kind === 'savings');
  assert.equal(savings?.lines.map((l) => [l.on, l.particulars, rs(l.withdrawal),
    rs(l.deposit), rs(l.balance)]), [
    ['2024-04-01', 'By cash', '0.00', '20000.00', '20000.00'],
    ['2024-06-30', 'By interest from 2024-04-01', '0.00', '199.45', '20199.45'],
    ['2024-07-15', 'To cash', '2000.00', '0.00', '18199.45'],
  ]);
  assert.match(formatPassbook(pb), /Loan account L1/);
  assert.is(passbook(all.states.passbook, 'M1', { asOf: '2024-06-30' }).pages
    .find((pg) => pg.kind === 'savings')?.balance, 2019945n);
});

test.run();
