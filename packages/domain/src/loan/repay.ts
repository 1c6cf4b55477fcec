import * as E from 'fp-ts/lib/Either.js';
import type { Rejection } from '../shared/rejection.ts';
import { eventIdFor } from '../shared/ids.ts';
import { minorOf, moneyString } from '../shared/codecs.ts';
import { minBig } from '../shared/guards.ts';
import { allocationOrders } from '../products/allocationOrder.ts';
import type { RecordRepayment } from './commands.ts';
import type { LoanEvent } from './events.ts';
import { applyEffect, outstandingPrincipal, type LoanState } from './state.ts';
import { duesOn, totalDue } from './dues.ts';
import { allocate } from './allocate.ts';
import { loanIn } from './loanIn.ts';
import { recalculationAfter } from './recalculate.ts';

/**
 * Receives a repayment: allocated over what is due in the product's order; any excess is paid
 * ahead into principal when the product allows it, and refused otherwise. A repayment that
 * settles everything closes the loan; one that pays principal early or late on a loan whose
 * terms recalculate also records the recomputed schedule.
 */
export const repay = (
  c: RecordRepayment['data'], state: LoanState,
): E.Either<Rejection, ReadonlyArray<LoanEvent>> => {
  const l = loanIn(state, c, ['active']);
  if (E.isLeft(l)) return l;
  const s = l.right;
  const order = s.terms?.allocationOrder ?? allocationOrders.standard;
  const excessAllowed = s.terms?.excessRepayment === 'prepay-principal';
  const dues = duesOn(s.schedule, s.totals, c.on);
  const amount = minorOf(c.amount);
  const { parts, unallocated } = allocate(order, dues, amount);
  const room = outstandingPrincipal(s.totals) - parts.principal;
  const prepayment = excessAllowed ? minBig(unallocated, room) : 0n;
  if (unallocated > prepayment) {
    return E.left({
      type: 'overpayment', due: moneyString(totalDue(dues)),
      outstanding: moneyString(totalDue(dues) + (excessAllowed ? room : 0n)),
      received: c.amount, excessAllowed,
    });
  }
  const totals = applyEffect(s.totals, {
    penaltiesPaid: parts.penalties, feesPaid: parts.fees, interestPaid: parts.interest,
    principalRepaid: parts.principal + prepayment,
  }, 1n);
  const principalAfter = outstandingPrincipal(totals);
  const repaid = { type: 'RepaymentReceived' as const, data: {
    eventId: eventIdFor(c.commandId, 0), loanId: s.loanId, memberId: s.memberId, on: c.on,
    amount: c.amount,
    allocation: {
      penalties: moneyString(parts.penalties), fees: moneyString(parts.fees),
      interest: moneyString(parts.interest), principal: moneyString(parts.principal),
    },
    prepayment: moneyString(prepayment), principalOutstandingAfter: moneyString(principalAfter),
  } };
  const settled = principalAfter === 0n && totalDue(duesOn(s.schedule, totals, c.on)) === 0n;
  if (!settled) {
    const recalculated = recalculationAfter(s, {
      commandId: c.commandId, eventId: repaid.data.eventId, on: c.on,
      principalDue: parts.principal, prepayment,
    });
    if (E.isLeft(recalculated)) return recalculated;
    return E.right([repaid, ...recalculated.right]);
  }
  return E.right([repaid, { type: 'LoanClosed', data: {
    loanId: s.loanId, memberId: s.memberId, on: c.on, reason: 'repaid',
  } }]);
};
