import { sum } from '../../money/money.ts';
import { InvalidTermsError } from '../loan/invalidTermsError.ts';
import { scheduleRows } from '../loan/scheduleRows.ts';
import { readTerms } from '../loan/terms.ts';
import { toSchedule } from '../loan/toSchedule.ts';
import type { LoanSchedule, LoanTerms, Terms } from '../loan/types.ts';
import { readScheduleType, type ScheduleType } from '../progressive/scheduleType.ts';
import { cutAt } from './cutAt.ts';
import { restOfLoan } from './restOfLoan.ts';
import { readChange, type CheckedChange, type RescheduleChange } from './rescheduleChange.ts';

export type { RescheduleChange } from './rescheduleChange.ts';

/** What a reschedule is computed from. */
export interface RescheduleInput {
  /** The loan's terms, as its current schedule was made from them. */
  readonly terms: LoanTerms;
  /** The loan's schedule now. */
  readonly current: LoanSchedule;
  /** Principal repaid so far, in paise (minor units). */
  readonly principalPaid: bigint;
  /** Interest repaid so far, in paise (minor units). */
  readonly interestPaid: bigint;
  /** The due date of the first installment to change (Fineract's rescheduleFromDate). */
  readonly from: string;
  /** What changes from `from` on. */
  readonly change: RescheduleChange;
}

// The engine names its own terms; a reschedule's caller knows them as parts of the change.
const renamed: Readonly<Record<string, string>> = {
  graceOnInterestPayment: 'change.moratoriumPeriods',
  graceOnPrincipal: 'change.interestOnlyPeriods',
  rateAnnualPercent: 'change.rateAnnualPercent',
};

const rowsOf = (rest: Terms, type: ScheduleType) => {
  try {
    return scheduleRows(rest, type);
  } catch (e) {
    if (!(e instanceof InvalidTermsError)) throw e;
    throw new InvalidTermsError(renamed[e.field] ?? e.field, e.reason);
  }
};

const checkCurrent = (t: Terms, s: LoanSchedule): void => {
  const repaid = sum(s.installments.map((i) => i.principal), t.digits);
  if (String(repaid) !== t.principal.toFixed(t.digits)) {
    throw new InvalidTermsError('current',
      `repays ${String(repaid)}, not the principal ${t.principal.toFixed(t.digits)} of the terms`);
  }
};

/**
 * The whole schedule after a reschedule, as Apache Fineract's loan reschedule (its term
 * variations) makes it: installments due before `from` unchanged, the principal not scheduled
 * before `from` amortised anew from there at the new rate, over the installments left plus
 * the extra, interest-only and moratorium periods. Throws InvalidTermsError naming the field.
 * @example
 * const terms = {
 *   principal: '3000', rateAnnualPercent: '0', interestMethod: 'declining-balance',
 *   amortization: 'equal-installments', interestPeriod: 'same-as-repayment', repayments: 3,
 *   frequency: 'months', disbursedOn: '2023-07-01', daysInYear: 365, daysInMonth: 30,
 * } as const;
 * const s = rescheduledSchedule({ terms, current: loanSchedule(terms), principalPaid: 0n,
 *   interestPaid: 0n, from: '2023-09-01', change: { extraRepayments: 2 } });
 * s.installments.map((i) => String(i.principal)) // 1000.00 then four of 500.00
 */
export const rescheduledSchedule = (input: RescheduleInput): LoanSchedule => {
  const t = readTerms(input.terms);
  const type = readScheduleType(input.terms.scheduleType);
  const change: CheckedChange = readChange(input.change);
  checkCurrent(t, input.current);
  const cut = cutAt(t, input.current,
    { principal: input.principalPaid, interest: input.interestPaid }, input.from);
  const rest = restOfLoan(t, type, change, cut);
  const added = toSchedule(rest, rowsOf(rest, type)).installments
    .map((i) => ({ ...i, n: i.n + cut.kept.length }));
  const installments = [...cut.kept, ...added];
  const totalPrincipal = sum(installments.map((i) => i.principal), t.digits);
  const totalInterest = sum(installments.map((i) => i.interest), t.digits);
  return {
    installments, totalPrincipal, totalInterest,
    totalDue: sum([totalPrincipal, totalInterest], t.digits),
  };
};
