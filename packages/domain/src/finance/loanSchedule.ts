import { readScheduleType } from './progressive/scheduleType.ts';
import { readTerms } from './loan/terms.ts';
import { scheduleRows } from './loan/scheduleRows.ts';
import { toSchedule } from './loan/toSchedule.ts';
import type { LoanSchedule, LoanTerms } from './loan/types.ts';

export { InvalidTermsError } from './loan/invalidTermsError.ts';
export type {
  Amortization, Frequency, Installment, InterestMethod, InterestPeriod, LoanSchedule, LoanTerms,
} from './loan/types.ts';

/**
 * The repayment schedule Apache Fineract generates for the same settings (its cumulative
 * schedule generators, without charges, holidays or interest recalculation), to the paisa;
 * with `downPaymentPercent`, installment 1 is the down payment, due on the disbursement date.
 * Throws InvalidTermsError, naming the field, for terms that cannot make a schedule.
 * @example
 * const s = loanSchedule({
 *   principal: '10000', rateAnnualPercent: '12', interestMethod: 'declining-balance',
 *   amortization: 'equal-installments', interestPeriod: 'same-as-repayment', repayments: 12,
 *   frequency: 'months', disbursedOn: '2024-01-15', daysInYear: 365, daysInMonth: 30,
 * });
 * String(s.installments[0]?.total) === '888.49'
 */
export const loanSchedule = (terms: LoanTerms): LoanSchedule => {
  const t = readTerms(terms);
  return toSchedule(t, scheduleRows(t, readScheduleType(terms.scheduleType)));
};
