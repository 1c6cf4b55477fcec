import { test } from 'uvu';
import * as assert from 'uvu/assert';
import type { Ledger } from '../ledger/createLedger.ts';
import { allEvents, memberWithSavings, memoryStore, ok, testLedger } from '../testSupport.ts';

const by = (commandId: string, on: string, actor = 'maker') => ({ commandId, actor, on });

const loan = async <S>(ledger: Ledger<S>, id: string, memberId: string, on: string) => {
  ok(await ledger.applyForLoan({ ...by(`${id}-apply`, on), loanId: id, memberId,
    productId: 'LN', principal: '12000', repayments: 6, firstRepaymentOn: null }));
  ok(await ledger.approveLoan({ ...by(`${id}-approve`, on, 'checker'), loanId: id,
    principal: '12000' }));
  ok(await ledger.disburseLoan({ ...by(`${id}-disburse`, on), loanId: id }));
};

const line = (lines: ReadonlyArray<{ code: string; amount: bigint }>, code: string) =>
  lines.find((l) => l.code === code)?.amount ?? 0n;

// L1 (12,000 from May 2024, one instalment paid) is 273 days past due on 31 March 2025:
// sub-standard. Repaid in full in April 2025, it holds nothing at the next close; L2, disbursed
// 1 March 2026 with its first instalment due 1 April, is standard then.
test('a loan gone bad is provided for, and written back when it is repaid', async () => {
  const store = memoryStore();
  const ledger = await testLedger(store);
  await memberWithSavings(ledger, 'M1', '5000');
  await memberWithSavings(ledger, 'M2', '1000');
  ok(await ledger.configureSociety({ ...by('cfg', '2024-04-01', 'board'), societyId: 'USHA',
    statutoryReservePercent: '25', dividendRateCapPercent: '15' }));
  await loan(ledger, 'L1', 'M1', '2024-05-01');
  ok(await ledger.recordRepayment({ ...by('r1', '2024-06-01'), loanId: 'L1',
    amount: '2070.58' }));
  const first = await ledger.closeFinancialYear({ ...by('fy1', '2025-04-02', 'board'),
    societyId: 'USHA', financialYear: '2024-25' });
  assert.is(first.status, 'completed');
  ok(await ledger.recordRepayment({ ...by('r2', '2025-04-10'), loanId: 'L1',
    amount: '10352.90' }));
  await loan(ledger, 'L2', 'M2', '2026-03-01');
  const second = await ledger.closeFinancialYear({ ...by('fy2', '2026-04-02', 'board'),
    societyId: 'USHA', financialYear: '2025-26' });
  assert.is(second.status, 'completed');

  const set = (await allEvents(store)).flatMap((e) => e.type === 'LoanLossProvisionSet'
    ? [e.data] : []);
  const none = (percent: string) => ({ loans: 0, outstanding: '0.00', percent,
    provision: '0.00' });
  // 10% of 10,049.42, rounded up to the paisa: 1,004.95. Then 0.4% of 12,000: 48.00.
  assert.equal(set, [{
    societyId: 'USHA', on: '2025-03-31', financialYear: '2024-25', byClass: {
      standard: none('0.4'), doubtful: none('25'), loss: none('100'),
      subStandard: { loans: 1, outstanding: '10049.42', percent: '10', provision: '1004.95' },
    }, total: '1004.95', previousTotal: '0.00',
  }, {
    societyId: 'USHA', on: '2026-03-31', financialYear: '2025-26', byClass: {
      standard: { loans: 1, outstanding: '12000.00', percent: '0.4', provision: '48.00' },
      subStandard: none('10'), doubtful: none('25'), loss: none('100'),
    }, total: '48.00', previousTotal: '1004.95',
  }]);

  const y1 = await ledger.incomeStatement({ financialYear: '2024-25' });
  assert.is(line(y1.expenses, '5300'), 100495n, 'the provision charged to the first year');
  const y2 = await ledger.incomeStatement({ financialYear: '2025-26' });
  assert.is(line(y2.income, '4500'), 95695n, 'the decrease written back: 1,004.95 - 48.00');
  assert.is(line(y2.expenses, '5300'), 0n);
  // A contra-asset: a credit balance shown against the loans.
  const sheets = await Promise.all(['2025-03-31', '2026-03-31'].map((asOf) =>
    ledger.balanceSheet({ asOf })));
  assert.equal(sheets.map((s) => line(s.assets, '1290')), [-100495n, -4800n]);
  for (const asOf of ['2025-03-31', '2025-04-02', '2026-03-31', '2026-04-02']) {
    const tb = await ledger.trialBalance({ asOf });
    assert.is(tb.totalDebit - tb.totalCredit, 0n, `the trial balance is zero on ${asOf}`);
  }
  const closes = (await allEvents(store)).flatMap((e) => e.type === 'FinancialYearClosed'
    ? [e.data.netProfit] : []);
  // The first year's loss is after the 1,004.95 charged, the second's profit after the
  // 956.95 written back: the close takes each year's profit after its provision (and after
  // L2's first instalment interest, 120.00, accrued in full: 1 to 31 March).
  assert.equal([y1.netProfit, y2.netProfit], [-112857n, 112690n]);
  assert.equal(closes, ['-1128.57', '1126.90']);
});

test('the provision is set once, dated 31 March, before the close', async () => {
  const store = memoryStore();
  const ledger = await testLedger(store);
  ok(await ledger.configureSociety({ ...by('cfg', '2024-04-01', 'board'), societyId: 'USHA',
    statutoryReservePercent: '25', dividendRateCapPercent: '15' }));
  const held = { loans: 1, outstanding: '1000.00' };
  const empty = { loans: 0, outstanding: '0.00' };
  const data = { societyId: 'USHA', financialYear: '2024-25',
    byClass: { standard: held, subStandard: empty, doubtful: empty, loss: held } };
  const early = await ledger.execute({ type: 'SetLoanLossProvision',
    data: { ...by('p0', '2025-03-30', 'board'), ...data } });
  assert.equal(early.status === 'rejected' && early.rejection,
    { type: 'provision_not_at_year_end', financialYear: '2024-25', endsOn: '2025-03-31' });
  ok(await ledger.execute({ type: 'SetLoanLossProvision',
    data: { ...by('p1', '2025-03-31', 'board'), ...data } }));
  const set = (await allEvents(store)).find((e) => e.type === 'LoanLossProvisionSet');
  // The society applies its own percents: 4.00 + 1,000.00.
  assert.is(set?.type === 'LoanLossProvisionSet' && set.data.total, '1004.00');
  const again = await ledger.execute({ type: 'SetLoanLossProvision',
    data: { ...by('p2', '2025-03-31', 'board'), ...data } });
  assert.equal(again.status === 'rejected' && again.rejection,
    { type: 'loan_loss_provision_already_set', financialYear: '2024-25' });
});

test.run();
