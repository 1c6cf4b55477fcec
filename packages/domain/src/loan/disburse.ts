import * as E from 'fp-ts/lib/Either.js';
import type { Rejection } from '../shared/rejection.ts';
import { moneyString } from '../shared/codecs.ts';
import { productOf, type ProductCatalogue } from '../products/productCatalogue.ts';
import type { LoanProduct } from '../products/loanProduct.ts';
import { InvalidTermsError, loanSchedule, type LoanSchedule } from '../finance/loanSchedule.ts';
import type { DisburseLoan } from './commands.ts';
import type { LoanEvent, LoanTermsSnapshot } from './events.ts';
import type { LoanState } from './state.ts';
import { loanIn } from './loanIn.ts';
import { admittedMember, type MembershipFacts } from '../member/membership.ts';

const snapshot = (
  p: LoanProduct, repayments: number, firstRepaymentOn: LoanTermsSnapshot['firstRepaymentOn'],
): LoanTermsSnapshot => ({
  rateAnnualPercent: p.rateAnnualPercent, interestMethod: p.interestMethod,
  amortization: p.amortization, interestPeriod: p.interestPeriod, repayments, every: p.every,
  frequency: p.frequency, firstRepaymentOn, daysInYear: p.daysInYear, daysInMonth: p.daysInMonth,
  installmentMultipleOf: p.installmentMultipleOf, rounding: p.rounding,
  graceOnPrincipal: p.graceOnPrincipal, graceOnInterestPayment: p.graceOnInterestPayment,
  graceOnInterestCharged: p.graceOnInterestCharged, allocationOrder: p.allocationOrder,
  excessRepayment: p.excessRepayment,
});

// loanSchedule throws InvalidTermsError for terms that make no schedule (a first repayment
// before the disbursement, say); the decider must stay total, so that becomes a rejection.
const schedule = (
  principal: bigint, t: LoanTermsSnapshot, disbursedOn: string,
): E.Either<Rejection, LoanSchedule> => {
  try {
    return E.right(loanSchedule({
      principal: moneyString(principal), rateAnnualPercent: t.rateAnnualPercent,
      interestMethod: t.interestMethod, amortization: t.amortization,
      interestPeriod: t.interestPeriod, repayments: t.repayments, every: t.every,
      frequency: t.frequency, disbursedOn, firstRepaymentOn: t.firstRepaymentOn ?? undefined,
      daysInYear: t.daysInYear, daysInMonth: t.daysInMonth, currencyDigits: 2,
      installmentMultipleOf: t.installmentMultipleOf, rounding: t.rounding,
      graceOnPrincipal: t.graceOnPrincipal, graceOnInterestPayment: t.graceOnInterestPayment,
      graceOnInterestCharged: t.graceOnInterestCharged,
    }));
  } catch (e) {
    if (e instanceof InvalidTermsError) {
      return E.left({ type: 'invalid_terms', field: e.field, reason: e.reason });
    }
    throw e;
  }
};

/** Disburses an approved loan, fixing its schedule from the product's terms. */
export const disburse = (
  ps: ProductCatalogue, c: DisburseLoan['data'], f: MembershipFacts, state: LoanState,
): E.Either<Rejection, ReadonlyArray<LoanEvent>> => {
  const l = loanIn(state, c, ['approved']);
  if (E.isLeft(l)) return l;
  const s = l.right;
  const member = admittedMember(s.memberId, f);
  if (E.isLeft(member)) return member;
  const p = productOf(ps, s.productId, 'loan');
  if (E.isLeft(p)) return p;
  const terms = snapshot(p.right, s.repayments, s.firstRepaymentOn);
  const sch = schedule(s.approvedPrincipal, terms, c.on);
  if (E.isLeft(sch)) return sch;
  const m = (x: { minor: bigint }) => moneyString(x.minor);
  return E.right([{ type: 'LoanDisbursed', data: {
    loanId: s.loanId, memberId: s.memberId, productId: s.productId, on: c.on,
    principal: moneyString(s.approvedPrincipal), terms,
    schedule: {
      installments: sch.right.installments.map((i) => ({
        n: i.n, dueOn: i.dueOn, days: i.days, principal: m(i.principal),
        interest: m(i.interest), total: m(i.total), balance: m(i.balance),
      })),
      totalPrincipal: m(sch.right.totalPrincipal), totalInterest: m(sch.right.totalInterest),
      totalDue: m(sch.right.totalDue),
    },
  } }]);
};
