import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { allEvents, memberWithSavings, memoryStore, ok, testLedger } from '../testSupport.ts';

const by = (commandId: string, on: string, actor = 'maker') => ({ commandId, actor, on });

// FY 2024-25. M1: a loan L1 of 12,000 (May 2024, one instalment paid), non-performing by 31
// March. M2: a loan L2 of 12,000 disbursed 1 March 2025 (first instalment 1 April), and a
// fixed deposit of 10,000 opened 15 January 2025, mid-quarter, for 3 months at 7.5%.
const year = async () => {
  const store = memoryStore();
  const ledger = await testLedger(store);
  await memberWithSavings(ledger, 'M1', '5000');
  await memberWithSavings(ledger, 'M2', '1000');
  ok(await ledger.configureSociety({ ...by('cfg', '2024-04-01', 'board'), societyId: 'USHA',
    statutoryReservePercent: '25', dividendRateCapPercent: '15' }));
  const loan = async (id: string, memberId: string, on: string) => {
    ok(await ledger.applyForLoan({ ...by(`${id}-apply`, on), loanId: id, memberId,
      productId: 'LN', principal: '12000', repayments: 6, firstRepaymentOn: null }));
    ok(await ledger.approveLoan({ ...by(`${id}-approve`, on, 'checker'), loanId: id,
      principal: '12000' }));
    ok(await ledger.disburseLoan({ ...by(`${id}-disburse`, on), loanId: id }));
  };
  await loan('L1', 'M1', '2024-05-01');
  ok(await ledger.recordRepayment({ ...by('r1', '2024-06-01'), loanId: 'L1',
    amount: '2070.58' }));
  await loan('L2', 'M2', '2025-03-01');
  ok(await ledger.openFixedDeposit({ ...by('fd', '2025-01-15'), memberId: 'M2',
    accountId: 'FD-M2', productId: 'FD', principal: '10000', termMonths: 3 }));
  return { store, ledger };
};

test('the close records the year-end accruals and books them on the accrual basis', async () => {
  const { store, ledger } = await year();
  const o = await ledger.closeFinancialYear({ ...by('fy', '2025-04-02', 'board'),
    societyId: 'USHA', financialYear: '2024-25' });
  assert.is(o.status, 'completed');
  const events = await allEvents(store);
  // FD-M2: 10,000 at 7.5% for the 76 days to 31 March, 156.16. L2: its first instalment's
  // interest, 120.00, for all 31 of its days (1 to 31 March, the
  // close's day included): 120.00. L1 (NPA): 303.48, not income.
  const accruals = events.filter((e) => e.type === 'YearEndAccrualsRecorded');
  assert.equal(accruals.map((e) => e.type === 'YearEndAccrualsRecorded' && [
    e.metadata.effectiveOn, e.data.depositInterestPayable, e.data.loanInterestReceivable,
    e.data.loanInterestNotRecognised]), [['2025-03-31', '156.16', '120.00', '303.48']]);
  // Income: L1's interest received, 120.00, and L2's accrued, 120.00. Expenses: the savings
  // interest of the year (M1 49.86 + 153.16, M2 40.60), FD-M2's accrued, 156.16, and the
  // loan-loss provision: L1 sub-standard, 10% of 10,049.42 (1,004.95), L2 standard, 48.00.
  const is = await ledger.incomeStatement({ financialYear: '2024-25' });
  assert.equal([is.totalIncome, is.totalExpenses, is.netProfit], [24000n, 145273n, -121273n]);
  const closed = events.find((e) => e.type === 'FinancialYearClosed');
  assert.ok(closed?.type === 'FinancialYearClosed');
  assert.is(closed.data.netProfit, '-1212.73', 'the close takes the accrual-basis profit');
  const sheet = await ledger.balanceSheet({ asOf: '2025-03-31' });
  assert.equal(['1230', '2200'].map((code) => [...sheet.assets, ...sheet.liabilities]
    .find((l) => l.code === code)?.amount), [12000n, 15616n]);
  for (const asOf of ['2025-03-31', '2025-04-01', '2025-04-02']) {
    const tb = await ledger.trialBalance({ asOf });
    assert.is(tb.totalDebit - tb.totalCredit, 0n, `the trial balance is zero on ${asOf}`);
  }
  const reversed = await ledger.balanceSheet({ asOf: '2025-04-01' });
  assert.equal(['1230', '2200'].map((code) => [...reversed.assets, ...reversed.liabilities]
    .find((l) => l.code === code)?.amount ?? 0n), [0n, 0n], 'reversed on 1 April');
  // The new year: L2's instalment brings 120.00 of interest, all of it accrued in the old
  // year (none is the new year's); FD-M2 matures with 185.38 (156.16 to 31 March,
  // compounded, then 29.22): only the new year's parts are its own.
  ok(await ledger.recordRepayment({ ...by('r2', '2025-04-01'), loanId: 'L2',
    amount: '2070.58' }));
  ok(await ledger.matureDeposit({ ...by('mature', '2025-04-15'), accountId: 'FD-M2' }));
  const matured = (await allEvents(store)).find((e) => e.type === 'DepositMatured');
  assert.is(matured?.type === 'DepositMatured' && matured.data.interest, '185.38');
  const next = await ledger.incomeStatement({ financialYear: '2025-26' });
  assert.equal([next.totalIncome, next.totalExpenses, next.netProfit], [0n, 2922n, -2922n]);
  const tb = await ledger.trialBalance();
  assert.is(tb.totalDebit - tb.totalCredit, 0n);
});

test('the accruals are recorded once, dated 31 March, before the close', async () => {
  const { ledger } = await year();
  const figures = { societyId: 'USHA', financialYear: '2024-25',
    depositInterestPayable: '1.00', loanInterestReceivable: '0.00',
    loanInterestNotRecognised: '0.00' };
  const early = await ledger.execute({ type: 'RecordYearEndAccruals',
    data: { ...by('a0', '2025-03-30', 'board'), ...figures } });
  assert.equal(early.status === 'rejected' && early.rejection,
    { type: 'accruals_not_at_year_end', financialYear: '2024-25', endsOn: '2025-03-31' });
  ok(await ledger.execute({ type: 'RecordYearEndAccruals',
    data: { ...by('a1', '2025-03-31', 'board'), ...figures } }));
  const again = await ledger.execute({ type: 'RecordYearEndAccruals',
    data: { ...by('a2', '2025-03-31', 'board'), ...figures } });
  assert.equal(again.status === 'rejected' && again.rejection,
    { type: 'year_end_accruals_already_recorded', financialYear: '2024-25' });
});

test.run();
