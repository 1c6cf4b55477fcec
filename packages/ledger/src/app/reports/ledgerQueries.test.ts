import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { inMemoryMemberDirectory } from '../directory/openMemberDirectory.ts';
import type { LedgerOptions } from '../ledger/ledgerOptions.ts';
import { isAccepted } from '../commands/outcome.ts';
import {
  allEvents, memberWithSavings, memoryStore, ok, testLedger,
} from '../testSupport.ts';
import { formatMemberPassbook } from './memberPassbook.ts';

const by = (commandId: string, on: string, actor = 'maker') => ({ commandId, actor, on });

// Member M1 of branch SONAGACHI: Rs 100 of shares, Rs 5,000 saved on 1 April 2024, a loan of
// Rs 12,000 over 6 months at 12% (EMI 2,070.58) with one instalment paid, and interest on her
// savings to 30 June (5,000 at 4% for 91 days: 49.86).
const society = async (more: Partial<LedgerOptions<undefined>> = {}) => {
  const store = memoryStore();
  const ledger = await testLedger(store, more);
  await memberWithSavings(ledger, 'M1', '5000');
  ok(await ledger.applyForLoan({ ...by('apply', '2024-05-01'), loanId: 'L1', memberId: 'M1',
    productId: 'LN', principal: '12000', repayments: 6, firstRepaymentOn: null }));
  ok(await ledger.approveLoan({ ...by('approve', '2024-05-01', 'checker'), loanId: 'L1',
    principal: '12000' }));
  const disbursed = ok(await ledger.disburseLoan({ ...by('disburse', '2024-05-01'),
    loanId: 'L1' }));
  ok(await ledger.recordRepayment({ ...by('r1', '2024-06-01'), loanId: 'L1',
    amount: '2070.58' }));
  ok(await ledger.postInterest({ ...by('pi', '2024-06-30'), accountId: 'SB-M1',
    periodTo: '2024-06-30' }));
  return { store, ledger, disbursed };
};

test('balances of a member now, and as of an earlier date (a replay to that date)', async () => {
  const { ledger } = await society();
  const now = await ledger.balances('M1');
  assert.is(now?.shareCapital, 10000n);
  assert.equal(now?.deposits.map((d) => [d.accountId, d.balance, d.interestPosted]),
    [['SB-M1', 504986n, 4986n]]);
  assert.is(now?.loans[0]?.position.principalOutstanding, 1004942n);
  const may = await ledger.balances('M1', { asOf: '2024-05-15' });
  assert.is(may?.deposits[0]?.balance, 500000n);
  assert.is(may?.loans[0]?.position.principalOutstanding, 1200000n);
  assert.is(await ledger.balances('M9'), undefined);
});

test('the books: trial balance, balance sheet as of a date, income statement', async () => {
  const { ledger } = await society();
  const tb = await ledger.trialBalance();
  assert.is(tb.totalDebit, 1009928n);
  assert.is(tb.totalCredit, 1009928n);
  const bs = await ledger.balanceSheet({ asOf: '2024-05-01' });
  assert.is(bs.totalAssets, 510000n);
  assert.is(bs.totalLiabilitiesAndEquity, 510000n);
  const is = await ledger.incomeStatement({ financialYear: '2024-25' });
  assert.equal([is.totalIncome, is.totalExpenses, is.netProfit], [12000n, 4986n, 7014n]);
});

test('the portfolio and PAR as of a date, by branch', async () => {
  const { ledger } = await society();
  const july = await ledger.portfolio({ asOf: '2024-07-10' });
  assert.equal(july.loans.map((l) => [l.loanId, l.daysPastDue, l.bucket]),
    [['L1', 9, '1-30']]);
  const august = await ledger.par({ asOf: '2024-08-15', branchId: 'SONAGACHI' });
  assert.equal([august.par30BasisPoints, august.atRisk30, august.arrears],
    [10000, 1004942n, 414116n]);
  const elsewhere = await ledger.par({ asOf: '2024-08-15', branchId: 'KALIGHAT' });
  assert.equal([elsewhere.activeLoans, elsewhere.principalOutstanding], [0, 0n]);
});

test('as known at a point of the log: what was recorded after it is left out', async () => {
  const { ledger, disbursed } = await society();
  if (!isAccepted(disbursed)) return assert.unreachable();
  const then = await ledger.trialBalance({ asKnownAt: disbursed.position });
  assert.is(then.totalDebit, 1200000n);
  const m = await ledger.balances('M1', { asKnownAt: disbursed.position });
  assert.is(m?.deposits[0]?.balance, 500000n);
});

