// Reschedules: a checked change of the schedule from a date on, instalments before it kept.
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { spec } from '../testing/deciderSpecification.ts';
import { by, command, history } from '../testing/fixtures.ts';
import { createLoanDecider } from './decide.ts';
import { rateInForce } from './state.ts';
import { approvedLoan, changeProducts, decided, disburseOf } from './scheduleChanges.fixture.ts';

const decider = createLoanDecider({ products: changeProducts });
const given = (...cs: Parameters<typeof decider.decide>[0][]) =>
  spec(decider).given(history(decider, cs));
const active = [...approvedLoan('L1', 'LN', '6000'), disburseOf('L1', '2024-01-15')] as const;
const rescheduleBy = (actor: string, change: Record<string, unknown>, from = '2024-04-15') =>
  command('RescheduleLoan', { ...by('r1', '2024-03-01', actor), loanId: 'L1', from,
    kind: 'rescheduled', change, requestedBy: 'clerk-1' });

test('two extra repayments from the third instalment: the first two kept, the rest re-spread',
  () => {
    const [e] = decided(given(...active).when(rescheduleBy('mgr-1', { extraRepayments: 2 }))
      .outcome());
    assert.ok(e?.type === 'LoanRescheduled');
    if (e?.type !== 'LoanRescheduled') return;
    assert.equal({ ...e.data, schedule: undefined }, {
      eventId: 'r1.0', loanId: 'L1', memberId: 'M1', on: '2024-03-01', from: '2024-04-15',
      kind: 'rescheduled', change: { extraRepayments: 2 }, requestedBy: 'clerk-1',
      approvedBy: 'mgr-1', schedule: undefined,
    });
    const rows = e.data.schedule.installments.map((i) => [i.dueOn, i.principal, i.total]);
    assert.equal(rows, [
      ['2024-02-15', '975.29', '1035.29'], ['2024-03-15', '985.04', '1035.29'],
      ['2024-04-15', '656.64', '697.04'], ['2024-05-15', '663.21', '697.04'],
      ['2024-06-15', '669.84', '697.04'], ['2024-07-15', '676.54', '697.04'],
      ['2024-08-15', '683.31', '697.04'], ['2024-09-15', '690.13', '697.03'],
    ]);
    assert.equal([e.data.schedule.totalPrincipal, e.data.schedule.totalInterest],
      ['6000.00', '252.81']);
  });

test('after a reschedule the loan is due by the new schedule', () => {
  given(...active).when(rescheduleBy('mgr-1', { extraRepayments: 2 })).thenState((s) => {
    assert.ok(s.status === 'active');
    if (s.status !== 'active') return;
    assert.is(s.schedule.length, 8);
    assert.equal(s.schedule[2], { dueOn: '2024-04-15', principal: 65_664n, interest: 4040n });
  });
});

test('a new rate is the rate in force after it; the terms keep the rate paid out at', () => {
  given(...active).when(rescheduleBy('mgr-1', { rateAnnualPercent: '9' })).thenState((s) => {
    assert.ok(s.status === 'active');
    if (s.status !== 'active') return;
    assert.equal([rateInForce(s), s.terms?.rateAnnualPercent], ['9', '12']);
    assert.equal(s.reschedules, [{ on: '2024-03-01', from: '2024-04-15',
      change: { rateAnnualPercent: '9' } }]);
  });
});

test('rejections, in the order they are checked', () => {
  given(...approvedLoan('L1', 'LN', '6000')).when(rescheduleBy('mgr-1', { extraRepayments: 1 }))
    .thenRejects('invalid_loan_status', { status: 'approved' });
  // Maker-checker: whoever asked for it cannot approve it.
  given(...active).when(rescheduleBy('clerk-1', { extraRepayments: 1 }))
    .thenRejects('same_user_cannot_approve', { recordedBy: 'clerk-1', actor: 'clerk-1' });
  given(...active).when(rescheduleBy('mgr-1', {}))
    .thenRejects('invalid_terms', { field: 'change', reason: 'changes nothing' });
  // The engine's own refusal, naming the field: `from` is no due date of the loan.
  const r = given(...active).when(rescheduleBy('mgr-1', { extraRepayments: 1 }, '2024-04-16'))
    .thenRejects('invalid_terms');
  assert.is(Reflect.get(r, 'field'), 'from');
});

test.run();
