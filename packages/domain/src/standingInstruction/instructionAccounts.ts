import * as E from 'fp-ts/lib/Either.js';
import type { DepositKind, DepositState } from '../deposit/state.ts';
import type { LoanState } from '../loan/state.ts';
import type { MemberId } from '../shared/ids.ts';
import type { Rejection } from '../shared/rejection.ts';
import type { GiveStandingInstruction } from './commands.ts';
import type { GiveInstructionFacts } from './facts.ts';

type Checked = E.Either<Rejection, { readonly memberId: MemberId }>;

// An open account of the kind the instruction needs, in the order of the reference table.
const depositOf = (id: string, s: DepositState, kind: DepositKind): Checked => {
  if (s.status === 'none') return E.left({ type: 'not_found', aggregate: 'deposit', id });
  if (s.accountId !== id) {
    return E.left({ type: 'wrong_aggregate', aggregate: 'deposit', expected: s.accountId,
      got: id });
  }
  if (s.status !== 'open') {
    return E.left({ type: 'account_closed', accountId: s.accountId, status: s.status });
  }
  if (s.kind !== kind) {
    return E.left({ type: 'wrong_product', productId: s.productId, expected: kind,
      got: s.kind });
  }
  return E.right(s);
};

// A disbursed loan: its schedule, fixed at disbursement, is what the instruction pays. A loan
// not yet disbursed has no due date to pay, and the daily run would refuse each one.
const loanOf = (id: string, s: LoanState): Checked => {
  if (s.status === 'none') return E.left({ type: 'not_found', aggregate: 'loan', id });
  if (s.loanId !== id) {
    return E.left({ type: 'wrong_aggregate', aggregate: 'loan', expected: s.loanId, got: id });
  }
  if (s.status === 'closed' || s.status === 'rejected') {
    return E.left({ type: 'loan_closed', loanId: s.loanId, status: s.status });
  }
  if (s.status !== 'active') {
    return E.left({ type: 'invalid_loan_status', status: s.status, allowed: ['active'] });
  }
  return E.right(s);
};

// The target `what` names. Facts of the other kind are a defect of whoever read them: the
// stream `what` names was not read, so the target is not found.
const targetOf = (c: GiveStandingInstruction['data'], f: GiveInstructionFacts): Checked => {
  const id = c.toAccountId;
  if (c.what === 'rd-instalment') {
    return f.to.kind === 'deposit' ? depositOf(id, f.to.state, 'recurring')
      : E.left({ type: 'not_found', aggregate: 'deposit', id });
  }
  return f.to.kind === 'loan' ? loanOf(id, f.to.state)
    : E.left({ type: 'not_found', aggregate: 'loan', id });
};

/**
 * Undefined when the instruction pays from her open savings account into her own open
 * recurring deposit or disbursed loan, as `what` says; otherwise the first rejection met: the
 * savings account's, then the target's, then `wrong_aggregate` (aggregate `member`) when the
 * target belongs to another member than the savings account.
 * @example instructionAccounts(give, { from: savings, to: { kind: 'loan', state: closed } })
 *   // { type: 'loan_closed', loanId: 'L-1', status: 'closed' }
 */
export const instructionAccounts = (
  c: GiveStandingInstruction['data'], f: GiveInstructionFacts,
): Rejection | undefined => {
  const from = depositOf(c.fromAccountId, f.from, 'savings');
  if (E.isLeft(from)) return from.left;
  const to = targetOf(c, f);
  if (E.isLeft(to)) return to.left;
  if (to.right.memberId !== from.right.memberId) {
    return { type: 'wrong_aggregate', aggregate: 'member', expected: from.right.memberId,
      got: to.right.memberId };
  }
  return undefined;
};
