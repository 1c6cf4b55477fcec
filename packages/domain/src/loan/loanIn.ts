import * as E from 'fp-ts/lib/Either.js';
import type { BusinessDate } from '../dates/businessDate.ts';
import type { Rejection } from '../shared/rejection.ts';
import { notBefore } from '../shared/guards.ts';
import type { LoanState, LoanStatus } from './state.ts';

/** A loan that exists. */
export type KnownLoan = Exclude<LoanState, { status: 'none' }>;

/**
 * The loan a command is for, if it is in one of the statuses the command accepts. A rejected
 * or closed loan accepts nothing.
 */
export const loanIn = (
  s: LoanState, c: { loanId: string; on: BusinessDate }, allowed: ReadonlyArray<LoanStatus>,
): E.Either<Rejection, KnownLoan> => {
  if (s.status === 'none') return E.left({ type: 'not_found', aggregate: 'loan', id: c.loanId });
  if (s.loanId !== c.loanId) {
    return E.left({
      type: 'wrong_aggregate', aggregate: 'loan', expected: s.loanId, got: c.loanId,
    });
  }
  if (s.status === 'closed' || s.status === 'rejected') {
    return E.left({ type: 'loan_closed', loanId: s.loanId, status: s.status });
  }
  const date = notBefore(c.on, s.lastOn);
  if (E.isLeft(date)) return date;
  if (!allowed.includes(s.status)) {
    return E.left({ type: 'invalid_loan_status', status: s.status, allowed });
  }
  return E.right(s);
};

