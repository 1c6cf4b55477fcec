// Tranches: an approval paid out in parts, each recomputing the whole schedule.
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { spec } from '../testing/deciderSpecification.ts';
import { by, command, history } from '../testing/fixtures.ts';
import { createLoanDecider } from './decide.ts';
import { approvedLoan, changeProducts, decided, disburseOf } from './scheduleChanges.fixture.ts';

const decider = createLoanDecider({ products: changeProducts });
const given = (...cs: Parameters<typeof decider.decide>[0][]) =>
  spec(decider).given(history(decider, cs));
const tranche = (id: string, on: string, amount: string) =>
  command('DisburseTranche', { ...by(id, on, 'cash-1'), loanId: 'L1', amount });
const approvedLT = approvedLoan('L1', 'LT', '12000');
const firstOf6000 = [...approvedLT, disburseOf('L1', '2024-01-15', { amount: '6000' })] as const;

test('a first tranche is disbursed alone, its schedule over its own amount', () => {
  const [e] = decided(given(...approvedLT)
    .when(disburseOf('L1', '2024-01-15', { amount: '6000' })).outcome());
  assert.ok(e?.type === 'LoanDisbursed');
  if (e?.type !== 'LoanDisbursed') return;
  assert.is(e.data.principal, '6000.00');
  assert.is(e.data.terms.maxTranches, 3);
  assert.is(e.data.terms.scheduleType, 'progressive');
  assert.equal(e.data.schedule.installments[0], {
    n: 1, dueOn: '2024-02-15', days: 31, principal: '975.62', interest: '59.18',
    total: '1034.80', balance: '5024.38',
  });
  assert.equal([e.data.schedule.totalPrincipal, e.data.schedule.totalInterest],
    ['6000.00', '208.82']);
});

test('a second tranche keeps the instalments due by then and re-spreads the rest', () => {
  const [e] = decided(given(...firstOf6000).when(tranche('t2', '2024-03-15', '4000')).outcome());
  assert.ok(e?.type === 'LoanTrancheDisbursed');
  if (e?.type !== 'LoanTrancheDisbursed') return;
  assert.equal({ ...e.data, schedule: undefined }, {
    eventId: 't2.0', loanId: 'L1', memberId: 'M1', on: '2024-03-15', amount: '4000.00',
    tranche: 2, schedule: undefined,
  });
  const rows = e.data.schedule.installments.map((i) => [i.n, i.principal, i.total, i.balance]);
  assert.equal(rows, [
    [1, '975.62', '1034.80', '5024.38'],
    [2, '985.24', '1034.80', '8039.14'],
    [3, '1980.29', '2059.58', '6058.85'],
    [4, '1999.82', '2059.58', '4059.03'],
    [5, '2019.55', '2059.58', '2039.48'],
    [6, '2039.48', '2059.60', '0.00'],
  ]);
  assert.equal([e.data.schedule.totalPrincipal, e.data.schedule.totalInterest],
    ['10000.00', '307.94']);
});

test('the loan owes every tranche, on the latest schedule', () => {
  given(...firstOf6000).when(tranche('t2', '2024-03-15', '4000')).thenState((s) => {
    assert.ok(s.status === 'active');
    if (s.status !== 'active') return;
    assert.is(s.totals.disbursed, 1_000_000n);
    assert.equal(s.disbursements.map((d) => [d.on, d.amount]),
      [['2024-01-15', 600_000n], ['2024-03-15', 400_000n]]);
    assert.equal(s.schedule[2], { dueOn: '2024-04-15', principal: 198_029n, interest: 7929n });
  });
});

test('rejections, in the order they are checked', () => {
  // DisburseLoan: more than approved, then a part of it where the product pays out at once.
  given(...approvedLT).when(disburseOf('L1', '2024-01-15', { amount: '12000.01' }))
    .thenRejects('tranche_exceeds_approved',
      { approved: '12000.00', disbursed: '0.00', requested: '12000.01' });
  given(...approvedLoan('L1', 'LN', '6000')).when(disburseOf('L1', '2024-01-15',
    { amount: '5000' })).thenRejects('partial_disbursement_not_allowed',
    { approved: '6000.00', requested: '5000.00' });
  // DisburseTranche: an active loan only, within maxTranches, within the approval.
  given(...approvedLT).when(tranche('t2', '2024-03-15', '100'))
    .thenRejects('invalid_loan_status', { status: 'approved' });
  given(...approvedLoan('L1', 'LN', '6000'), disburseOf('L1', '2024-01-15'))
    .when(tranche('t2', '2024-03-15', '100'))
    .thenRejects('tranche_limit_reached', { maxTranches: 1 });
  given(...firstOf6000, tranche('t2', '2024-02-15', '1000'), tranche('t3', '2024-03-15', '1000'))
    .when(tranche('t4', '2024-04-15', '100'))
    .thenRejects('tranche_limit_reached', { maxTranches: 3 });
  given(...firstOf6000).when(tranche('t2', '2024-03-15', '6000.01'))
    .thenRejects('tranche_exceeds_approved',
      { approved: '12000.00', disbursed: '6000.00', requested: '6000.01' });
});

test.run();
