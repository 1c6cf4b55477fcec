import * as E from 'fp-ts/lib/Either.js';
import { eventIdFor } from '../shared/ids.ts';
import { moneyString } from '../shared/codecs.ts';
import type { Rejection } from '../shared/rejection.ts';
import { productOf, type ProductCatalogue } from '../products/productCatalogue.ts';
import type { LoanEvent } from '../loan/events.ts';
import type { LoanState } from '../loan/state.ts';
import { loanIn } from '../loan/loanIn.ts';
import type { ApplyCharges } from './commands.ts';
import { latePaymentPenalties } from './latePaymentPenalties.ts';

/**
 * The penalties an active loan's product rule gives on `on` and the loan has not been charged
 * yet, one PenaltyCharged each naming its rule and period; `nothing_to_charge` when there are
 * none (no rule, nothing late, or all charged already), so a second run records nothing.
 */
export const applyLoanCharges = (
  ps: ProductCatalogue, c: ApplyCharges['data'], state: LoanState,
): E.Either<Rejection, ReadonlyArray<LoanEvent>> => {
  const l = loanIn(state, c, ['active']);
  if (E.isLeft(l)) return l;
  const s = l.right;
  const p = productOf(ps, s.productId, 'loan');
  if (E.isLeft(p)) return p;
  const rule = p.right.latePaymentPenalty;
  const t = s.totals;
  const due = rule === undefined ? [] : latePaymentPenalties(rule, {
    schedule: s.schedule, settled: t.principalRepaid + t.interestPaid + t.interestWaived,
    charged: new Set(Object.keys(s.chargedByRule)),
  }, c.on);
  if (due.length === 0) {
    return E.left({ type: 'nothing_to_charge', aggregate: 'loan', id: s.loanId, on: c.on });
  }
  return E.right(due.map((d, n) => ({ type: 'PenaltyCharged', data: {
    eventId: eventIdFor(c.commandId, n), loanId: s.loanId, memberId: s.memberId, on: c.on,
    amount: moneyString(d.amount), reason: 'late_payment', rule: d.rule,
  } })));
};
