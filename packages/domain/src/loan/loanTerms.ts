import * as E from 'fp-ts/lib/Either.js';
import type { Rejection } from '../shared/rejection.ts';
import { minorOf, moneyString } from '../shared/codecs.ts';
import { money } from '../money/money.ts';
import { InvalidTermsError } from '../finance/loan/invalidTermsError.ts';
import type { LoanSchedule, LoanTerms } from '../finance/loan/types.ts';
import type { LoanScheduleData, LoanTermsSnapshot } from './events.ts';

/** The schedule engines' terms for a loan of `principal` paise paid out on `disbursedOn`. */
export const loanTermsOf = (
  t: LoanTermsSnapshot, principal: bigint, disbursedOn: string,
): LoanTerms => ({
  principal: moneyString(principal), rateAnnualPercent: t.rateAnnualPercent,
  interestMethod: t.interestMethod, amortization: t.amortization,
  interestPeriod: t.interestPeriod, repayments: t.repayments, every: t.every,
  frequency: t.frequency, disbursedOn, firstRepaymentOn: t.firstRepaymentOn ?? undefined,
  daysInYear: t.daysInYear, daysInMonth: t.daysInMonth, currencyDigits: 2,
  installmentMultipleOf: t.installmentMultipleOf, rounding: t.rounding,
  graceOnPrincipal: t.graceOnPrincipal, graceOnInterestPayment: t.graceOnInterestPayment,
  graceOnInterestCharged: t.graceOnInterestCharged, scheduleType: t.scheduleType,
  downPaymentPercent: t.downPaymentPercent,
});

/** A schedule as events write it: amounts as decimal strings. */
export const scheduleData = (s: LoanSchedule): LoanScheduleData => {
  const m = (x: { minor: bigint }) => moneyString(x.minor);
  return {
    installments: s.installments.map((i) => ({
      n: i.n, dueOn: i.dueOn, days: i.days, principal: m(i.principal),
      interest: m(i.interest), total: m(i.total), balance: m(i.balance),
    })),
    totalPrincipal: m(s.totalPrincipal), totalInterest: m(s.totalInterest),
    totalDue: m(s.totalDue),
  };
};

/** A schedule an event wrote, as the schedule engines take it. */
export const scheduleOf = (d: LoanScheduleData): LoanSchedule => {
  const m = (s: LoanScheduleData['totalDue']) => money(minorOf(s), 2);
  return {
    installments: d.installments.map((i) => ({
      n: i.n, dueOn: i.dueOn, days: i.days, principal: m(i.principal),
      interest: m(i.interest), total: m(i.total), balance: m(i.balance),
    })),
    totalPrincipal: m(d.totalPrincipal), totalInterest: m(d.totalInterest),
    totalDue: m(d.totalDue),
  };
};

/**
 * Runs a schedule engine. The engines throw InvalidTermsError for terms that make no schedule
 * (a first repayment before the disbursement, say); a decider must stay total, so that
 * becomes the rejection `invalid_terms` naming the field.
 */
export const computedSchedule = (
  compute: () => LoanSchedule,
): E.Either<Rejection, LoanScheduleData> => {
  try {
    return E.right(scheduleData(compute()));
  } catch (e) {
    if (e instanceof InvalidTermsError) {
      return E.left({ type: 'invalid_terms', field: e.field, reason: e.reason });
    }
    throw e;
  }
};
