import * as E from 'fp-ts/lib/Either.js';
import { productOf, type ProductCatalogue } from '../products/productCatalogue.ts';
import type { Rejection } from '../shared/rejection.ts';
import type * as C from './commands.ts';
import type { LoanEvent } from './events.ts';
import type { LendingDecisionFacts } from './facts.ts';
import type { Guarantee } from './guarantors.ts';
import { guaranteesSecured, lendingChecked } from './limits.ts';
import type { LoanState } from './state.ts';

type Result = E.Either<Rejection, ReadonlyArray<LoanEvent>>;

/**
 * An application decided on its own rules (`decided`), then on the lending limits; with
 * guarantors named, GuarantorsNamed follows LoanApplied. The limits come after the product's
 * own bounds, so a principal outside them is refused as `amount_out_of_range` first.
 */
export const appliedWithinLimits = (
  ps: ProductCatalogue, c: C.ApplyForLoan['data'], f: LendingDecisionFacts, decided: Result,
): Result => {
  if (E.isLeft(decided)) return decided;
  const p = productOf(ps, c.productId, 'loan');
  if (E.isLeft(p)) return p;
  const guarantors: ReadonlyArray<Guarantee> = c.guarantors ?? [];
  const request = { loanId: c.loanId, memberId: c.memberId, principal: c.principal, guarantors };
  const limits = lendingChecked(ps, p.right, request, f.lending);
  if (E.isLeft(limits)) return limits;
  if (guarantors.length === 0) return decided;
  return E.right([...decided.right, { type: 'GuarantorsNamed', data: {
    loanId: c.loanId, memberId: c.memberId, on: c.on, guarantors: [...guarantors],
  } }]);
};

/**
 * An approval decided on its own rules, then on the lending limits in force on its date, for
 * the principal approved: the approval commits the money, so the figures of that day count
 * (savings withdrawn or another loan taken since the application are seen); then each
 * guarantee must be secured by its lien (`guarantee_not_secured`).
 */
export const approvedWithinLimits = (
  ps: ProductCatalogue, c: C.ApproveLoan['data'], f: LendingDecisionFacts, state: LoanState,
  decided: Result,
): Result => {
  if (E.isLeft(decided) || state.status === 'none') return decided;
  const p = productOf(ps, state.productId, 'loan');
  if (E.isLeft(p)) return p;
  const request = { loanId: state.loanId, memberId: state.memberId, principal: c.principal,
    guarantors: state.guarantors };
  const limits = lendingChecked(ps, p.right, request, f.lending);
  if (E.isLeft(limits)) return limits;
  // Named guarantors were read with the lending facts (lendingChecked refuses them missing).
  const secured = f.lending === undefined ? E.right(undefined)
    : guaranteesSecured(request, f.lending);
  return E.isLeft(secured) ? secured : decided;
};