test('a passbook shows a name only through the directory, and none once forgotten',
  async () => {
    const directory = inMemoryMemberDirectory();
    const { ledger } = await society({ directory });
    await ledger.registerMember('M1', { name: 'Asha Das' });
    const named = await ledger.passbook('M1', 'SB-M1', { withName: true });
    assert.equal(named.holder, { status: 'present', name: 'Asha Das' });
    assert.equal(named.pages.map((p) => [p.accountId, p.balance]), [['SB-M1', 504986n]]);
    assert.equal(formatMemberPassbook(named).split('\n').slice(0, 2),
      ['Passbook of member M1 as of 2024-06-30', 'Name: Asha Das']);
    const plain = await ledger.passbook('M1', { asOf: '2024-05-01' });
    assert.is(plain.holder, undefined);
    assert.equal(plain.pages.map((p) => [p.accountId, p.balance]),
      [['SH-M1', 10000n], ['SB-M1', 500000n], ['L1', 1200000n]]);
    await ledger.forgetMember('M1', '2024-07-01');
    const forgotten = await ledger.passbook('M1', { withName: true });
    assert.equal(forgotten.holder, { status: 'forgotten' });
    assert.not.ok(formatMemberPassbook(forgotten).includes('Asha'));
    const { ledger: anonymous } = await society();
    assert.equal((await anonymous.passbook('M1', { withName: true })).holder,
      { status: 'no_directory' });
  });

test('closing a year takes its net profit from the income statement', async () => {
  const { store, ledger } = await society();
  ok(await ledger.configureSociety({ ...by('cfg', '2024-04-01', 'board'), societyId: 'USHA',
    statutoryReservePercent: '25', dividendRateCapPercent: '15' }));
  const o = await ledger.closeFinancialYear({ ...by('fy', '2025-04-02', 'board'),
    societyId: 'USHA', financialYear: '2024-25' });
  assert.is(o.status, 'completed');
  const is = await ledger.incomeStatement({ financialYear: '2024-25' });
  const closed = (await allEvents(store)).find((e) => e.type === 'FinancialYearClosed');
  assert.ok(closed?.type === 'FinancialYearClosed');
  // Income 120.00 less the savings interest of the year: 49.86 to June, then 153.16 posted by
  // the close, dated 31 March (50.91 + 51.43 + 50.82, compounded quarterly), and the
  // provision on L1, sub-standard on 31 March: 10% of 10,049.42, 1,004.95.
  assert.is(is.netProfit, -108797n);
  assert.is(closed.data.netProfit, '-1087.97');
  assert.is(closed.data.reserveRounding, 'up');
  const close = await ledger.yearClose({ financialYear: '2024-25' });
  assert.equal([close?.netProfitBooks, close?.statutoryReserve], [-108797n, 0n]);
});

test('accrued interest: deposit interest payable, loan interest receivable, NPAs apart',
  async () => {
    const { ledger } = await society();
    // 31 July: SB-M1 holds 5,049.86 since 30 June; July's interest at 4%, 31 days, not yet
    // credited. L1's second instalment (due 1 July, interest 100.49 on 10,049.42) is unpaid,
    // 30 days late; the third's interest, 80.79, has accrued for all of its 31 days
    // (1 to 31 July, the 31st included): 80.79.
    const july = await ledger.accruedInterest({ asOf: '2024-07-31' });
    assert.equal(july.deposits.map((d) => [d.accountId, d.accrued]), [['SB-M1', 1716n]]);
    assert.equal(july.loans.map((l) => [l.loanId, l.interestDue, l.interestAccruing,
      l.daysPastDue, l.nonPerforming]), [['L1', 10049n, 8079n, 30, false]]);
    assert.equal([july.depositInterestPayable, july.loanInterestReceivable,
      july.loanInterestNotRecognised], ['17.16', '181.28', '0.00']);
    // 15 October: the 1 July instalment is 106 days late, past the 90-day NPA threshold: the
    // loan's interest is not income until it is received. Due and unpaid (1 July to 1
    // October): 100.49, 80.79 (on 8,079.33), 60.90 (on 6,089.54), 40.80 (on 4,079.86);
    // accruing: 20.50 (on 2,050.08) for 15 of 31 days (1 to 15 October), 9.92.
    const october = await ledger.accruedInterest({ asOf: '2024-10-15' });
    assert.equal(october.loans.map((l) => [l.interestDue, l.interestAccruing, l.daysPastDue,
      l.nonPerforming]), [[28298n, 992n, 106, true]]);
    assert.equal([october.loanInterestReceivable, october.loanInterestNotRecognised],
      ['0.00', '292.90']);
    // An earlier date replays to it: 30 June, the day interest was credited, nothing accrued.
    const june = await ledger.accruedInterest({ asOf: '2024-06-30' });
    assert.equal(june.deposits.map((d) => d.accrued), [0n]);
  });

test.run();
