import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { LoanRescheduled, LoanScheduleRecalculated } from '@usha/domain';
import { must } from '@usha/domain/testing';
import { scheduleText } from './scheduleText.ts';

const row = (n: number, dueOn: string, principal: string, interest: string) =>
  ({ n, dueOn, days: 30, principal, interest, total: '0.00', balance: '0.00' });
// Three instalments; what is left depends on the date asked from.
const schedule = { installments: [row(1, '2024-05-01', '300.00', '30.00'),
  row(2, '2024-06-01', '350.00', '20.50'), row(3, '2024-07-01', '350.00', '10.25')],
totalPrincipal: '1000.00', totalInterest: '60.75', totalDue: '1060.75' };
const ids = { eventId: 'e1', loanId: 'L1', memberId: 'M1' };
const rescheduled = (change: Record<string, unknown>, kind = 'rescheduled', from = '2024-06-01') =>
  must(LoanRescheduled, { type: 'LoanRescheduled', data: { ...ids, on: '2024-05-20', from,
    kind, change, requestedBy: 'clerk', approvedBy: 'mgr', schedule } });

test('a reschedule names each change, from when, and the instalments from then', () => {
  assert.is(scheduleText(rescheduled({ rateAnnualPercent: '10', extraRepayments: 1,
    moratoriumPeriods: 2, interestOnlyPeriods: 1 })), 'Rescheduled from 2024-06-01 (rate 10%, '
    + '1 more repayment, 2 moratorium periods, 1 interest-only period): 2 instalments left, '
    + 'next 370.50 on 2024-06-01');
  assert.is(scheduleText(rescheduled({ extraRepayments: 0 }, 'restructured', '2024-07-01')),
    'Restructured from 2024-07-01 (0 more repayments): 1 instalment left, next 360.25 on '
    + '2024-07-01');
  assert.is(scheduleText(rescheduled({}, 'rescheduled', '2024-08-01')),
    'Rescheduled from 2024-08-01: no instalment left');
});

test('a recalculated schedule names its strategy and the instalments due after its date', () => {
  const e = must(LoanScheduleRecalculated, { type: 'LoanScheduleRecalculated', data: { ...ids,
    on: '2024-06-01', cause: 'e0', strategy: 'reduce-term', schedule } });
  assert.is(scheduleText(e),
    'Schedule recalculated (reduce-term): 1 instalment left, next 360.25 on 2024-07-01');
});

test.run();
