import type { Decimal } from '../money/decimal.ts';
import { sum, type Money } from '../money/money.ts';
import { roundMoney } from '../money/rounding.ts';
import { buildRows } from './loan/buildRows.ts';
import { decliningBalanceRule } from './loan/decliningBalance.ts';
import { fineractMath } from './loan/fineractMath.ts';
import { flatInterestRule } from './loan/flatInterest.ts';
import { progressiveRows } from './progressive/progressiveSchedule.ts';
import { readScheduleType } from './progressive/scheduleType.ts';
import { readTerms } from './loan/terms.ts';
import type { Installment, LoanSchedule, LoanTerms, Row, Terms } from './loan/types.ts';

export { InvalidTermsError } from './loan/invalidTermsError.ts';
export type {
  Amortization, Frequency, Installment, InterestMethod, InterestPeriod, LoanSchedule, LoanTerms,
} from './loan/types.ts';

/**
 * The repayment schedule Apache Fineract generates for the same settings (its cumulative
 * schedule generators, without charges, holidays or interest recalculation), to the paisa.
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
  const m = fineractMath(t.digits, t.rounding);
  const rows = readScheduleType(terms.scheduleType) === 'progressive'
    ? progressiveRows(t)
    : buildRows(t, t.interestMethod === 'flat'
      ? flatInterestRule(t, m)
      : decliningBalanceRule(t, m));
  const installments = rows.map((r) => toInstallment(t, r));
  const totalPrincipal = sum(installments.map((i) => i.principal), t.digits);
  const totalInterest = sum(installments.map((i) => i.interest), t.digits);
  return {
    installments,
    totalPrincipal,
    totalInterest,
    totalDue: sum([totalPrincipal, totalInterest], t.digits),
  };
};

// Every amount is already at the currency's scale; this only changes its representation.
const toMoney = (t: Terms, d: Decimal): Money =>
  roundMoney(d, { digits: t.digits, mode: t.rounding });

const toInstallment = (t: Terms, r: Row): Installment => {
  const principal = toMoney(t, r.principal);
  const interest = toMoney(t, r.interest);
  return {
    n: r.n,
    dueOn: r.dueOn,
    days: r.days,
    principal,
    interest,
    total: sum([principal, interest], t.digits),
    balance: toMoney(t, r.balance),
  };
};

