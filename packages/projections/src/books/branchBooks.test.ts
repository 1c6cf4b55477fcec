// Two branches worked by hand: M1 banks at B1 until she is transferred to B2 on 1 May; M2
// banks and borrows at B2; the year's close sends B2's profit to the head office (HO).
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { combine } from '../combine.ts';
import type { ProjectedEvent } from '../core/projectedEvent.ts';
import { replay } from '../replay.ts';
import { products } from '../testing/histories.ts';
import { simulator } from '../testing/simulator.ts';
import { booksProjection } from './projection.ts';
import { accountBalances, balanceSheet, incomeStatement, trialBalance } from './reports.ts';
import type { BooksState } from './state.ts';

const history = () => {
  const sim = simulator(products);
  const on = '2024-04-01';
  sim.run('ConfigureSociety', { on, societyId: 'U', statutoryReservePercent: '25',
    dividendRateCapPercent: '15' });
  for (const [m, branchId] of [['M1', 'B1'], ['M2', 'B2']] as const) {
    sim.run('AdmitMember', { on, memberId: m, branchId, shareProductId: 'SH', shares: 5 });
    sim.run('PurchaseShares', { on, accountId: `S-${m}`, memberId: m, productId: 'SH',
      shares: 10 });
    sim.run('OpenSavingsAccount', { on, accountId: `A-${m}`, memberId: m, productId: 'SB' });
  }
  sim.run('MakeDeposit', { on, accountId: 'A-M1', amount: '5000.00', source: 'cash' });
  sim.run('MakeDeposit', { on, accountId: 'A-M2', amount: '2000.00', source: 'cash' });
  sim.run('ApplyForLoan', { on, loanId: 'LN-1', memberId: 'M2', productId: 'LN',
    principal: '3000', repayments: 6, firstRepaymentOn: null });
  sim.run('ApproveLoan', { on, actor: 'mgr-1', loanId: 'LN-1', principal: '3000' });
  sim.run('DisburseLoan', { on, loanId: 'LN-1' });
  sim.run('ChargeFee', { on: '2024-04-20', loanId: 'LN-1', amount: '50.00',
    reason: 'processing' });
  sim.run('TransferMember', { on: '2024-05-01', memberId: 'M1', to: 'B2' });
  sim.run('MakeDeposit', { on: '2024-05-02', accountId: 'A-M1', amount: '1000.00',
    source: 'cash' });
  const none = { loans: 0, outstanding: '0.00' };
  const fy = { societyId: 'U', financialYear: '2024-25' };
  // The books' first entry: the admissions of 1 April 2024.
  const first = { booksFirstEntryOn: on };
  sim.run('RecordYearEndAccruals', { on: '2025-03-31', ...fy, depositInterestPayable: '0.00',
    loanInterestReceivable: '0.00', loanInterestNotRecognised: '0.00' }, first);
  sim.run('SetLoanLossProvision', { on: '2025-03-31', ...fy,
    byClass: { standard: none, subStandard: none, doubtful: none, loss: none } }, first);
  sim.run('CloseFinancialYear', { on: '2025-04-01', ...fy }, { netProfit: '50.00', ...first });
  return sim.events;
};

const events = history();
const books: BooksState = replay(combine({ books: booksProjection() }), events).states.books;

test('every command of the history was accepted', () => {
  const count = (type: string) => events.filter((e) => e.type === type).length;
  assert.equal([count('SharesPurchased'), count('Deposited'), count('LoanDisbursed'),
    count('FeeCharged'), count('MemberTransferred'), count('FinancialYearClosed')],
  [2, 3, 1, 1, 1, 1]);
});

// Non-zero balances by account code, in paise, debit positive.
const figures = (o: { asOf?: string; branchId?: string }) => Object.fromEntries(
  accountBalances(books, o).filter((b) => b.balance !== 0n)
    .map((b) => [b.account.code, b.balance]));

