import * as E from 'fp-ts/lib/Either.js';
import type { BusinessDate } from '../dates/businessDate.ts';
import type { LoanId, MemberId } from '../shared/ids.ts';
import type { Rejection } from '../shared/rejection.ts';
import { eventIdFor } from '../shared/ids.ts';
import { minorOf, moneyString, type MoneyString } from '../shared/codecs.ts';
import { allocationOrders } from '../products/allocationOrder.ts';
import type { PayOffByTopUp } from './commands.ts';
import type { LoanEvent } from './events.ts';
import { outstandingPrincipal, type LoanState, type LoanStatus } from './state.ts';
import { duesOn, totalDue } from './dues.ts';
import { allocate } from './allocate.ts';
import { loanIn, type KnownLoan } from './loanIn.ts';

/** The loan a top-up pays off, as its stream holds it on the top-up's date. */
export interface TopUpFact {
  readonly loanId: LoanId;
  readonly memberId: MemberId;
  readonly status: LoanStatus;
  /** All it owes that day (payoffOn): what the top-up takes out of the new principal. */
  readonly payoff: MoneyString;
}

/**
 * What paying a loan off on `on` takes, in paise: penalties, fees and interest due by then,
 * and all principal outstanding. Interest of instalments not yet due is not charged: the
 * member pays interest only for periods that have run, as at an ordinary early repayment.
 */
export const payoffOn = (s: KnownLoan, on: BusinessDate): bigint => {
  const d = duesOn(s.schedule, s.totals, on);
  return d.penalties + d.fees + d.interest + outstandingPrincipal(s.totals);
};

/** The fact a top-up of `state`'s loan on `on` is decided on; undefined for no loan. */
export const topUpFactOf = (state: LoanState, on: BusinessDate): TopUpFact | undefined =>
  state.status === 'none' ? undefined : {
    loanId: state.loanId, memberId: state.memberId, status: state.status,
    payoff: moneyString(payoffOn(state, on)),
  };

/**
 * Why a loan cannot be topped up by `loanId` of `memberId` with `principal` paise, checked in
 * this order: the product allows top-ups, the fact is there and is of another active loan of
 * hers, and its payoff leaves her something of the new principal.
 */
export const topUpRefusal = (input: {
  readonly allowed: boolean; readonly productId: string; readonly loanId: LoanId;
  readonly memberId: MemberId; readonly topUpOf: LoanId; readonly fact: TopUpFact | undefined;
  readonly principal: bigint;
}): Rejection | undefined => {
  const { fact, topUpOf } = input;
  if (!input.allowed) return { type: 'top_up_not_allowed', productId: input.productId };
  if (topUpOf === input.loanId) {
    return { type: 'top_up_loan_invalid', loanId: topUpOf, why: 'same_loan' };
  }
  if (fact === undefined || fact.loanId !== topUpOf) {
    return { type: 'cannot_compute', field: 'topUp',
      reason: `the facts do not hold loan ${topUpOf} as its stream holds it` };
  }
  if (fact.memberId !== input.memberId) {
    return { type: 'top_up_loan_invalid', loanId: topUpOf, why: 'other_member' };
  }
  if (fact.status !== 'active') {
    return { type: 'top_up_loan_invalid', loanId: topUpOf, why: 'not_active' };
  }
  if (minorOf(fact.payoff) >= input.principal) {
    return { type: 'top_up_payoff_exceeds_principal', payoff: fact.payoff,
      principal: moneyString(input.principal) };
  }
  return undefined;
};

/**
 * Closes a loan paid off by a top-up: `amount` must be all it owes that day (payoffOn), shared
 * out in the product's order with the rest into principal; the loan closes as 'topped_up'.
 */
export const payOffByTopUp = (
  c: PayOffByTopUp['data'], state: LoanState,
): E.Either<Rejection, ReadonlyArray<LoanEvent>> => {
  const l = loanIn(state, c, ['active']);
  if (E.isLeft(l)) return l;
  const s = l.right;
  if (c.byLoanId === s.loanId) {
    return E.left({ type: 'top_up_loan_invalid', loanId: c.byLoanId, why: 'same_loan' });
  }
  const payoff = payoffOn(s, c.on);
  if (minorOf(c.amount) !== payoff) {
    return E.left({ type: 'payoff_differs', payoff: moneyString(payoff), requested: c.amount });
  }
  const order = s.terms?.allocationOrder ?? allocationOrders.standard;
  const dues = { ...duesOn(s.schedule, s.totals, c.on), principal: outstandingPrincipal(s.totals) };
  const { parts } = allocate(order, dues, payoff);
  const m = moneyString;
  return E.right([
    { type: 'LoanPaidOffByTopUp', data: {
      eventId: eventIdFor(c.commandId, 0), loanId: s.loanId, memberId: s.memberId, on: c.on,
      byLoanId: c.byLoanId, amount: c.amount,
      allocation: { penalties: m(parts.penalties), fees: m(parts.fees),
        interest: m(parts.interest), principal: m(parts.principal) },
      principalOutstandingAfter: m(0n),
    } },
    { type: 'LoanClosed', data: {
      loanId: s.loanId, memberId: s.memberId, on: c.on, reason: 'topped_up',
    } },
  ]);
};
