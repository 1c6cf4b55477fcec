// Products and steps for the tests of tranches, reschedules, recalculation and top-ups.
import * as E from 'fp-ts/lib/Either.js';
import { asMember, by, command, must, products } from '../testing/fixtures.ts';
import type { Rejection } from '../shared/rejection.ts';
import type { LoanEvent } from './events.ts';
import { ProductCatalogue } from '../products/productCatalogue.ts';
import { topUpFactOf } from './topUp.ts';
import type { LoanState } from './state.ts';
import { businessDate } from '../dates/businessDate.ts';

const ln = products.LN;
const progressive = { ...ln, scheduleType: 'progressive' };

/**
 * The test products with: LT, up to 3 tranches (progressive, no recalculation); LR, principal
 * paid early recalculated by a smaller EMI (progressive, excess paid ahead); LU, top-ups
 * allowed; LD, a 10% down payment.
 */
export const changeProducts: ProductCatalogue = must(ProductCatalogue, {
  ...products,
  LT: { ...progressive, id: 'LT', maxTranches: 3 },
  LR: { ...progressive, id: 'LR', interestRecalculation: 'reduce-emi',
    excessRepayment: 'prepay-principal' },
  LU: { ...ln, id: 'LU', allowTopUp: true },
  LD: { ...ln, id: 'LD', downPaymentPercent: '10' },
});

/** Application (by clerk-1) and approval (by mgr-1) of loan `loanId` for 6 monthly repayments. */
export const approvedLoan = (loanId: string, productId: string, principal: string,
  on = '2024-01-10') => [
  asMember(command('ApplyForLoan', { ...by(`${loanId}-ap`, on), loanId, memberId: 'M1',
    productId, principal, repayments: 6, firstRepaymentOn: null })),
  asMember(command('ApproveLoan', { ...by(`${loanId}-ok`, on, 'mgr-1'), loanId, principal })),
] as const;

/** DisburseLoan of `loanId` on `on`, with the optional fields given. */
export const disburseOf = (loanId: string, on: string, more: Record<string, unknown> = {},
  facts: Record<string, unknown> = {}) => {
  const c = asMember(command('DisburseLoan', { ...by(`${loanId}-pay`, on, 'cash-1'), loanId,
    ...more }));
  return { ...c, facts: { ...c.facts, ...facts } };
};

/** The top-up fact of the loan in `state` on `on`, as the Ledger reads it. */
export const topUpFact = (state: LoanState, on: string) => {
  const f = topUpFactOf(state, businessDate(on));
  if (f === undefined) throw new Error('no loan to top up');
  return f;
};

/** The events a decision took; throws with the rejection when it refused. */
export const decided = (r: E.Either<Rejection, ReadonlyArray<LoanEvent>>) => {
  if (E.isLeft(r)) throw new Error(`refused: ${JSON.stringify(r.left)}`);
  return r.right;
};