test('before the transfer each branch holds its own members\' business', () => {
  assert.equal(figures({ asOf: '2024-04-30', branchId: 'B1' }),
    { 1100: 510_000n, 2100: -500_000n, 3100: -10_000n });
  assert.equal(figures({ asOf: '2024-04-30', branchId: 'B2' }),
    { 1100: -90_000n, 1200: 300_000n, 1220: 5_000n, 2100: -200_000n, 3100: -10_000n,
      4300: -5_000n });
  assert.equal(figures({ asOf: '2024-04-30', branchId: 'HO' }), {});
});

test('a transfer moves her shares and savings to the new branch through inter-branch', () => {
  // B1 keeps the cash she paid in, owed to B2, which now owes her deposit and shares.
  assert.equal(figures({ asOf: '2024-05-02', branchId: 'B1' }),
    { 1100: 510_000n, 1900: -510_000n });
  assert.equal(figures({ asOf: '2024-05-02', branchId: 'B2' }),
    { 1100: 10_000n, 1200: 300_000n, 1220: 5_000n, 1900: 510_000n, 2100: -800_000n,
      3100: -20_000n, 4300: -5_000n });
  assert.equal(figures({ asOf: '2024-05-02' }),
    { 1100: 520_000n, 1200: 300_000n, 1220: 5_000n, 2100: -800_000n, 3100: -20_000n,
      4300: -5_000n });
});

test('the year\'s close sends the branch\'s profit to the head office, which appropriates it',
  () => {
    assert.equal(figures({ branchId: 'B2' }),
      { 1100: 10_000n, 1200: 300_000n, 1220: 5_000n, 1900: 505_000n, 2100: -800_000n,
        3100: -20_000n });
    assert.equal(figures({ branchId: 'HO' }), { 1900: 5_000n, 3200: -1_250n, 3300: -3_750n });
    assert.is(incomeStatement(books, { financialYear: '2024-25', branchId: 'B2' }).netProfit,
      5_000n);
    assert.is(incomeStatement(books, { financialYear: '2024-25', branchId: 'B1' }).netProfit,
      0n);
    assert.is(incomeStatement(books, { financialYear: '2024-25' }).netProfit, 5_000n);
  });

test('each branch\'s trial balance and balance sheet balance; reports name the branch', () => {
  const tb = trialBalance(books, { branchId: 'B1' });
  assert.is(tb.branchId, 'B1');
  assert.is(tb.totalDebit, 510_000n);
  assert.is(tb.totalCredit, 510_000n);
  const bs = balanceSheet(books, { branchId: 'HO' });
  assert.is(bs.totalAssets, 5_000n);
  assert.is(bs.totalLiabilitiesAndEquity, 5_000n);
  assert.is(trialBalance(books).branchId, undefined);
});

test('openings written before branchId (null) post at the member\'s branch on their date', () => {
  // As the version 1 upcaster reads them: branchId null on every opening and purchase.
  const old = events.map((e): ProjectedEvent => {
    switch (e.type) {
      case 'SharesPurchased': return { ...e, data: { ...e.data, branchId: null } };
      case 'SavingsAccountOpened': return { ...e, data: { ...e.data, branchId: null } };
      case 'LoanApplied': return { ...e, data: { ...e.data, branchId: null } };
      default: return e;
    }
  });
  assert.is(old.filter((e) => 'branchId' in e.data && e.data.branchId === null).length, 5);
  const s = replay(combine({ books: booksProjection() }), old).states.books;
  for (const branchId of ['B1', 'B2', 'HO']) {
    assert.equal(accountBalances(s, { branchId, asOf: '2024-04-30' }),
      accountBalances(books, { branchId, asOf: '2024-04-30' }));
    assert.equal(accountBalances(s, { branchId }), accountBalances(books, { branchId }));
  }
});

test('a branch with no business has books of zeros', () => {
  assert.equal(figures({ branchId: 'B9' }), {});
  assert.is(trialBalance(books, { branchId: 'B9' }).totalDebit, 0n);
});

test.run();
