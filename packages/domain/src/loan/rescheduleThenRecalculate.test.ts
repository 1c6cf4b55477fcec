// A reschedule holds through what follows it: a later recalculation or tranche replays it,
// keeping its extra repayments and the interest of the instalments due before its `from`.
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { spec } from '../testing/deciderSpecification.ts';
import { by, command, history } from '../testing/fixtures.ts';
import { createLoanDecider } from './decide.ts';
import type { LoanEvent } from './events.ts';
import { approvedLoan, changeProducts, decided, disburseOf } from './scheduleChanges.fixture.ts';

const decider = createLoanDecider({ products: changeProducts });
const given = (...cs: Parameters<typeof decider.decide>[0][]) =>
  spec(decider).given(history(decider, cs));
const repay = (id: string, on: string, amount: string) =>
  command('RecordRepayment', { ...by(id, on, 'cash-1'), loanId: 'L1', amount });
const reschedule = (on: string, from: string, change: Record<string, unknown>) =>
  command('RescheduleLoan', { ...by('r1', on, 'mgr-1'), loanId: 'L1', from,
    kind: 'rescheduled', change, requestedBy: 'clerk-1' });
// Each instalment as "dueOn total interest".
const rows = (e: LoanEvent | undefined): string[] =>
  e !== undefined && 'schedule' in e.data
    ? e.data.schedule.installments.map((i) => `${i.dueOn} ${i.total} ${i.interest}`) : [];

test('principal paid ahead after two extra repayments recalculates over all eight', () => {
  const rescheduled = [...approvedLoan('L1', 'LR', '6000'), disburseOf('L1', '2024-01-15'),
    reschedule('2024-02-01', '2024-02-15', { extraRepayments: 2 })] as const;
  const before = history(decider, rescheduled).at(-1);
  assert.is(rows(before)[0], '2024-02-15 783.67 59.18');
  const es = decided(given(...rescheduled).when(repay('p1', '2024-02-15', '1283.67'))
    .outcome());
  assert.equal(es.map((e) => e.type), ['RepaymentReceived', 'LoanScheduleRecalculated']);
  // 500.00 ahead: the EMI falls from 783.67 to PMT(4775.51, 7, 12% x 30/365) = 709.39, and
  // the term stays the eight instalments the reschedule made.
  assert.equal(rows(es[1]), [
    '2024-02-15 1283.67 59.18', '2024-03-15 709.39 47.10', '2024-04-15 709.39 40.57',
    '2024-05-15 709.39 33.97', '2024-06-15 709.39 27.31', '2024-07-15 709.39 20.58',
    '2024-08-15 709.39 13.79', '2024-09-15 709.42 6.93',
  ]);
});

test('a tranche after a rate change keeps the interest of the instalments due before it', () => {
  const rated = [...approvedLoan('L1', 'LT', '6000'),
    disburseOf('L1', '2024-01-15', { amount: '3000' }), repay('p1', '2024-02-15', '517.40'),
    reschedule('2024-03-01', '2024-04-15', { rateAnnualPercent: '6' })] as const;
  const before = rows(history(decider, rated).at(-1));
  const tranche = command('DisburseTranche', { ...by('t2', '2024-03-20', 'cash-1'),
    loanId: 'L1', amount: '3000' });
  const [e] = decided(given(...rated).when(tranche).outcome());
  // Instalments 1 and 2 at 12%, as they fell due; from 15 April on, 6% (about 0.493% a month).
  assert.equal(before.slice(0, 3), ['2024-02-15 517.40 29.59', '2024-03-15 517.40 24.78',
    '2024-04-15 511.13 9.96']);
  assert.equal(rows(e), ['2024-02-15 517.40 29.59', '2024-03-15 517.40 24.78',
    '2024-04-15 1269.80 22.37', '2024-05-15 1269.80 18.60', '2024-06-15 1269.80 12.43',
    '2024-07-15 1269.80 6.23']);
});

test.run();
