// Reschedules replayed by recalculatedSchedule: a recalculation after a reschedule keeps its
// extra repayments, and prices the periods before its `from` at the rate they were due at.
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { loanSchedule } from '../loanSchedule.ts';
import type { LoanSchedule, LoanTerms } from '../loan/types.ts';
import { InvalidTermsError } from '../loan/invalidTermsError.ts';
import { rescheduledSchedule } from '../reschedule/index.ts';
import { recalculatedSchedule, type RecalculationInput } from './index.ts';

// 12% on 360/30 days: a rate factor of exactly 1% a month, so each EMI is checkable by hand.
const terms: LoanTerms = {
  principal: '6000', rateAnnualPercent: '12', interestMethod: 'declining-balance',
  amortization: 'equal-installments', interestPeriod: 'same-as-repayment', repayments: 6,
  frequency: 'months', disbursedOn: '2024-01-15', daysInYear: 360, daysInMonth: 30,
  scheduleType: 'progressive',
};
const lines = (s: LoanSchedule): string[] => s.installments.map((i) =>
  [i.dueOn, i.total, i.interest, i.principal, i.balance].map(String).join(' '));
const run = (over: Partial<RecalculationInput>): LoanSchedule => recalculatedSchedule({
  terms, disbursements: [{ on: '2024-01-15', amount: '6000' }], principalPaid: [],
  strategy: 'reduce-emi', ...over,
});
const twoMore = [{ on: '2024-02-01', from: '2024-02-15', change: { extraRepayments: 2 } }];
const toSix = [{ on: '2024-03-20', from: '2024-04-15', change: { rateAnnualPercent: '6' } }];
const onTime = [{ on: '2024-02-15', amount: '975.29' }, { on: '2024-03-15', amount: '985.04' }];

test('a reschedule replayed with nothing else is the schedule rescheduledSchedule made', () => {
  const cut = rescheduledSchedule({ terms, current: loanSchedule(terms), principalPaid: 0n,
    interestPaid: 0n, from: '2024-02-15', change: { extraRepayments: 2 } });
  // PMT(6000, 8, 1%) = 784.14.
  assert.equal(lines(run({ reschedules: twoMore })), lines(cut));
  assert.is(String(cut.installments[0]?.total), '784.14');
  const rated = rescheduledSchedule({ terms, current: loanSchedule(terms),
    principalPaid: 196033n, interestPaid: 11025n, from: '2024-04-15',
    change: { rateAnnualPercent: '6' } });
  assert.equal(lines(run({ principalPaid: onTime, reschedules: toSix })), lines(rated));
});

test('principal paid ahead after two extra repayments keeps all eight installments', () => {
  // 500 ahead on the first due date: PMT(4775.86, 7, 1%) = 709.83, over the 7 periods left.
  assert.equal(lines(run({ reschedules: twoMore,
    principalPaid: [{ on: '2024-02-15', amount: '1224.14' }] })), [
    '2024-02-15 1284.14 60.00 1224.14 4775.86',
    '2024-03-15 709.83 47.76 662.07 4113.79',
    '2024-04-15 709.83 41.14 668.69 3445.10',
    '2024-05-15 709.83 34.45 675.38 2769.72',
    '2024-06-15 709.83 27.70 682.13 2087.59',
    '2024-07-15 709.83 20.88 688.95 1398.64',
    '2024-08-15 709.83 13.99 695.84 702.80',
    '2024-09-15 709.83 7.03 702.80 0.00',
  ]);
});

test('a new rate prices the periods from its `from` on; those due before keep their interest',
  () => {
    // 500 ahead on 15 April at 6%: PMT(2517.10, 3, 0.5%) = 847.44; 60.00 and 50.25 at 12%.
    assert.equal(lines(run({ reschedules: toSix,
      principalPaid: [...onTime, { on: '2024-04-15', amount: '1522.57' }] })), [
      '2024-02-15 1035.29 60.00 975.29 5024.71',
      '2024-03-15 1035.29 50.25 985.04 4039.67',
      '2024-04-15 1542.77 20.20 1522.57 2517.10',
      '2024-05-15 847.44 12.59 834.85 1682.25',
      '2024-06-15 847.44 8.41 839.03 843.22',
      '2024-07-15 847.44 4.22 843.22 0.00',
    ]);
  });

test('a reschedule the progressive engine cannot replay is refused, naming it', () => {
  const refusal = (change: Record<string, unknown>, from = '2024-02-15') => {
    try {
      run({ reschedules: [{ on: '2024-02-01', from, change }] });
      return 'computed';
    } catch (e) {
      if (!(e instanceof InvalidTermsError)) throw e;
      return e.field;
    }
  };
  assert.is(refusal({ extraRepayments: 1 }, '2024-02-16'), 'reschedules[0].from');
  assert.is(refusal({ moratoriumPeriods: 1 }), 'reschedules[0].change.moratoriumPeriods');
  assert.is(refusal({ interestOnlyPeriods: 1 }), 'reschedules[0].change.interestOnlyPeriods');
  assert.is(refusal({}), 'reschedules[0].change');
  assert.is(refusal({ rateAnnualPercent: '-1' }), 'reschedules[0].change.rateAnnualPercent');
});

test.run();
