import type { DecimalInput } from '../../money/decimal.ts';
import { loanSchedule } from '../loanSchedule.ts';
import { InvalidTermsError } from '../loan/invalidTermsError.ts';
import { readTerms } from '../loan/terms.ts';
import type { LoanSchedule, LoanTerms } from '../loan/types.ts';
import { progressiveHistoryRows } from '../progressive/progressiveHistory.ts';
import { readScheduleType } from '../progressive/scheduleType.ts';
import { readHistory } from './readHistory.ts';
import { toSchedule } from '../loan/toSchedule.ts';
import type { RescheduleChange } from '../reschedule/rescheduleChange.ts';

/** A dated amount: a tranche paid out, or principal repaid. */
export interface DatedAmount {
  readonly on: string;
  readonly amount: DecimalInput;
}

/** Which part of the schedule gives way when principal is repaid ahead of it. */
export type RecalculationStrategy = 'reduce-emi' | 'reduce-term';

/**
 * A reschedule recorded on `on`: from the period due on `from`, the `change` (a new rate,
 * extra repayments) as rescheduledSchedule takes it.
 */
export interface DatedReschedule {
  readonly on: string;
  readonly from: string;
  readonly change: RescheduleChange;
}

/**
 * What a recalculated schedule is made from; `terms.principal` is the total approved and
 * `terms.rateAnnualPercent` the rate at disbursement.
 */
export interface RecalculationInput {
  readonly terms: LoanTerms;
  readonly disbursements: ReadonlyArray<DatedAmount>;
  readonly principalPaid: ReadonlyArray<DatedAmount>;
  /** The loan's reschedules, in the order recorded; none when left out. */
  readonly reschedules?: ReadonlyArray<DatedReschedule>;
  readonly strategy: RecalculationStrategy;
}

/**
 * The whole loan's schedule after its tranches and the principal repaid so far, as Apache
 * Fineract's progressive engine (ProgressiveEMICalculator) keeps it: each tranche recomputes
 * the EMI from its period on; principal paid ahead of the schedule lowers the interest from
 * its date and then the EMI ('reduce-emi') or the number of installments ('reduce-term');
 * each reschedule, on its day, prices the periods from its `from` at its rate and adds its
 * extra periods. One tranche with nothing repaid and no reschedule is loanSchedule of that
 * tranche; otherwise the schedule must be progressive, without down payment. Throws
 * InvalidTermsError naming the field.
 * @example
 * const s = recalculatedSchedule({
 *   terms: {
 *     principal: '200', rateAnnualPercent: '9.4822', interestMethod: 'declining-balance',
 *     amortization: 'equal-installments', interestPeriod: 'same-as-repayment', repayments: 6,
 *     frequency: 'months', disbursedOn: '2024-01-01', daysInYear: 360, daysInMonth: 30,
 *     scheduleType: 'progressive',
 *   },
 *   disbursements: [{ on: '2024-01-01', amount: '100' }, { on: '2024-03-01', amount: '100' }],
 *   principalPaid: [],
 *   strategy: 'reduce-emi',
 * });
 * String(s.installments[2]?.total) === '42.63'
 */
export const recalculatedSchedule = (input: RecalculationInput): LoanSchedule => {
  const t = readTerms(input.terms);
  const history = readHistory(t, input);
  const [only, ...more] = history.disbursements;
  const plain = history.principalPaid.length === 0 && (history.reschedules ?? []).length === 0;
  if (only !== undefined && more.length === 0 && plain) {
    return loanSchedule({ ...input.terms, principal: only.amount.toString() });
  }
  if (readScheduleType(input.terms.scheduleType) !== 'progressive') {
    // Fineract's cumulative engine recalculates interest by rest frequency and compounding
    // settings these terms do not carry; no reproduced figures back an imitation of it.
    throw new InvalidTermsError('scheduleType', 'tranches and interest recalculation are ' +
      "computed for a 'progressive' schedule only");
  }
  if (!t.downPaymentPercent.isZero()) {
    // Fineract takes a down payment from each tranche; that is not reproduced here.
    throw new InvalidTermsError('downPaymentPercent', 'tranches and interest recalculation ' +
      'are computed for loans without a down payment');
  }
  return toSchedule(t, progressiveHistoryRows(t, history));
};
