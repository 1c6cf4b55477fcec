// Properties of reschedules replayed by recalculatedSchedule.
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import fc from 'fast-check';
import { roundingModes } from '../../money/rounding.ts';
import { addDays, type BusinessDate } from '../../dates/businessDate.ts';
import { loanSchedule, type LoanSchedule, type LoanTerms } from '../loanSchedule.ts';
import { rescheduledSchedule } from '../reschedule/index.ts';
import { recalculatedSchedule, type RecalculationStrategy } from './index.ts';

const minor = (n: bigint): string => `${n / 100n}.${String(n % 100n).padStart(2, '0')}`;
const lines = (s: LoanSchedule): string[] => s.installments.map((i) =>
  [i.dueOn, i.total, i.interest, i.principal, i.balance].map(String).join(' '));

// Progressive monthly or weekly terms; years of 360, 364 or 365 days (an actual year with
// `every` above 1 has EMIs below the interest, which no schedule here is asked to make).
const terms: fc.Arbitrary<LoanTerms> = fc.record({
  principalMinor: fc.bigInt({ min: 100_000n, max: 10n ** 8n }),
  rateBp: fc.integer({ min: 0, max: 3600 }),
  repayments: fc.integer({ min: 3, max: 18 }),
  frequency: fc.constantFrom('weeks' as const, 'months' as const),
  disbursedOn: fc.constantFrom('2024-01-15', '2024-12-31', '2025-03-01', '2025-08-30'),
  daysInYear: fc.constantFrom(360 as const, 364 as const, 365 as const),
  daysInMonth: fc.constantFrom(30 as const, 'actual' as const),
  rounding: fc.constantFrom(...roundingModes),
}).map((r): LoanTerms => ({
  principal: minor(r.principalMinor), rateAnnualPercent: (r.rateBp / 100).toFixed(2),
  interestMethod: 'declining-balance', amortization: 'equal-installments',
  interestPeriod: 'same-as-repayment', repayments: r.repayments, frequency: r.frequency,
  disbursedOn: r.disbursedOn, daysInYear: r.daysInYear, daysInMonth: r.daysInMonth,
  rounding: r.rounding, scheduleType: 'progressive',
}));

// A reschedule from the k-th due date, recorded the day after the due date before it.
const rescheduled = terms.chain((t) => fc.record({
  t: fc.constant(t),
  k: fc.integer({ min: 0, max: t.repayments - 1 }),
  rateBp: fc.option(fc.integer({ min: 0, max: 3600 }), { nil: undefined }),
  extraRepayments: fc.integer({ min: 0, max: 3 }),
  paidMinor: fc.bigInt({ min: 1n, max: 100_000n }),
  strategy: fc.constantFrom<RecalculationStrategy>('reduce-emi', 'reduce-term'),
}).filter((r) => r.rateBp !== undefined || r.extraRepayments > 0).map((r) => {
  const plain = loanSchedule(t).installments;
  const from = plain[r.k]?.dueOn ?? t.disbursedOn;
  const on = addDays((plain[r.k - 1]?.dueOn ?? t.disbursedOn) as BusinessDate, 1);
  const change = {
    ...(r.rateBp === undefined ? {} : { rateAnnualPercent: (r.rateBp / 100).toFixed(2) }),
    ...(r.extraRepayments === 0 ? {} : { extraRepayments: r.extraRepayments }),
  };
  return { ...r, from, on, change };
}));

test('a reschedule replayed with nothing paid is the schedule rescheduledSchedule makes', () => {
  fc.assert(fc.property(rescheduled, (r) => {
    const cut = rescheduledSchedule({ terms: r.t, current: loanSchedule(r.t), principalPaid: 0n,
      interestPaid: 0n, from: r.from, change: r.change });
    const replayed = recalculatedSchedule({ terms: r.t, principalPaid: [], strategy: r.strategy,
      disbursements: [{ on: r.t.disbursedOn, amount: r.t.principal }],
      reschedules: [{ on: r.on, from: r.from, change: r.change }] });
    assert.equal(lines(replayed), lines(cut));
  }), { numRuns: 80 });
});

test('principal paid after a reschedule changes no instalment due before its `from`', () => {
  fc.assert(fc.property(rescheduled, (r) => {
    const input = { terms: r.t, strategy: r.strategy,
      disbursements: [{ on: r.t.disbursedOn, amount: r.t.principal }],
      reschedules: [{ on: r.on, from: r.from, change: r.change }] };
    const before = recalculatedSchedule({ ...input, principalPaid: [] });
    const after = recalculatedSchedule({ ...input,
      principalPaid: [{ on: r.from, amount: minor(r.paidMinor) }] });
    const due = (s: LoanSchedule) => lines(s).filter((l) => l.slice(0, 10) < r.from);
    assert.equal(due(after), due(before));
    assert.is(String(after.totalPrincipal), String(before.totalPrincipal));
  }), { numRuns: 80 });
});

test.run();
