import * as E from 'fp-ts/lib/Either.js';
import type { Rejection } from '../shared/rejection.ts';
import { minorOf, moneyString } from '../shared/codecs.ts';
import { productOf, type ProductCatalogue } from '../products/productCatalogue.ts';
import type { LoanProduct } from '../products/loanProduct.ts';
import { loanSchedule } from '../finance/loanSchedule.ts';
import type { DisburseLoan } from './commands.ts';
import type { LoanEvent, LoanTermsSnapshot } from './events.ts';
import type { DisbursementFacts } from './facts.ts';
import type { LoanState } from './state.ts';
import { loanIn, type KnownLoan } from './loanIn.ts';
import { computedSchedule, loanTermsOf } from './loanTerms.ts';
import { topUpRefusal } from './topUp.ts';
import { admittedMember } from '../member/membership.ts';

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
  scheduleType: p.scheduleType ?? 'cumulative', downPaymentPercent: p.downPaymentPercent ?? '0',
  interestRecalculation: p.interestRecalculation ?? 'none', maxTranches: p.maxTranches ?? 1,
});

// The first tranche: all of the approval unless the product pays out in parts.
const firstTranche = (
  s: KnownLoan, p: LoanProduct, amount: DisburseLoan['data']['amount'],
): E.Either<Rejection, bigint> => {
  const approved = s.approvedPrincipal;
  const a = amount === undefined ? approved : minorOf(amount);
  if (a > approved) {
    return E.left({ type: 'tranche_exceeds_approved', approved: moneyString(approved),
      disbursed: moneyString(0n), requested: moneyString(a) });
  }
  if (a < approved && (p.maxTranches ?? 1) === 1) {
    return E.left({ type: 'partial_disbursement_not_allowed', approved: moneyString(approved),
      requested: moneyString(a) });
  }
  return E.right(a);
};

/**
 * Disburses an approved loan (or its first tranche), fixing its schedule from the product's
 * terms; a top-up names the loan it pays off, whose payoff the member does not receive.
 */
export const disburse = (
  ps: ProductCatalogue, c: DisburseLoan['data'], f: DisbursementFacts, state: LoanState,
): E.Either<Rejection, ReadonlyArray<LoanEvent>> => {
  const l = loanIn(state, c, ['approved']);
  if (E.isLeft(l)) return l;
  const s = l.right;
  const member = admittedMember(s.memberId, f, c.on);
  if (E.isLeft(member)) return member;
  const p = productOf(ps, s.productId, 'loan');
  if (E.isLeft(p)) return p;
  const principal = firstTranche(s, p.right, c.amount);
  if (E.isLeft(principal)) return principal;
  const topUpOf = c.topUpOf;
  if (topUpOf !== undefined) {
    const why = topUpRefusal({
      allowed: p.right.allowTopUp === true, productId: s.productId, loanId: s.loanId,
      memberId: s.memberId, topUpOf, fact: f.topUp, principal: principal.right,
    });
    if (why !== undefined) return E.left(why);
  }
  const terms = snapshot(p.right, s.repayments, s.firstRepaymentOn);
  const schedule = computedSchedule(() =>
    loanSchedule(loanTermsOf(terms, principal.right, c.on)));
  if (E.isLeft(schedule)) return schedule;
  return E.right([{ type: 'LoanDisbursed', data: {
    loanId: s.loanId, memberId: s.memberId, productId: s.productId, on: c.on,
    principal: moneyString(principal.right), terms, schedule: schedule.right,
    topUpOf: topUpOf === undefined || f.topUp === undefined ? null
      : { loanId: topUpOf, payoff: f.topUp.payoff },
  } }]);
};
