import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { minorOf } from '@usha/domain';
import { assetClasses } from '@usha/domain';
import { isAccepted } from '../commands/outcome.ts';
import { allEvents, memberWithSavings, memoryStore, ok, testLedger } from '../testSupport.ts';
import { ReportPeriodError } from './periodReports.ts';

const by = (commandId: string, on: string, actor = 'clerk') => ({ commandId, actor, on });

// M-0001 of SONAGACHI: 10 shares (Rs 100) and Rs 5,000 saved on 1 April 2024; a loan of
// Rs 12,000 over 6 months at 12% from 1 May (EMI 2,070.58), the first instalment paid on 1
// June, none after; the year 2024-25 closed on 2 April 2025.
const society = async () => {
  const store = memoryStore();
  const ledger = await testLedger(store);
  await memberWithSavings(ledger, 'M-0001', '5000');
  ok(await ledger.configureSociety({ ...by('cfg', '2024-04-01', 'board'), societyId: 'USHA',
    statutoryReservePercent: '25', dividendRateCapPercent: '15' }));
  ok(await ledger.applyForLoan({ ...by('apply', '2024-05-01'), loanId: 'L-0001',
    memberId: 'M-0001', productId: 'LN', principal: '12000', repayments: 6,
    firstRepaymentOn: null }));
  ok(await ledger.approveLoan({ ...by('approve', '2024-05-01', 'checker'), loanId: 'L-0001',
    principal: '12000' }));
  const disbursed = ok(await ledger.disburseLoan({ ...by('disburse', '2024-05-01'),
    loanId: 'L-0001' }));
  ok(await ledger.recordRepayment({ ...by('r1', '2024-06-01'), loanId: 'L-0001',
    amount: '2070.58' }));
  const closed = await ledger.closeFinancialYear({ ...by('fy', '2025-04-02', 'board'),
    societyId: 'USHA', financialYear: '2024-25' });
  assert.is(closed.status, 'completed');
  return { store, ledger, disbursed };
};

test('the NPA schedule of 31 March agrees with the provision the close recorded', async () => {
  const { store, ledger } = await society();
  const n = await ledger.npaSchedule({ asOf: '2025-03-31' });
  // The 1 July instalment unpaid: 273 days late, sub-standard, 10% of 10,049.42 rounded up.
  assert.equal(n.loans.map((l) => [l.loanId, l.memberId, l.branchId, l.daysPastDue,
    l.assetClass, l.principalOutstanding, l.provisionPercent, l.provision]),
  [['L-0001', 'M-0001', 'SONAGACHI', 273, 'subStandard', 1004942n, '10', 100495n]]);
  const set = (await allEvents(store)).find((e) => e.type === 'LoanLossProvisionSet');
  if (set?.type !== 'LoanLossProvisionSet') return assert.unreachable();
  for (const c of assetClasses) {
    const recorded = set.data.byClass[c];
    const t = n.byClass[c];
    assert.equal([t.loans, t.outstanding, t.percent, t.provision], [recorded.loans,
      minorOf(recorded.outstanding), recorded.percent, minorOf(recorded.provision)], c);
  }
  assert.is(n.totalProvision, minorOf(set.data.total));
  assert.is(n.totalProvision, 100495n);
});

test('receipts and payments of 2024-25, as known before the repayment was recorded',
  async () => {
    const { ledger, disbursed } = await society();
    const r = await ledger.receiptsAndPayments({ financialYear: '2024-25' });
    assert.equal(r.receipts.map((h) => [h.head, h.amount]), [['Share capital', 10000n],
      ['Savings deposits', 500000n], ['Loan principal repaid', 195058n],
      ['Loan interest', 12000n]]);
    assert.equal(r.payments.map((h) => [h.head, h.amount]), [['Loans disbursed', 1200000n]]);
    // 0 + 100 + 5,000 + 2,070.58 - 12,000: the society lent more than it held in cash.
    assert.equal([r.opening, r.closing], [0n, -482942n]);
    assert.is(r.closing, r.opening + r.totalReceipts - r.totalPayments);
    const tb = await ledger.trialBalance({ asOf: '2025-03-31' });
    assert.is(tb.rows.find((x) => x.code === '1100')?.credit, 482942n);
    if (!isAccepted(disbursed)) return assert.unreachable();
    const before = await ledger.receiptsAndPayments({ from: '2024-04-01', to: '2025-03-31',
      asKnownAt: disbursed.position });
    assert.equal(before.receipts.map((h) => [h.head, h.amount]),
      [['Share capital', 10000n], ['Savings deposits', 500000n]]);
    assert.is(before.closing, -690000n);
  });

test('the DCB of 2024-25: the whole schedule fell due, one instalment collected', async () => {
  const { ledger } = await society();
  const d = await ledger.demandCollectionBalance({ financialYear: '2024-25' });
  // Interest of the six instalments: 120.00 + 100.49 + 80.79 + 60.90 + 40.80 + 20.50.
  const p = d.total.principal;
  const i = d.total.interest;
  assert.equal([p.arrears, p.current, p.collectedCurrent, p.advance, p.balance],
    [0n, 1200000n, 195058n, 0n, 1004942n]);
  assert.equal([i.arrears, i.current, i.collectedCurrent, i.advance, i.balance],
    [0n, 42348n, 12000n, 0n, 30348n]);
  assert.equal([...d.byBranch.keys()], ['SONAGACHI']);
  const next = await ledger.demandCollectionBalance({ from: '2025-04-01', to: '2025-04-30' });
  assert.equal([next.total.principal.arrears, next.total.principal.current,
    next.total.interest.arrears], [1004942n, 0n, 30348n]);
  await ledger.demandCollectionBalance({ from: '2025-04-30', to: '2025-04-01' }).then(
    () => assert.unreachable(), (e: unknown) => assert.instance(e, ReportPeriodError));
});

test('a DCB from the first day a date can name (1900-01-01) has no arrears before it: the '
  + 'same figures as one from the year\'s first day, not a throw', async () => {
  const { ledger } = await society();
  const figures = async (from: string) => {
    const d = await ledger.demandCollectionBalance({ from, to: '2025-03-31' });
    const p = d.total.principal;
    const i = d.total.interest;
    return [p.arrears, p.current, p.collectedCurrent, p.advance, p.balance,
      i.arrears, i.current, i.collectedCurrent, i.advance, i.balance];
  };
  const whole = [0n, 1200000n, 195058n, 0n, 1004942n, 0n, 42348n, 12000n, 0n, 30348n];
  assert.equal(await figures('2024-04-01'), whole);
  assert.equal(await figures('1900-01-01'), whole);
});

test.run();
