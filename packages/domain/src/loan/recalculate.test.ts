// Interest recalculation: principal paid ahead of the schedule recomputes the rest of it.
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { spec } from '../testing/deciderSpecification.ts';
import { by, command, event, history } from '../testing/fixtures.ts';
import { createLoanDecider } from './decide.ts';
import { approvedLoan, changeProducts, decided, disburseOf } from './scheduleChanges.fixture.ts';

const decider = createLoanDecider({ products: changeProducts });
const given = (...cs: Parameters<typeof decider.decide>[0][]) =>
  spec(decider).given(history(decider, cs));
const activeLR = [...approvedLoan('L1', 'LR', '6000'), disburseOf('L1', '2024-01-15')] as const;
const repay = (id: string, on: string, amount: string) =>
  command('RecordRepayment', { ...by(id, on, 'cash-1'), loanId: 'L1', amount });
const onTime = event('RepaymentReceived', {
  eventId: 'p1.0', loanId: 'L1', memberId: 'M1', on: '2024-02-15', amount: '1034.80',
  allocation: { penalties: '0.00', fees: '0.00', interest: '59.18', principal: '975.62' },
  prepayment: '0.00', principalOutstandingAfter: '5024.38',
});

test('1000.00 paid ahead with reduce-emi: the same decision records a smaller EMI', () => {
  const es = decided(given(...activeLR).when(repay('p1', '2024-02-15', '2034.80')).outcome());
  assert.equal(es.map((e) => e.type), ['RepaymentReceived', 'LoanScheduleRecalculated']);
  const [paid, recalculated] = es;
  assert.ok(paid?.type === 'RepaymentReceived' && paid.data.prepayment === '1000.00');
  assert.ok(recalculated?.type === 'LoanScheduleRecalculated');
  if (recalculated?.type !== 'LoanScheduleRecalculated') return;
  assert.equal([recalculated.data.eventId, recalculated.data.cause, recalculated.data.strategy],
    ['p1.1', 'p1.0', 'reduce-emi']);
  const rows = recalculated.data.schedule.installments.map((i) => [i.principal, i.total]);
  assert.equal(rows, [
    ['1975.62', '2034.80'], ['789.16', '828.85'], ['796.94', '828.85'], ['804.80', '828.85'],
    ['812.74', '828.85'], ['820.74', '828.83'],
  ]);
  assert.equal([recalculated.data.schedule.totalPrincipal,
    recalculated.data.schedule.totalInterest], ['6000.00', '179.03']);
});

test('after a recalculation the smaller instalment is all that is due, and paying it is on time',
  () => {
    given(...activeLR, repay('p1', '2024-02-15', '2034.80'))
      .when(repay('p2', '2024-03-15', '828.85')).then([event('RepaymentReceived', {
        eventId: 'p2.0', loanId: 'L1', memberId: 'M1', on: '2024-03-15', amount: '828.85',
        allocation: { penalties: '0.00', fees: '0.00', interest: '39.69', principal: '789.16' },
        prepayment: '0.00', principalOutstandingAfter: '3235.22',
      })]);
  });

test('reversing the repayment that paid ahead puts the schedule back as it was', () => {
  const paidAhead = [...activeLR, repay('p1', '2024-02-15', '2034.80')] as const;
  const reversal = command('ReverseEvent', { ...by('x1', '2024-02-16', 'cash-1'),
    aggregate: 'loan', aggregateId: 'L1', eventId: 'p1.0', reason: 'entry_error' });
  const es = decided(given(...paidAhead).when(reversal).outcome());
  assert.equal(es.map((e) => e.type), ['EventReversed', 'LoanScheduleRecalculated']);
  const back = es[1];
  assert.ok(back?.type === 'LoanScheduleRecalculated');
  if (back?.type !== 'LoanScheduleRecalculated') return;
  assert.equal([back.data.eventId, back.data.cause], ['x1.1', 'p1.0']);
  const disbursed = history(decider, activeLR)[2];
  assert.ok(disbursed?.type === 'LoanDisbursed');
  if (disbursed?.type !== 'LoanDisbursed') return;
  assert.equal(back.data.schedule, disbursed.data.schedule);
});

test('a repayment on time changes nothing: no recalculation is recorded', () => {
  given(...activeLR).when(repay('p1', '2024-02-15', '1034.80')).then([onTime]);
});

test('principal paid ahead on a loan that does not recalculate records the repayment alone',
  () => {
    const LP = [...approvedLoan('L1', 'LP', '6000'), disburseOf('L1', '2024-01-15')];
    const es = decided(given(...LP).when(repay('p1', '2024-01-22', '2000')).outcome());
    assert.equal(es.map((e) => e.type), ['RepaymentReceived']);
  });

test.run();
